import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Clock, Money, osloDate } from '@imdi/kernel';
import { DataSource } from 'typeorm';
import { forecastPost, sumForecasts, type PostForecast } from '../domain/budget-forecast';
import { PlannedPayoutsQueries } from '../infrastructure/planned-payouts.queries';
import { BudgetStatusQuery, type BudgetStatusView, type PositionView, type PostStatusView } from './budget-status.query';
import { PerCapitaPayoutForecast } from './per-capita-payout-forecast.port';

export interface ForecastView {
  /** Planned instalments due on or before the cut-off date and not yet paid. */
  readonly dueUnpaidNok: string;
  /** Planned instalments falling due after the cut-off date, up to 31 December. */
  readonly plannedRestOfYearNok: string;
  /** What the year's per-capita runs will still pay. */
  readonly perCapitaRestOfYearNok: string;
  /** dueUnpaid + plannedRestOfYear + perCapitaRestOfYear. */
  readonly expectedRestOfYearNok: string;
  /** paid + expectedRestOfYear. */
  readonly paidByYearEndNok: string;
  /** frame − paidByYearEnd + reclaimed; negative: an expected overspend. */
  readonly remainingAtYearEndNok: string;
  /** Held back until a report is approved: not in the forecast. */
  readonly heldBackNok: string;
  /** Per-capita schemes on the post whose rates are unconfirmed: their runs are not in the forecast. */
  readonly perCapitaUnavailable: readonly string[];
}

export interface BudgetForecastView extends Omit<BudgetStatusView, 'posts' | 'totals'> {
  /** The Oslo date the forecast splits what is due from what falls due later in the year (at the latest 31 December). */
  readonly forecastCutOff: string;
  readonly posts: ReadonlyArray<PostStatusView & { readonly forecast: ForecastView }>;
  readonly totals: PositionView & { readonly forecast: ForecastView };
}

/** The status of every kap./post of a year with its year-end forecast (see forecastPost for the rule). */
@Injectable()
export class BudgetForecastQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly status: BudgetStatusQuery,
    private readonly planned: PlannedPayoutsQueries,
    private readonly clock: Clock,
    private readonly moduleRef: ModuleRef,
  ) {}

  async forYear(budgetYear: number, asOf?: string): Promise<BudgetForecastView> {
    // Once the year is over, nothing falls due later in it: its last day is the cut-off.
    const yearEnd = `${budgetYear}-12-31`;
    const requested = asOf ?? osloDate(this.clock.now());
    const cutOff = requested < yearEnd ? requested : yearEnd;
    // In turn, not in parallel: each read is short, and on a cold pool a parallel read opens a connection of its own (about 10 ms).
    const status = await this.status.forYear(budgetYear, asOf);
    const plannedRows = await this.planned.ofYear(this.dataSource.manager, budgetYear, cutOff, asOf ?? null);
    // Payments provides the port; it sits above budget, so it is looked up in the whole application.
    const perCapita = await this.moduleRef.get(PerCapitaPayoutForecast, { strict: false }).expectedAfter(budgetYear, asOf ?? null);
    const planned = new Map(plannedRows.map((row) => [row.budgetPost, row]));
    const forecasts: PostForecast[] = [];
    const posts = status.posts.map((post) => {
      const plan = planned.get(post.budgetPost);
      const forecast = forecastPost({
        frame: Money.parseNok(post.frameNok),
        paid: Money.parseNok(post.paidNok),
        reclaimed: Money.parseNok(post.reclaimedNok),
        dueUnpaid: plan?.dueUnpaid ?? Money.zero(),
        plannedRestOfYear: plan?.plannedRestOfYear ?? Money.zero(),
        perCapitaRestOfYear: perCapita.expected.get(post.budgetPost) ?? Money.zero(),
        heldBack: plan?.heldBack ?? Money.zero(),
      });
      forecasts.push(forecast);
      const unavailable = perCapita.unavailable.filter((entry) => entry.budgetPost === post.budgetPost).map((entry) => entry.schemeCode);
      return { ...post, forecast: view(forecast, unavailable) };
    });
    return {
      ...status,
      forecastCutOff: cutOff,
      posts,
      totals: {
        ...status.totals,
        forecast: view(
          sumForecasts(forecasts),
          perCapita.unavailable.map((entry) => entry.schemeCode),
        ),
      },
    };
  }
}

function view(forecast: PostForecast, perCapitaUnavailable: readonly string[]): ForecastView {
  return {
    dueUnpaidNok: forecast.dueUnpaid.toDecimalString(),
    plannedRestOfYearNok: forecast.plannedRestOfYear.toDecimalString(),
    perCapitaRestOfYearNok: forecast.perCapitaRestOfYear.toDecimalString(),
    expectedRestOfYearNok: forecast.expectedRestOfYear.toDecimalString(),
    paidByYearEndNok: forecast.paidByYearEnd.toDecimalString(),
    remainingAtYearEndNok: forecast.remainingAtYearEnd.toDecimalString(),
    heldBackNok: forecast.heldBack.toDecimalString(),
    perCapitaUnavailable: [...perCapitaUnavailable],
  };
}
