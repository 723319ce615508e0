import { InvalidValueError } from '../errors/domain.error';
import { Money } from './money.value-object';

function refusal(action: () => unknown): InvalidValueError {
  try {
    action();
  } catch (error: unknown) {
    if (error instanceof InvalidValueError) return error;
    throw error;
  }
  throw new Error('expected an InvalidValueError');
}

const BEYOND_SAFE_INTEGER = 2n ** 53n + 1n;

describe(Money.name, () => {
  describe('factories', () => {
    it('accepts øre as bigint, safe integer and digit string', () => {
      expect(Money.ofOre(12345n).toOre()).toBe(12345n);
      expect(Money.ofOre(-12345).toOre()).toBe(-12345n);
      expect(Money.ofOre('9007199254740993').toOre()).toBe(9007199254740993n);
      expect(Money.ofOre('-42').toOre()).toBe(-42n);
    });

    it('accepts whole kroner and converts them to øre', () => {
      expect(Money.ofKroner(1234).toOre()).toBe(123400n);
      expect(Money.ofKroner('-7').toOre()).toBe(-700n);
      expect(Money.ofKroner(BEYOND_SAFE_INTEGER).toOre()).toBe(BEYOND_SAFE_INTEGER * 100n);
    });

    it('accepts zero()', () => {
      expect(Money.zero().isZero()).toBe(true);
      expect(Money.zero().toOre()).toBe(0n);
    });

    it('refuses fractional or unsafe numbers', () => {
      const fractional = refusal(() => Money.ofOre(1.5, 'grantAmount'));
      expect(fractional).toMatchObject({
        code: 'INVALID_VALUE',
        field: 'grantAmount',
        rule: 'safe-integer',
      });
      expect(fractional.message).toContain('grantAmount');
      expect(refusal(() => Money.ofOre(2 ** 53)).rule).toBe('safe-integer');
      expect(refusal(() => Money.ofKroner(Number.NaN)).rule).toBe('safe-integer');
      expect(refusal(() => Money.ofOre(Number.POSITIVE_INFINITY)).field).toBe('amount');
    });

    it('refuses strings that are not plain integers', () => {
      for (const input of ['', '12.5', '1 000', '+5', '1e3', 'abc', ' 12']) {
        expect(refusal(() => Money.ofOre(input)).rule).toBe('integer-digits');
      }
    });
  });

  describe('parseNok', () => {
    it.each([
      ['1234.5', 123450n],
      ['1 234 567,89', 123456789n],
      ['-12,00', -1200n],
      ['0', 0n],
      ['-0,50', -50n],
      ['0.05', 5n],
      ['1234', 123400n],
      ['1 234,00 kr', 123400n],
      ['1\u00A0234\u00A0567,89\u00A0kr', 123456789n],
      ['\u22121\u202F234,50', -123450n],
      ['  99,9  ', 9990n],
      ['123456789012345678.99', 12345678901234567899n],
    ])('accepts %j as %s øre', (input, ore) => {
      expect(Money.parseNok(input).toOre()).toBe(ore);
    });

    it.each(['1.234', '0,001', '-12,345', '1 234,567 kr'])('refuses %j with more than two decimals', (input) => {
      expect(refusal(() => Money.parseNok(input, 'requestedAmount'))).toMatchObject({
        field: 'requestedAmount',
        rule: 'max-two-decimals',
      });
    });

    it.each(['', 'abc', '12,', ',50', '1,234.56', '1.234,56', '12 34', '1  234', '--5', 'kr', '5 NOK', '1e3'])('refuses malformed %j', (input) => {
      const error = refusal(() => Money.parseNok(input));
      expect(error.rule).toBe('nok-format');
      expect(error.field).toBe('amount');
      expect(error.message).toContain('amount');
    });

    it('accepts its own formats back unchanged (round trip)', () => {
      for (const ore of [0n, 1n, -1n, 50n, -50n, 99n, 100n, 123456789n, -123400n, BEYOND_SAFE_INTEGER * 7n]) {
        const money = Money.ofOre(ore);
        expect(Money.parseNok(money.toDecimalString()).equals(money)).toBe(true);
        expect(Money.parseNok(money.formatNok()).equals(money)).toBe(true);
      }
    });
  });

  describe('arithmetic', () => {
    it('accepts exact arithmetic beyond 2^53 øre', () => {
      const big = Money.ofOre(BEYOND_SAFE_INTEGER);
      expect(big.plus(Money.ofOre(1n)).toOre()).toBe(2n ** 53n + 2n);
      expect(big.minus(Money.ofOre(2n ** 53n)).toOre()).toBe(1n);
      expect(big.times(3).toOre()).toBe(27021597764222979n);
      expect(big.times(10n ** 6n).toOreString()).toBe('9007199254740993000000');
      expect(big.negate().toOre()).toBe(-BEYOND_SAFE_INTEGER);
      expect(Money.sum([big, big, Money.ofOre(-1n)]).toOre()).toBe(18014398509481985n);
    });

    it('accepts 0.1 + 0.2 kroner as exactly 0.30', () => {
      const sum = Money.parseNok('0.1').plus(Money.parseNok('0.2'));
      expect(sum.equals(Money.parseNok('0.30'))).toBe(true);
      expect(sum.toDecimalString()).toBe('0.30');
    });

    it('accepts sum of an empty list as zero', () => {
      expect(Money.sum([]).isZero()).toBe(true);
    });

    it('refuses a fractional factor in times()', () => {
      expect(refusal(() => Money.ofKroner(10).times(0.5))).toMatchObject({
        field: 'factor',
        rule: 'safe-integer',
      });
    });

    it('accepts comparisons', () => {
      const small = Money.ofOre(-5n);
      const large = Money.ofOre(BEYOND_SAFE_INTEGER);
      expect(small.compare(large)).toBe(-1);
      expect(large.compare(small)).toBe(1);
      expect(large.compare(Money.ofOre(BEYOND_SAFE_INTEGER))).toBe(0);
      expect(large.greaterThan(small)).toBe(true);
      expect(small.lessThan(large)).toBe(true);
      expect(small.greaterThan(small)).toBe(false);
      expect(small.isNegative()).toBe(true);
      expect(small.isPositive()).toBe(false);
      expect(Money.zero().isNegative()).toBe(false);
      expect(Money.parseNok('-0,00').isZero()).toBe(true);
      expect([large, small, Money.zero()].sort((a, b) => a.compare(b))).toEqual([small, Money.zero(), large]);
    });
  });

  describe('formatting', () => {
    it.each([
      [123456789n, '1234567.89', '1 234 567,89 kr'],
      [-123400n, '-1234.00', '-1 234,00 kr'],
      [-50n, '-0.50', '-0,50 kr'],
      [5n, '0.05', '0,05 kr'],
      [0n, '0.00', '0,00 kr'],
      [99999n, '999.99', '999,99 kr'],
      [100000n, '1000.00', '1 000,00 kr'],
      [900719925474099312n, '9007199254740993.12', '9 007 199 254 740 993,12 kr'],
    ])('accepts %s øre as %s and %s', (ore, decimal, nok) => {
      const money = Money.ofOre(ore);
      expect(money.toDecimalString()).toBe(decimal);
      expect(money.formatNok()).toBe(nok);
      expect(money.toOreString()).toBe(ore.toString());
    });

    it('accepts JSON serialisation as the exact decimal string', () => {
      expect(JSON.stringify({ amount: Money.ofOre(BEYOND_SAFE_INTEGER) })).toBe('{"amount":"90071992547409.93"}');
      expect(String(Money.ofOre(-50n))).toBe('-0.50');
    });

    it('accepts only a plain space as the thousands separator', () => {
      expect(Money.ofOre(123456789n).formatNok()).not.toMatch(/[\u00A0\u202F]/);
    });
  });

  describe('allocate', () => {
    const sumOre = (parts: Money[]): bigint => Money.sum(parts).toOre();

    it('accepts 100 kr over three equal parts, giving the extra øre to the first', () => {
      const parts = Money.ofKroner(100).allocate([1, 1, 1]);
      expect(parts.map((part) => part.toOre())).toEqual([3334n, 3333n, 3333n]);
      expect(sumOre(parts)).toBe(10000n);
    });

    it('accepts the largest remainder rule', () => {
      // 1.00 over 1:2:3 → exact shares 16.67, 33.33, 50.00; the single leftover øre goes to part 0.
      expect(
        Money.ofOre(100n)
          .allocate([1, 2, 3])
          .map((part) => part.toOre()),
      ).toEqual([17n, 33n, 50n]);
      // 0.05 over 3:7 → exact 1.5 and 3.5; equal remainders, so the earliest part wins.
      expect(
        Money.ofOre(5n)
          .allocate([3, 7])
          .map((part) => part.toOre()),
      ).toEqual([2n, 3n]);
    });

    it('accepts decimal ratios exactly', () => {
      expect(
        Money.ofKroner(1000)
          .allocate([0.7, 0.2, 0.1])
          .map((part) => part.toOre()),
      ).toEqual([70000n, 20000n, 10000n]);
      expect(
        Money.ofOre(3n)
          .allocate([1e-7, 2e-7])
          .map((part) => part.toOre()),
      ).toEqual([1n, 2n]);
    });

    it('accepts zero ratios and leaves those parts at zero', () => {
      const parts = Money.ofOre(101n).allocate([0, 1, 0, 1]);
      expect(parts.map((part) => part.toOre())).toEqual([0n, 51n, 0n, 50n]);
    });

    it('accepts negative amounts as the mirror image of positive ones', () => {
      const parts = Money.ofKroner(-100).allocate([1, 1, 1]);
      expect(parts.map((part) => part.toOre())).toEqual([-3334n, -3333n, -3333n]);
      expect(sumOre(parts)).toBe(-10000n);
    });

    it('accepts instalments that always sum exactly to the whole', () => {
      const amounts = [1n, 7n, 99n, 100n, 12345678n, BEYOND_SAFE_INTEGER, 10n ** 20n + 7n];
      const ratioSets = [[1], [1, 1], [1, 1, 1], [3, 1, 1, 7], [0.25, 0.25, 0.5], [13, 17, 19, 23, 29]];
      for (const ore of amounts) {
        for (const ratios of ratioSets) {
          const parts = Money.ofOre(ore).allocate(ratios);
          expect(parts).toHaveLength(ratios.length);
          expect(sumOre(parts)).toBe(ore);
          const min = parts.reduce((a, b) => (a.lessThan(b) ? a : b));
          const max = parts.reduce((a, b) => (a.greaterThan(b) ? a : b));
          if (ratios.every((ratio) => ratio === ratios[0])) {
            expect(max.minus(min).toOre() <= 1n).toBe(true);
          }
        }
      }
    });

    it('refuses empty, negative, non-finite and all-zero ratios', () => {
      const amount = Money.ofKroner(10);
      expect(refusal(() => amount.allocate([]))).toMatchObject({
        field: 'ratios',
        rule: 'at-least-one-ratio',
      });
      expect(refusal(() => amount.allocate([1, -1])).rule).toBe('non-negative-ratios');
      expect(refusal(() => amount.allocate([1, Number.NaN])).rule).toBe('non-negative-ratios');
      expect(refusal(() => amount.allocate([Number.POSITIVE_INFINITY])).rule).toBe('non-negative-ratios');
      expect(refusal(() => amount.allocate([0, 0])).rule).toBe('positive-ratio-sum');
    });
  });

  it('accepts being immutable: operations return new instances', () => {
    const original = Money.ofKroner(10);
    original.plus(Money.ofKroner(5));
    original.negate();
    original.times(3);
    expect(original.toOre()).toBe(1000n);
  });
});
