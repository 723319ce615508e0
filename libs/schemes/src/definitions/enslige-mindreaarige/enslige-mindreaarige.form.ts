import { MunicipalClaimForm } from '../shared/municipal-claim.form';
import { Count, Label } from '../shared/form-fields';

export class EnsligeMindreaarigeClaimForm extends MunicipalClaimForm {
  /** The municipality's own count, checked against the register before anything is paid. */
  @Label('Antall personer kommunen krever tilskudd for', 'Tallet kontrolleres mot folkeregisteret før noe utbetales.')
  @Count(0, 10000)
  personsClaimed: number;
}
