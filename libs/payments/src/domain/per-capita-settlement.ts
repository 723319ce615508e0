import { Money } from '@imdi/kernel';

/** What earlier runs settled for one period of one municipality. */
export interface SettledPeriod {
  readonly period: string;
  /** The highest sequence written for the period so far (0: none). */
  readonly lastSequence: number;
  /** The sum of the differences settled so far: what the period was last found to be owed. */
  readonly settled: Money;
}

export interface SettlementLine {
  readonly period: string;
  readonly sequence: number;
  readonly owed: Money;
  /** owed − settled; never zero. */
  readonly difference: Money;
  /** Of a positive difference, the part set off against earlier overpayments. */
  readonly offset: Money;
  /** Of a positive difference, the part paid out; zero for a negative one. */
  readonly paid: Money;
}

export interface Settlement {
  readonly lines: readonly SettlementLine[];
  /** Overpayment still to be set off or reclaimed after this settlement. */
  readonly creditAfter: Money;
}

/**
 * Compares what a municipality is owed per period with what was settled before and gives one line
 * per period that differs. A payment is never negative: a period found to be owed less than was
 * paid adds to the municipality's credit, and credit is set off against the positive differences,
 * earliest period first. Negative lines come first, so that a correction and a new quarter in the
 * same run net out.
 */
export function settle(owed: ReadonlyMap<string, Money>, settled: readonly SettledPeriod[], creditBefore: Money): Settlement {
  if (creditBefore.isNegative()) throw new Error('credit cannot be negative');
  const before = new Map(settled.map((period) => [period.period, period]));
  const periods = [...new Set([...owed.keys(), ...before.keys()])].sort();
  const differences = periods
    .map((period) => {
      const previous = before.get(period);
      const amount = owed.get(period) ?? Money.zero();
      return { period, sequence: (previous?.lastSequence ?? 0) + 1, owed: amount, difference: amount.minus(previous?.settled ?? Money.zero()) };
    })
    .filter((line) => !line.difference.isZero());
  let credit = creditBefore;
  const lines: SettlementLine[] = [];
  for (const line of differences.filter((candidate) => candidate.difference.isNegative())) {
    credit = credit.minus(line.difference);
    lines.push({ ...line, offset: Money.zero(), paid: Money.zero() });
  }
  for (const line of differences.filter((candidate) => candidate.difference.isPositive())) {
    const offset = credit.lessThan(line.difference) ? credit : line.difference;
    credit = credit.minus(offset);
    lines.push({ ...line, offset, paid: line.difference.minus(offset) });
  }
  return { lines, creditAfter: credit };
}
