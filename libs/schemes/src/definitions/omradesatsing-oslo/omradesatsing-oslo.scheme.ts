import type { SchemeDefinition } from '../../domain/scheme-definition';
import { namedRecipientScheme, OSLO_KOMMUNE } from '../shared/scheme-factories';
import { schemeModule } from '../shared/scheme-module';
import { OmradesatsingOsloForm } from './omradesatsing-oslo.form';

export const omradesatsingOslo: SchemeDefinition<OmradesatsingOsloForm> = namedRecipientScheme({
  code: 'omradesatsing-oslo',
  form: OmradesatsingOsloForm,
  recipient: OSLO_KOMMUNE,
});

export const OmradesatsingOsloSchemeModule = schemeModule(omradesatsingOslo);
