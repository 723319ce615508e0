import type { SchemeDefinition } from '../../domain/scheme-definition';
import { reportAfterPeriod } from '../shared/reporting-duties';
import { namedRecipientScheme, OSLO_KOMMUNE } from '../shared/scheme-factories';
import { schemeModule } from '../shared/scheme-module';
import { GronlandForm } from './gronland.form';

// TB 2017 O10: paid to Oslo kommune by 28 February 2017, so all of it on acceptance (the default).
export const gronland: SchemeDefinition<GronlandForm> = namedRecipientScheme({
  code: 'gronland',
  form: GronlandForm,
  recipient: OSLO_KOMMUNE,
  reportingDuty: reportAfterPeriod(
    ['use-of-funds', 'results', 'goal-achievement', 'accounts'],
    'TB 2017 O10: monthly on how the initiative develops, and every third month on the strakstiltak package (progress, deviations, provisional results).',
  ),
});

export const GronlandSchemeModule = schemeModule(gronland);
