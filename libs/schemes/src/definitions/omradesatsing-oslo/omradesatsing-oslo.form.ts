import { ProjectApplicationForm } from '../shared/project-application.form';
import { Choices, OneOf } from '../shared/form-fields';

/** The allocation letter's named amounts under this scheme; Grip Sjansen the letter puts under Grønland. */
export const OMRADESATSING_OSLO_EARMARKS = [
  'omradesatsing-oslo-gratis-kjernetid',
  'omradesatsing-oslo-sfo-oslo-sor',
  'omradesatsing-oslo-indre-oslo-ost',
] as const;

/** One plan per earmark: each amount has its own purpose in the letter. */
export class OmradesatsingOsloForm extends ProjectApplicationForm {
  @Choices('Satsing', {
    'omradesatsing-oslo-gratis-kjernetid': 'Gratis kjernetid i barnehage, Søndre Nordstrand',
    'omradesatsing-oslo-sfo-oslo-sor': 'Gratis SFO, Oslo Sør',
    'omradesatsing-oslo-indre-oslo-ost': 'Områdesatsing indre Oslo øst',
  })
  @OneOf(OMRADESATSING_OSLO_EARMARKS)
  earmark: (typeof OMRADESATSING_OSLO_EARMARKS)[number];
}
