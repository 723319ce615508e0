import { MunicipalClaimForm } from '../shared/municipal-claim.form';
import { Count } from '../shared/form-fields';

export class EnsligeMindreaarigeClaimForm extends MunicipalClaimForm {
  /** The municipality's own count, checked against the register before anything is paid. */
  @Count(0, 10000)
  personsClaimed: number;
}
