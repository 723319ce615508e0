import { Money } from '@imdi/kernel';
import type { LedgerEntryKind } from './ledger-entry-kind';

export type LedgerSums = Partial<Record<LedgerEntryKind, Money>>;

/** Where a post, an earmark inside it, or the post's unearmarked rest stands. */
export interface BudgetPosition {
  readonly frame: Money;
  readonly committed: Money;
  readonly paid: Money;
  readonly reclaimed: Money;
  readonly available: Money;
}

const sumOf = (sums: LedgerSums, kind: LedgerEntryKind): Money => sums[kind] ?? Money.zero();

export function positionOf(baseFrame: Money, sums: LedgerSums): BudgetPosition {
  const frame = baseFrame.plus(sumOf(sums, 'carry-in')).minus(sumOf(sums, 'carry-out'));
  const committed = sumOf(sums, 'commit').minus(sumOf(sums, 'uncommit'));
  const paid = sumOf(sums, 'pay').minus(sumOf(sums, 'pay-reversal'));
  const reclaimed = sumOf(sums, 'reclaim');
  // Repayments in the year return money to the post (they reduce net spending).
  const available = frame.minus(committed).minus(paid).plus(reclaimed);
  return { frame, committed, paid, reclaimed, available };
}

export function mergeSums(...all: LedgerSums[]): LedgerSums {
  const merged: Partial<Record<LedgerEntryKind, Money>> = {};
  for (const sums of all) {
    for (const [kind, amount] of Object.entries(sums) as Array<[LedgerEntryKind, Money]>) {
      merged[kind] = (merged[kind] ?? Money.zero()).plus(amount);
    }
  }
  return merged;
}

/** Post 61-style estimates (overslagsbevilgning) may be exceeded; the report shows by how much. */
export function exceededBy(position: BudgetPosition): Money {
  return position.available.isNegative() ? position.available.negate() : Money.zero();
}
