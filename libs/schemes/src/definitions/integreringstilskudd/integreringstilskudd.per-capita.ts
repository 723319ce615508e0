import { Money } from '@imdi/kernel';
import {
  ageOn,
  assertBudgetYear,
  PeriodLines,
  quarterOf,
  yearOf,
  type PerCapitaPerson,
  type PerCapitaScheme,
  type PeriodEntitlement,
} from '../../domain/per-capita';
import type { RateTable } from '../../domain/rate-table';
import { integreringstilskuddPerPerson, SETTLED_PERSON_CATEGORIES, type SettledPersonCategory } from './integreringstilskudd.scheme';

const QUARTERS = [1, 2, 3, 4] as const;

/**
 * Integreringstilskudd by payout period (SPEC §2, practice): year 1 is paid at once, in the quarter
 * the person is settled, with eldre- and barnehagetilskudd; years 2–5 are paid quarterly, a quarter
 * of the year's rate each (the øre that do not divide go to the earliest quarters).
 */
export const integreringstilskuddPerCapita: PerCapitaScheme = {
  code: 'integreringstilskudd',
  categories: SETTLED_PERSON_CATEGORIES,
  periodsOf: (budgetYear) => QUARTERS.map((quarter) => `${budgetYear}-Q${quarter}`),
  entitlementByPeriod(budgetYear: number, persons: readonly PerCapitaPerson[], rates: RateTable): PeriodEntitlement[] {
    assertBudgetYear(budgetYear);
    const quarters = QUARTERS.map(() => new PeriodLines());
    const grants = integreringstilskuddPerPerson(
      {
        budgetYear,
        persons: persons
          .filter((person) => yearOf(person.settlementDate) <= budgetYear)
          .map((person) => ({
            settlementYear: yearOf(person.settlementDate),
            settlementQuarter: quarterOf(person.settlementDate),
            category: person.category as SettledPersonCategory,
            age: ageOn(person.birthDate, person.settlementDate),
          })),
      },
      rates,
    );
    for (const grant of grants) {
      for (const line of grant.lines) {
        if (grant.yearOfSettlement === 1) {
          quarters[grant.person.settlementQuarter - 1].add(line.rateCode, line.amount);
        } else {
          line.amount.allocate([1, 1, 1, 1]).forEach((share, index) => quarters[index].add(line.rateCode, share));
        }
      }
    }
    return quarters.map((lines, index) => lines.entitlement(`${budgetYear}-Q${index + 1}`));
  },
  checkRecord: () => [],
};

/** The year's total for one person, for the hand-check in tests: the periods must add up to it. */
export function integreringstilskuddYearTotal(budgetYear: number, person: PerCapitaPerson, rates: RateTable): Money {
  return Money.sum(integreringstilskuddPerCapita.entitlementByPeriod(budgetYear, [person], rates).map((period) => period.amount));
}
