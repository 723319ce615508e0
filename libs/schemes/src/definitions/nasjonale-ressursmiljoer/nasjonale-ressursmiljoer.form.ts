import { ProjectApplicationForm } from '../shared/project-application.form';
import { Text } from '../shared/form-fields';

export class NasjonaleRessursmiljoerForm extends ProjectApplicationForm {
  /** What the organisation does for the integration field nationally: competence, advice, networks. */
  @Text(20, 4000)
  nationalRole: string;
}
