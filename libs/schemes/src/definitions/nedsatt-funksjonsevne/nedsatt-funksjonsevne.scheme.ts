import type { SchemeDefinition } from '../../domain/scheme-definition';
import { weightedCriteria } from '../shared/assessment-criteria';
import { refuseUnless } from '../shared/eligibility-rules';
import { standardProjectScheme } from '../shared/scheme-factories';
import { schemeModule } from '../shared/scheme-module';
import { NedsattFunksjonsevneForm } from './nedsatt-funksjonsevne.form';

// TB 2017 O2: the scheme is under review in 2017; TB 2 gives these settlements priority.
export const nedsattFunksjonsevne: SchemeDefinition<NedsattFunksjonsevneForm> = standardProjectScheme({
  code: 'nedsatt-funksjonsevne',
  form: NedsattFunksjonsevneForm,
  assessmentCriteria: weightedCriteria({ 'documented-need': 40, 'adaptation-plan': 40, budget: 20 }),
  rules: (_applicant, form) => refuseUnless(form.needDocumented, 'needDocumented', 'documented-need', 'Behovet for tilrettelegging må være dokumentert.'),
});

export const NedsattFunksjonsevneSchemeModule = schemeModule(nedsattFunksjonsevne);
