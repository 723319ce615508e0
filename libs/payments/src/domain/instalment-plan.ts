import { Money } from '@imdi/kernel';

export type InstalmentTrigger =
  { readonly on: 'acceptance' } | { readonly on: 'date'; readonly month: number; readonly day: number } | { readonly on: 'report-approved' };

export interface PlannedInstalment {
  readonly sequence: number;
  readonly amount: Money;
  /** Oslo date the instalment falls due; null while it is held back. */
  readonly dueOn: string | null;
  readonly heldUntil: 'report-approved' | null;
}

/**
 * Splits a granted amount by the scheme's payout plan, to the øre (the last øre of a split goes
 * where the largest remainder is). A dated instalment already past at acceptance is due at once.
 */
export function planInstalments(
  amount: Money,
  instalments: ReadonlyArray<{ readonly sharePercent: number; readonly trigger: InstalmentTrigger }>,
  acceptedOn: string,
  budgetYear: number,
): PlannedInstalment[] {
  const parts = amount.allocate(instalments.map((instalment) => instalment.sharePercent));
  return instalments
    .map((instalment, index) => {
      const trigger = instalment.trigger;
      if (trigger.on === 'report-approved') return { amount: parts[index], dueOn: null, heldUntil: 'report-approved' as const };
      if (trigger.on === 'acceptance') return { amount: parts[index], dueOn: acceptedOn, heldUntil: null };
      const dated = `${budgetYear}-${String(trigger.month).padStart(2, '0')}-${String(trigger.day).padStart(2, '0')}`;
      return { amount: parts[index], dueOn: dated > acceptedOn ? dated : acceptedOn, heldUntil: null };
    })
    .filter((instalment) => !instalment.amount.isZero())
    .map((instalment, index) => ({ ...instalment, sequence: index + 1 }));
}
