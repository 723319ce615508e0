import { ProjectApplicationForm } from '../shared/project-application.form';
import { OneOf } from '../shared/form-fields';

/** The allocation letter's named amounts under this scheme; Grip Sjansen the letter puts under Grønland. */
export const OMRADESATSING_OSLO_EARMARKS = [
  'omradesatsing-oslo-gratis-kjernetid',
  'omradesatsing-oslo-sfo-oslo-sor',
  'omradesatsing-oslo-indre-oslo-ost',
] as const;

/** One plan per earmark: each amount has its own purpose in the letter. */
export class OmradesatsingOsloForm extends ProjectApplicationForm {
  @OneOf(OMRADESATSING_OSLO_EARMARKS)
  earmark: (typeof OMRADESATSING_OSLO_EARMARKS)[number];
}
