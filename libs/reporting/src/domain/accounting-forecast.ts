import { Money } from '@imdi/kernel';

/** What is known at the cut-off date of one kap./post and what is expected for the rest of its year. */
export interface ForecastInputs {
  readonly frame: Money;
  readonly paid: Money;
  readonly reclaimed: Money;
  /** Planned instalments already due at the cut-off but not yet paid: the next run pays them. */
  readonly dueUnpaid: Money;
  /** Planned instalments falling due after the cut-off and within the budget year. */
  readonly plannedRestOfYear: Money;
  /** What the periodic per-capita runs are expected to pay for the rest of the year. */
  readonly perCapitaRestOfYear: Money;
}

export interface AccountingForecast {
  readonly expectedRestOfYear: Money;
  readonly paidByYearEnd: Money;
  /** frame − expected payments + repayments: a negative figure is an expected overspend (merforbruk). */
  readonly unusedAtYearEnd: Money;
}

/**
 * The forecast the allocation letter asks for beside the status: what the post will have paid by
 * 31 December if every planned instalment and per-capita run goes out, and what is then left.
 * Held-back instalments wait for reports whose approval date is unknown, so they are shown apart,
 * not forecast.
 */
export function forecastYearEnd(inputs: ForecastInputs): AccountingForecast {
  const expectedRestOfYear = inputs.dueUnpaid.plus(inputs.plannedRestOfYear).plus(inputs.perCapitaRestOfYear);
  const paidByYearEnd = inputs.paid.plus(expectedRestOfYear);
  return { expectedRestOfYear, paidByYearEnd, unusedAtYearEnd: inputs.frame.minus(paidByYearEnd).plus(inputs.reclaimed) };
}
