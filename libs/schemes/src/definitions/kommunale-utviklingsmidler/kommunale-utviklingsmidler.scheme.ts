import type { SchemeDefinition } from '../../domain/scheme-definition';
import { weightedCriteria } from '../shared/assessment-criteria';
import { PAY_REST_AFTER_REPORT } from '../shared/payout-plans';
import { standardProjectScheme } from '../shared/scheme-factories';
import { schemeModule } from '../shared/scheme-module';
import { KommunaleUtviklingsmidlerForm } from './kommunale-utviklingsmidler.form';

export const kommunaleUtviklingsmidler: SchemeDefinition<KommunaleUtviklingsmidlerForm> = standardProjectScheme({
  code: 'kommunale-utviklingsmidler',
  form: KommunaleUtviklingsmidlerForm,
  assessmentCriteria: weightedCriteria({ 'goal-relevance': 35, 'development-value': 35, cooperation: 15, budget: 15 }),
  // TB 2017 R 8.4: IMDi reports KUM's results per sub-goal, so the last quarter waits for the results report.
  payoutPlan: PAY_REST_AFTER_REPORT,
});

export const KommunaleUtviklingsmidlerSchemeModule = schemeModule(kommunaleUtviklingsmidler);
