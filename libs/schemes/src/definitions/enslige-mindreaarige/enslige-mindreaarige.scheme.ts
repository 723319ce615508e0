import { Money } from '@imdi/kernel';
import type { SchemeCalculation, SchemeDefinition } from '../../domain/scheme-definition';
import { wholeCount } from '../shared/entitlement-rules';
import { periodicPayout } from '../shared/payout-plans';
import { reportAfterPeriod } from '../shared/reporting-duties';
import { entitlementScheme } from '../shared/scheme-factories';
import { schemeModule } from '../shared/scheme-module';
import { EnsligeMindreaarigeClaimForm } from './enslige-mindreaarige.form';

export interface EnsligeMindreaarigeBasis {
  readonly budgetYear: number;
  readonly persons: ReadonlyArray<{ readonly birthYear: number }>;
}

export const ENSLIGE_MINDREAARIGE_RATE_CODES = ['age-0-16', 'age-17-20'] as const;
export type EnsligeMindreaarigeRateCode = (typeof ENSLIGE_MINDREAARIGE_RATE_CODES)[number];

const YOUNGER_BAND_UP_TO_AGE = 16;
const LAST_AGE = 20;

/** The rate for a person in a budget year, by the age they turn that year; null from the year they turn 21. */
export function ensligeMindreaarigeRateCode(budgetYear: number, birthYear: number): EnsligeMindreaarigeRateCode | null {
  const age = wholeCount(budgetYear - birthYear, 'birthYear');
  if (age <= YOUNGER_BAND_UP_TO_AGE) return 'age-0-16';
  return age <= LAST_AGE ? 'age-17-20' : null;
}

const calculation: SchemeCalculation<EnsligeMindreaarigeBasis> = {
  describes: 'Særskilt tilskudd per enslig mindreårig per år, til og med året personen fyller 20',
  calculate: (basis, rates) =>
    Money.sum(
      basis.persons.flatMap((person) => {
        const rateCode = ensligeMindreaarigeRateCode(basis.budgetYear, person.birthYear);
        return rateCode === null ? [] : [rates.amount(rateCode)];
      }),
    ),
};

export const ensligeMindreaarige: SchemeDefinition<EnsligeMindreaarigeClaimForm, EnsligeMindreaarigeBasis> = entitlementScheme({
  code: 'enslige-mindreaarige',
  form: EnsligeMindreaarigeClaimForm,
  calculation,
  // SPEC gives no rhythm; one run a year per person keeps the claim and the register check together.
  payoutPlan: periodicPayout('yearly', {
    nb: 'Tilskuddet utbetales én gang i året per person for budsjettåret, etter at kravet er kontrollert mot registeret.',
    nn: 'Tilskotet blir utbetalt éin gong i året per person for budsjettåret, etter at kravet er kontrollert mot registeret.',
  }),
  reportingDuty: reportAfterPeriod(['participants'], {
    nb: 'Kommunen bekrefter de enslige mindreårige den krever tilskudd for; det skal ikke rapporteres om bruken av midlene.',
    nn: 'Kommunen stadfestar dei einslege mindreårige han krev tilskot for; det skal ikkje rapporterast om bruken av midlane.',
  }),
});

export const EnsligeMindreaarigeSchemeModule = schemeModule(ensligeMindreaarige);
