import { ProjectApplicationForm } from '../shared/project-application.form';
import { Count } from '../shared/form-fields';

/** TB 2017 SP 9.2: a trial of an extra year for participants in the introduction programme. */
export class JobbsjansenCForm extends ProjectApplicationForm {
  /** Participants in the municipality's introduction programme today: the only ones who can get the extra year. */
  @Count(1, 10000)
  participantsInProgramme: number;

  @Count(1, 10000)
  plannedParticipants: number;
}
