import { ageOn, assertBudgetYear, PeriodLines, yearOf, type PerCapitaPerson, type PerCapitaScheme, type PeriodEntitlement } from '../../domain/per-capita';
import type { RateTable } from '../../domain/rate-table';
import { ensligeMindreaarigeRateCode } from './enslige-mindreaarige.scheme';

const ADULT_AT = 18;

/**
 * Særskilt tilskudd for unaccompanied minors, one period per budget year: for every person settled
 * by the end of the year, the rate of the age band the person reaches that year (0–16 or 17–20),
 * up to and including the year the person turns 20. The birth date drives both.
 */
export const ensligeMindreaarigePerCapita: PerCapitaScheme = {
  code: 'enslige-mindreaarige',
  categories: ['unaccompanied-minor'],
  defaultCategory: 'unaccompanied-minor',
  periodsOf: (budgetYear) => [String(budgetYear)],
  entitlementByPeriod(budgetYear: number, persons: readonly PerCapitaPerson[], rates: RateTable): PeriodEntitlement[] {
    assertBudgetYear(budgetYear);
    const lines = new PeriodLines();
    for (const person of persons) {
      if (yearOf(person.settlementDate) > budgetYear) continue;
      const rateCode = ensligeMindreaarigeRateCode(budgetYear, yearOf(person.birthDate));
      if (rateCode !== null) lines.add(rateCode, rates.amount(rateCode));
    }
    return [lines.entitlement(String(budgetYear))];
  },
  checkRecord: (person) =>
    ageOn(person.birthDate, person.settlementDate) >= ADULT_AT
      ? [
          {
            field: 'settlementDate',
            rule: 'minor-at-settlement',
            message: 'Personen må ha vært under 18 år ved bosetting: tilskuddet gjelder enslige mindreårige.',
          },
        ]
      : [],
};
