import { ProjectApplicationForm } from '../shared/project-application.form';
import { Count, Text } from '../shared/form-fields';

/** The host municipality of an integreringsmottak applies for the residents' qualification measures. */
export class IntegreringsmottakForm extends ProjectApplicationForm {
  @Text(2, 200)
  receptionCentreName: string;

  /** Residents expected to start a full-time programme within two weeks of arrival (TB 2017 O7). */
  @Count(1, 2000)
  plannedParticipants: number;
}
