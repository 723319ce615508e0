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
  reportingDuty: reportAfterPeriod(['use-of-funds', 'results', 'participants', 'accounts'], {
    nb: 'Framdrift og status rapporteres månedlig til alle integreringsmottakene er etablert, og deretter kvartalsvis; sluttrapporten sendes senest tre måneder etter perioden, jf. tildelingsbrevet for 2017 (O7).',
    nn: 'Framdrift og status blir rapporterte månadleg til alle integreringsmottaka er etablerte, og deretter kvartalsvis; sluttrapporten blir send seinast tre månader etter perioden, jf. tildelingsbrevet for 2017 (O7).',
  }),
});

export const IntegreringsmottakSchemeModule = schemeModule(integreringsmottak);
