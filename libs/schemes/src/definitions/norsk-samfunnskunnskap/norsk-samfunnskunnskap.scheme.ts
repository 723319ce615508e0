import { Money } from '@imdi/kernel';
import type { SchemeCalculation, SchemeDefinition } from '../../domain/scheme-definition';
import { wholeCount } from '../shared/entitlement-rules';
import { periodicPayout } from '../shared/payout-plans';
import { reportAfterPeriod } from '../shared/reporting-duties';
import { entitlementScheme } from '../shared/scheme-factories';
import { schemeModule } from '../shared/scheme-module';
import { NorskSamfunnskunnskapClaimForm } from './norsk-samfunnskunnskap.form';

/*
 * Provisional: the seeds hold no regulation for 497.60, so this is a plain per-capita model,
 * persons in their first, second and third year with the right and duty to training, plus a
 * bonus per passed test. Each category is a rate code; a new category is a data change.
 */
export const NORSK_SAMFUNNSKUNNSKAP_RATE_CODES = ['year1-person', 'year2-person', 'year3-person', 'result-bonus'] as const;

export interface NorskSamfunnskunnskapBasis {
  /** Counts by rate code; a code the year's rate table lacks is refused (UnknownRateError). */
  readonly personsByCategory: Readonly<Record<string, number>>;
}

const calculation: SchemeCalculation<NorskSamfunnskunnskapBasis> = {
  describes: 'Per capita-tilskudd per person og kategori (foreløpig modell)',
  calculate: (basis, rates) =>
    Money.sum(
      Object.entries(basis.personsByCategory).map(([category, count]) => rates.amount(category).times(wholeCount(count, `personsByCategory.${category}`))),
    ),
};

export const norskSamfunnskunnskap: SchemeDefinition<NorskSamfunnskunnskapClaimForm, NorskSamfunnskunnskapBasis> = entitlementScheme({
  code: 'norsk-samfunnskunnskap',
  form: NorskSamfunnskunnskapClaimForm,
  calculation,
  payoutPlan: periodicPayout('half-yearly', {
    nb: 'Tilskuddet utbetales halvårlig per person, etter tall fra Nasjonalt introduksjonsregister (NIR) per 30. juni og 31. desember.',
    nn: 'Tilskotet blir utbetalt halvårleg per person, etter tal frå Nasjonalt introduksjonsregister (NIR) per 30. juni og 31. desember.',
  }),
  reportingDuty: reportAfterPeriod(['participants', 'results'], {
    nb: 'Deltakere og beståtte prøver registreres i Nasjonalt introduksjonsregister (NIR); det skal ikke sendes egen rapport om bruken av midlene.',
    nn: 'Deltakarar og beståtte prøver blir registrerte i Nasjonalt introduksjonsregister (NIR); det skal ikkje sendast eigen rapport om bruken av midlane.',
  }),
});

export const NorskSamfunnskunnskapSchemeModule = schemeModule(norskSamfunnskunnskap);
