import { Money } from '@imdi/kernel';
import { settle } from './per-capita-settlement';

const kr = (amount: number) => Money.ofKroner(amount);
const view = (result: ReturnType<typeof settle>) => ({
  lines: result.lines.map((line) => [
    line.period,
    line.sequence,
    line.owed.toDecimalString(),
    line.difference.toDecimalString(),
    line.offset.toDecimalString(),
    line.paid.toDecimalString(),
  ]),
  creditAfter: result.creditAfter.toDecimalString(),
});

describe(settle.name, () => {
  it('pays each period in full the first time', () => {
    expect(
      view(
        settle(
          new Map([
            ['2017-Q1', kr(100)],
            ['2017-Q2', kr(50)],
          ]),
          [],
          Money.zero(),
        ),
      ),
    ).toEqual({
      lines: [
        ['2017-Q1', 1, '100.00', '100.00', '0.00', '100.00'],
        ['2017-Q2', 1, '50.00', '50.00', '0.00', '50.00'],
      ],
      creditAfter: '0.00',
    });
  });

  it('writes nothing when nothing changed', () => {
    expect(settle(new Map([['2017-Q1', kr(100)]]), [{ period: '2017-Q1', lastSequence: 1, settled: kr(100) }], Money.zero()).lines).toEqual([]);
  });

  it('pays only the difference of a corrected period, under the next sequence', () => {
    expect(view(settle(new Map([['2017-Q1', kr(130)]]), [{ period: '2017-Q1', lastSequence: 2, settled: kr(100) }], Money.zero())).lines).toEqual([
      ['2017-Q1', 3, '130.00', '30.00', '0.00', '30.00'],
    ]);
  });

  it('never pays a negative difference: it becomes credit, set off against the next positive one', () => {
    expect(
      view(
        settle(
          new Map([
            ['2017-Q1', kr(70)],
            ['2017-Q2', kr(50)],
          ]),
          [{ period: '2017-Q1', lastSequence: 1, settled: kr(100) }],
          Money.zero(),
        ),
      ),
    ).toEqual({
      lines: [
        ['2017-Q1', 2, '70.00', '-30.00', '0.00', '0.00'],
        ['2017-Q2', 1, '50.00', '50.00', '30.00', '20.00'],
      ],
      creditAfter: '0.00',
    });
  });

  it('keeps credit that is larger than what is owed, for a later run or a reclaim', () => {
    expect(view(settle(new Map([['2017-Q2', kr(10)]]), [{ period: '2017-Q1', lastSequence: 1, settled: kr(100) }], kr(5)))).toEqual({
      lines: [
        ['2017-Q1', 2, '0.00', '-100.00', '0.00', '0.00'],
        ['2017-Q2', 1, '10.00', '10.00', '10.00', '0.00'],
      ],
      creditAfter: '95.00',
    });
  });
});
