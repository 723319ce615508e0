import { ProjectApplicationForm } from '../shared/project-application.form';
import { Count, Label, Text } from '../shared/form-fields';

/** TB 2017 O8: youth with an immigrant background entitled to upper secondary, lacking primary schooling. */
export class JobbsjansenBForm extends ProjectApplicationForm {
  @Label('Planlagt antall deltakere')
  @Count(1, 10000)
  plannedParticipants: number;

  /** How pupils are brought on to complete upper secondary education. */
  @Label('Vei videre til videregående opplæring', 'Hvordan elevene får fullført videregående opplæring.')
  @Text(20, 4000)
  pathToUpperSecondary: string;
}
