import { ProjectApplicationForm } from '../shared/project-application.form';
import { Count, Label } from '../shared/form-fields';

export class MentorTraineeForm extends ProjectApplicationForm {
  /** Mentors recruited from the workplace; 0 for a trainee scheme without mentors. */
  @Label('Antall mentorer', 'Null for en traineeordning uten mentorer.')
  @Count(0, 10000)
  mentors: number;

  /** Mentees and trainees with an immigrant background. */
  @Label('Antall mentees og traineer')
  @Count(1, 10000)
  trainees: number;
}
