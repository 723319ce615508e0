import type { SchemeDefinition } from '../../domain/scheme-definition';
import { weightedCriteria } from '../shared/assessment-criteria';
import { standardProjectScheme } from '../shared/scheme-factories';
import { schemeModule } from '../shared/scheme-module';
import { FrivilligeRegionaleForm } from './frivillige-regionale.form';

export const frivilligeRegionale: SchemeDefinition<FrivilligeRegionaleForm> = standardProjectScheme({
  code: 'frivillige-regionale',
  form: FrivilligeRegionaleForm,
  assessmentCriteria: weightedCriteria({ 'volunteer-activity': 30, 'target-group': 25, 'geographic-reach': 20, budget: 25 }),
});

export const FrivilligeRegionaleSchemeModule = schemeModule(frivilligeRegionale);
