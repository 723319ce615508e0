import { Money } from '@imdi/kernel';

/** What one kap./post has paid, and what its planned payouts and per-capita runs will still pay in the year. */
export interface PostForecastInputs {
  readonly frame: Money;
  readonly paid: Money;
  readonly reclaimed: Money;
  /** Planned instalments due on or before the cut-off date and not yet paid: the next payout run pays them. */
  readonly dueUnpaid: Money;
  /** Planned instalments falling due after the cut-off date and no later than 31 December of the year. */
  readonly plannedRestOfYear: Money;
  /** What the year's per-capita runs will still pay: the year's entitlement by the current records less what runs have settled. */
  readonly perCapitaRestOfYear: Money;
  /** Instalments held back until a report is approved: their date is unknown, so they are shown but not forecast. */
  readonly heldBack: Money;
}

export interface PostForecast extends PostForecastInputs {
  /** dueUnpaid + plannedRestOfYear + perCapitaRestOfYear. */
  readonly expectedRestOfYear: Money;
  /** paid + expectedRestOfYear: what the post will have paid by 31 December. */
  readonly paidByYearEnd: Money;
  /** frame − paidByYearEnd + reclaimed: left of the frame at 31 December; negative is an expected overspend (merforbruk). */
  readonly remainingAtYearEnd: Money;
}

/**
 * The year-end forecast the allocation letter asks for beside the status of a post: every planned
 * instalment and per-capita payment of the year goes out, nothing else does. Grants not yet
 * accepted have no payout plan and are not in it; held-back instalments are shown apart.
 */
export function forecastPost(inputs: PostForecastInputs): PostForecast {
  const expectedRestOfYear = inputs.dueUnpaid.plus(inputs.plannedRestOfYear).plus(inputs.perCapitaRestOfYear);
  const paidByYearEnd = inputs.paid.plus(expectedRestOfYear);
  return { ...inputs, expectedRestOfYear, paidByYearEnd, remainingAtYearEnd: inputs.frame.minus(paidByYearEnd).plus(inputs.reclaimed) };
}

/** The forecasts of several posts added up, figure by figure. */
export function sumForecasts(forecasts: readonly PostForecast[]): PostForecast {
  const sum = (pick: (forecast: PostForecast) => Money) => Money.sum(forecasts.map(pick));
  return {
    frame: sum((forecast) => forecast.frame),
    paid: sum((forecast) => forecast.paid),
    reclaimed: sum((forecast) => forecast.reclaimed),
    dueUnpaid: sum((forecast) => forecast.dueUnpaid),
    plannedRestOfYear: sum((forecast) => forecast.plannedRestOfYear),
    perCapitaRestOfYear: sum((forecast) => forecast.perCapitaRestOfYear),
    heldBack: sum((forecast) => forecast.heldBack),
    expectedRestOfYear: sum((forecast) => forecast.expectedRestOfYear),
    paidByYearEnd: sum((forecast) => forecast.paidByYearEnd),
    remainingAtYearEnd: sum((forecast) => forecast.remainingAtYearEnd),
  };
}
