import { ProjectApplicationForm } from '../shared/project-application.form';
import { Label, Text } from '../shared/form-fields';

export class NasjonaleRessursmiljoerForm extends ProjectApplicationForm {
  /** What the organisation does for the integration field nationally: competence, advice, networks. */
  @Label('Organisasjonens nasjonale rolle på integreringsfeltet', 'Kompetanse, rådgivning og nettverk.')
  @Text(20, 4000)
  nationalRole: string;
}
