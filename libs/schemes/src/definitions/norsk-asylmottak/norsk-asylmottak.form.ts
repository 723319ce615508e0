import { MunicipalClaimForm } from '../shared/municipal-claim.form';
import { Count, Text } from '../shared/form-fields';

/** The host municipality claims for the teaching it gave residents of one reception centre. */
export class NorskAsylmottakClaimForm extends MunicipalClaimForm {
  @Text(2, 200)
  receptionCentreName: string;

  @Count(1, 5000)
  participants: number;

  /** Hours attended, summed over participants. */
  @Count(1, 250000)
  participantHours: number;
}
