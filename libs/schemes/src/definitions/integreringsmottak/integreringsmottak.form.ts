import { ProjectApplicationForm } from '../shared/project-application.form';
import { Count, Label, Text } from '../shared/form-fields';

/** The host municipality of an integreringsmottak applies for the residents' qualification measures. */
export class IntegreringsmottakForm extends ProjectApplicationForm {
  @Label('Navn på mottaket')
  @Text(2, 200)
  receptionCentreName: string;

  /** Residents expected to start a full-time programme within two weeks of arrival (TB 2017 O7). */
  @Label('Planlagt antall deltakere', 'Beboere som skal starte i et fulltidsprogram innen to uker etter ankomst.')
  @Count(1, 2000)
  plannedParticipants: number;
}
