import { ProjectApplicationForm } from '../shared/project-application.form';
import { Label, Text } from '../shared/form-fields';

export class BosettingsordningenKsForm extends ProjectApplicationForm {
  /** How the plan follows up the agreement between the state and KS on reception and settlement of refugees. */
  @Label('Oppfølging av samarbeidsavtalen mellom staten og KS', 'Hvordan planen følger opp avtalen om mottak og bosetting av flyktninger.')
  @Text(20, 10000)
  agreementFollowUp: string;
}
