import { ProjectApplicationForm } from '../shared/project-application.form';
import { Text } from '../shared/form-fields';

export class BosettingsordningenKsForm extends ProjectApplicationForm {
  /** How the plan follows up the agreement between the state and KS on reception and settlement of refugees. */
  @Text(20, 10000)
  agreementFollowUp: string;
}
