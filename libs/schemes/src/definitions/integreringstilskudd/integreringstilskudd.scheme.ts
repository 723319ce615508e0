import { Money } from '@imdi/kernel';
import type { SchemeCalculation, SchemeDefinition } from '../../domain/scheme-definition';
import type { RateTable } from '../../domain/rate-table';
import { wholeCount } from '../shared/entitlement-rules';
import { periodicPayout } from '../shared/payout-plans';
import { reportAfterPeriod } from '../shared/reporting-duties';
import { entitlementScheme } from '../shared/scheme-factories';
import { schemeModule } from '../shared/scheme-module';
import { IntegreringstilskuddClaimForm } from './integreringstilskudd.form';

export const SETTLED_PERSON_CATEGORIES = ['single-adult', 'adult', 'unaccompanied-minor', 'child'] as const;
export type SettledPersonCategory = (typeof SETTLED_PERSON_CATEGORIES)[number];

export interface SettledPerson {
  readonly settlementYear: number;
  readonly category: SettledPersonCategory;
  /** Age at settlement. */
  readonly age: number;
  /** Settled from a reception centre without an asylum-based permit (TB 2017 4.1 asks for a count of these). */
  readonly specialCriterion?: boolean;
}

export interface IntegreringstilskuddBasis<Person extends SettledPerson = SettledPerson> {
  readonly budgetYear: number;
  readonly persons: readonly Person[];
}

const LAST_YEAR_OF_SETTLEMENT = 5;
const ELDERLY_FROM_AGE = 60;
const KINDERGARTEN_UP_TO_AGE = 5;

export const INTEGRERINGSTILSKUDD_RATE_CODES: readonly string[] = [
  ...SETTLED_PERSON_CATEGORIES.map((category) => `year1-${category}`),
  'year2',
  'year3',
  'year4',
  'year5',
  'elderly',
  'kindergarten',
];

export interface PersonGrantLine {
  readonly rateCode: string;
  readonly amount: Money;
}

export interface PersonGrant<Person extends SettledPerson = SettledPerson> {
  readonly person: Person;
  /** 1 in the settlement year; grants are paid for years 1–5 only. */
  readonly yearOfSettlement: number;
  readonly lines: readonly PersonGrantLine[];
  readonly total: Money;
}

export function yearOfSettlement(budgetYear: number, settlementYear: number): number {
  return budgetYear - settlementYear + 1;
}

function rateCodesFor(person: SettledPerson, year: number): string[] {
  if (year < 1 || year > LAST_YEAR_OF_SETTLEMENT) return [];
  if (year > 1) return [`year${year}`];
  // Eldretilskudd and barnehagetilskudd are one-off, paid with year 1.
  const age = wholeCount(person.age, 'age');
  return [`year1-${person.category}`, ...(age >= ELDERLY_FROM_AGE ? ['elderly'] : []), ...(age <= KINDERGARTEN_UP_TO_AGE ? ['kindergarten'] : [])];
}

/** The grant per settled person, line by line: the records a payout stores per person. */
export function integreringstilskuddPerPerson<Person extends SettledPerson>(basis: IntegreringstilskuddBasis<Person>, rates: RateTable): PersonGrant<Person>[] {
  return basis.persons.map((person) => {
    const year = yearOfSettlement(basis.budgetYear, person.settlementYear);
    const lines = rateCodesFor(person, year).map((rateCode) => ({ rateCode, amount: rates.amount(rateCode) }));
    return { person, yearOfSettlement: year, lines, total: Money.sum(lines.map((line) => line.amount)) };
  });
}

const calculation: SchemeCalculation<IntegreringstilskuddBasis> = {
  describes: 'Integreringstilskudd per bosatt person for bosettingsår 1–5, med eldre- og barnehagetilskudd i år 1',
  calculate: (basis, rates) => Money.sum(integreringstilskuddPerPerson(basis, rates).map((grant) => grant.total)),
};

export const integreringstilskudd: SchemeDefinition<IntegreringstilskuddClaimForm, IntegreringstilskuddBasis> = entitlementScheme({
  code: 'integreringstilskudd',
  form: IntegreringstilskuddClaimForm,
  calculation,
  payoutPlan: periodicPayout('quarterly', {
    nb: 'År 1 utbetales samlet når personen er bosatt; år 2–5 utbetales kvartalsvis.',
    nn: 'År 1 blir utbetalt samla når personen er busett; år 2–5 blir utbetalte kvartalsvis.',
  }),
  reportingDuty: reportAfterPeriod(['participants'], {
    nb: 'Integreringstilskuddet er ikke øremerket: kommunen rapporterer ikke om bruken av midlene, men bekrefter de bosatte personene registeret viser.',
    nn: 'Integreringstilskotet er ikkje øyremerkt: kommunen rapporterer ikkje om bruken av midlane, men stadfestar dei busette personane registeret viser.',
  }),
});

export const IntegreringstilskuddSchemeModule = schemeModule(integreringstilskudd);
