import type { SchemeDefinition } from '../../domain/scheme-definition';
import { namedRecipientScheme } from '../shared/scheme-factories';
import { schemeModule } from '../shared/scheme-module';
import { BosettingsordningenKsForm } from './bosettingsordningen-ks.form';

// SPEC §2 names KS as recipient. TB 2017 names none for 496.70; KS is the state's partner in the
// settlement agreement it follows up (TB 2), so KS stays until the ministry says otherwise.
const KS = { organisationNumber: '938801363', name: 'KS (Kommunesektorens organisasjon)' };

export const bosettingsordningenKs: SchemeDefinition<BosettingsordningenKsForm> = namedRecipientScheme({
  code: 'bosettingsordningen-ks',
  form: BosettingsordningenKsForm,
  recipient: KS,
});

export const BosettingsordningenKsSchemeModule = schemeModule(bosettingsordningenKs);
