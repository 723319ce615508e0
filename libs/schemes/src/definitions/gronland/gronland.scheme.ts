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
  reportingDuty: reportAfterPeriod(['use-of-funds', 'results', 'goal-achievement', 'accounts'], {
    nb: 'Kommunen rapporterer månedlig om hvordan satsingen utvikler seg, og hver tredje måned om pakken med strakstiltak (framdrift, avvik og foreløpige resultater), jf. tildelingsbrevet for 2017 (O10).',
    nn: 'Kommunen rapporterer månadleg om korleis satsinga utviklar seg, og kvar tredje månad om pakken med strakstiltak (framdrift, avvik og førebelse resultat), jf. tildelingsbrevet for 2017 (O10).',
  }),
});

export const GronlandSchemeModule = schemeModule(gronland);
