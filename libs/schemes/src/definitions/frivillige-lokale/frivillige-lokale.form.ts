import { IsBoolean } from 'class-validator';
import { MunicipalClaimForm } from '../shared/municipal-claim.form';
import { Label } from '../shared/form-fields';

/** The municipality takes on the year's frame and the oppdragsbrev that says how to grant it on. */
export class FrivilligeLokaleClaimForm extends MunicipalClaimForm {
  @Label('Kommunen tar på seg oppdraget i oppdragsbrevet')
  @IsBoolean()
  acceptsAssignmentLetter: boolean;
}
