import { ProjectApplicationForm } from '../shared/project-application.form';
import { Count, Text } from '../shared/form-fields';

/** TB 2017 O8: youth with an immigrant background entitled to upper secondary, lacking primary schooling. */
export class JobbsjansenBForm extends ProjectApplicationForm {
  @Count(1, 10000)
  plannedParticipants: number;

  /** How pupils are brought on to complete upper secondary education. */
  @Text(20, 4000)
  pathToUpperSecondary: string;
}
