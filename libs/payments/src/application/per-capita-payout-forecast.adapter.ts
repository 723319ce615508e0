import { Injectable } from '@nestjs/common';
import { PerCapitaPayoutForecast, type PerCapitaOutlook } from '@imdi/budget';
import { Money } from '@imdi/kernel';
import { PER_CAPITA_SCHEME_CODES, RateTable, SchemeCatalogueQuery, SchemeError } from '@imdi/schemes';
import { PerCapitaEntitlements } from './per-capita-entitlement.query';

/** The budget forecast's port: what each per-capita scheme's runs will still pay in the year, on its kap./post. */
@Injectable()
export class PerCapitaPayoutForecastAdapter extends PerCapitaPayoutForecast {
  constructor(
    private readonly catalogue: SchemeCatalogueQuery,
    private readonly entitlements: PerCapitaEntitlements,
  ) {
    super();
  }

  async expectedAfter(budgetYear: number, settledUpTo: string | null): Promise<PerCapitaOutlook> {
    const expected = new Map<string, Money>();
    const unavailable: Array<{ schemeCode: string; budgetPost: string }> = [];
    for (const schemeCode of PER_CAPITA_SCHEME_CODES) {
      let version;
      try {
        version = await this.catalogue.version(schemeCode, budgetYear);
      } catch (error) {
        if (error instanceof SchemeError && error.code === 'SCHEME_VERSION_NOT_FOUND') continue;
        throw error;
      }
      const budgetPost = version.budgetPost.toString();
      // Runs are refused while a rate is unconfirmed, so nothing they would pay can be forecast.
      if (new RateTable(version.rates).unconfirmed().length > 0) {
        unavailable.push({ schemeCode, budgetPost });
        continue;
      }
      const amount = await this.entitlements.expectedAfter(schemeCode, budgetYear, settledUpTo);
      expected.set(budgetPost, (expected.get(budgetPost) ?? Money.zero()).plus(amount));
    }
    return { expected, unavailable };
  }
}
