import { Money } from '@imdi/kernel';
import { planInstalments } from './instalment-plan';

describe(planInstalments.name, () => {
  it('pays Jobbsjansen in spring and autumn, to the øre', () => {
    const plan = planInstalments(
      Money.parseNok('600000.01'),
      [
        { sharePercent: 50, trigger: { on: 'date', month: 3, day: 1 } },
        { sharePercent: 50, trigger: { on: 'date', month: 9, day: 1 } },
      ],
      '2017-02-10',
      2017,
    );
    expect(plan.map((instalment) => [instalment.dueOn, instalment.amount.toDecimalString()])).toEqual([
      ['2017-03-01', '300000.01'],
      ['2017-09-01', '300000.00'],
    ]);
  });

  it('makes a date already past at acceptance due at once, and holds back the report share', () => {
    const plan = planInstalments(
      Money.ofKroner(400000),
      [
        { sharePercent: 75, trigger: { on: 'date', month: 3, day: 1 } },
        { sharePercent: 25, trigger: { on: 'report-approved' } },
      ],
      '2017-04-20',
      2017,
    );
    expect(plan).toEqual([
      expect.objectContaining({ sequence: 1, dueOn: '2017-04-20', heldUntil: null }),
      expect.objectContaining({ sequence: 2, dueOn: null, heldUntil: 'report-approved' }),
    ]);
    expect(Money.sum(plan.map((instalment) => instalment.amount)).toDecimalString()).toBe('400000.00');
  });
});
