import type { SchemeDefinition } from '../../domain/scheme-definition';
import { weightedCriteria } from '../shared/assessment-criteria';
import { reportAfterPeriod } from '../shared/reporting-duties';
import { standardProjectScheme } from '../shared/scheme-factories';
import { schemeModule } from '../shared/scheme-module';
import { IntegreringsmottakForm } from './integreringsmottak.form';

export const integreringsmottak: SchemeDefinition<IntegreringsmottakForm> = standardProjectScheme({
  code: 'integreringsmottak',
  form: IntegreringsmottakForm,
  assessmentCriteria: weightedCriteria({ 'full-time-programme': 45, cooperation: 25, budget: 30 }),
  reportingDuty: reportAfterPeriod(
    ['use-of-funds', 'results', 'participants', 'accounts'],
    'TB 2017 O7: progress and status monthly until every integreringsmottak is established, then quarterly; the final report three months after the period.',
  ),
});

export const IntegreringsmottakSchemeModule = schemeModule(integreringsmottak);
