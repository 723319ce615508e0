import { MunicipalClaimForm } from '../shared/municipal-claim.form';
import { Count, Label, Text } from '../shared/form-fields';

/** The host municipality claims for the teaching it gave residents of one reception centre. */
export class NorskAsylmottakClaimForm extends MunicipalClaimForm {
  @Label('Navn på mottaket')
  @Text(2, 200)
  receptionCentreName: string;

  @Label('Antall deltakere')
  @Count(1, 5000)
  participants: number;

  /** Hours attended, summed over participants. */
  @Label('Deltakertimer i alt')
  @Count(1, 250000)
  participantHours: number;
}
