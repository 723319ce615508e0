import type { Money } from '@imdi/kernel';

export interface PerCapitaOutlook {
  /** By kap./post ("496.60"): what the year's per-capita runs will still pay after those already run. */
  readonly expected: ReadonlyMap<string, Money>;
  /** Per-capita schemes of the year whose rates an admin has not confirmed: their runs are refused, so they cannot be forecast. */
  readonly unavailable: ReadonlyArray<{ readonly schemeCode: string; readonly budgetPost: string }>;
}

/**
 * What the budget forecast asks of the payments context, which owns the settled persons and the
 * per-capita runs. Payments sits above budget (it books on the ledger), so budget cannot import it:
 * payments provides this port and the budget forecast finds it in the application at call time.
 */
export abstract class PerCapitaPayoutForecast {
  /**
   * The year's per-capita entitlement by the current records and confirmed rates, less what runs
   * settled with a cut-off on or before `settledUpTo` (all runs when null).
   */
  abstract expectedAfter(budgetYear: number, settledUpTo: string | null): Promise<PerCapitaOutlook>;
}
