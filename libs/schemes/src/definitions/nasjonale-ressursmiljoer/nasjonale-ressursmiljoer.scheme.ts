import type { SchemeDefinition } from '../../domain/scheme-definition';
import { weightedCriteria } from '../shared/assessment-criteria';
import { refuseUnless } from '../shared/eligibility-rules';
import { standardProjectScheme } from '../shared/scheme-factories';
import { schemeModule } from '../shared/scheme-module';
import { NasjonaleRessursmiljoerForm } from './nasjonale-ressursmiljoer.form';

/** An operating grant (driftstilskudd) covers one calendar year. */
function isOneCalendarYear(form: NasjonaleRessursmiljoerForm): boolean {
  const year = form.periodStart.slice(0, 4);
  return form.periodStart.slice(5) === '01-01' && form.periodEnd === `${year}-12-31`;
}

export const nasjonaleRessursmiljoer: SchemeDefinition<NasjonaleRessursmiljoerForm> = standardProjectScheme({
  code: 'nasjonale-ressursmiljoer',
  form: NasjonaleRessursmiljoerForm,
  assessmentCriteria: weightedCriteria({ 'national-competence': 40, 'previous-results': 30, organisation: 15, budget: 15 }),
  rules: (_applicant, form) =>
    refuseUnless(isOneCalendarYear(form), 'periodStart', 'calendar-year', 'Driftstilskudd gis for ett kalenderår (1. januar–31. desember).'),
});

export const NasjonaleRessursmiljoerSchemeModule = schemeModule(nasjonaleRessursmiljoer);
