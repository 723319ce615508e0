import { IsBoolean } from 'class-validator';
import { MunicipalClaimForm } from '../shared/municipal-claim.form';

/** The municipality takes on the year's frame and the oppdragsbrev that says how to grant it on. */
export class FrivilligeLokaleClaimForm extends MunicipalClaimForm {
  @IsBoolean()
  acceptsAssignmentLetter: boolean;
}
