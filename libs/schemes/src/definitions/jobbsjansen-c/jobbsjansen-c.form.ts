import { ProjectApplicationForm } from '../shared/project-application.form';
import { Count, Label } from '../shared/form-fields';

/** TB 2017 SP 9.2: a trial of an extra year for participants in the introduction programme. */
export class JobbsjansenCForm extends ProjectApplicationForm {
  /** Participants in the municipality's introduction programme today: the only ones who can get the extra year. */
  @Label('Deltakere i introduksjonsprogrammet i dag')
  @Count(1, 10000)
  participantsInProgramme: number;

  @Label('Planlagt antall deltakere med ekstra år')
  @Count(1, 10000)
  plannedParticipants: number;
}
