import type { SchemeDefinition } from '../../domain/scheme-definition';
import { weightedCriteria } from '../shared/assessment-criteria';
import { standardProjectScheme } from '../shared/scheme-factories';
import { schemeModule } from '../shared/scheme-module';
import { EtablerersentreForm } from './etablerersentre.form';

// TB 2017: jf. handlingsplanen «Vi trenger innvandrernes kompetanse».
export const etablerersentre: SchemeDefinition<EtablerersentreForm> = standardProjectScheme({
  code: 'etablerersentre',
  form: EtablerersentreForm,
  assessmentCriteria: weightedCriteria({ 'business-start-ups': 40, 'target-group': 25, budget: 20, cooperation: 15 }),
});

export const EtablerersentreSchemeModule = schemeModule(etablerersentre);
