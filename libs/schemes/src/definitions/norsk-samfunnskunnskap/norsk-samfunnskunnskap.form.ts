import { MunicipalClaimForm } from '../shared/municipal-claim.form';
import { Count, Label } from '../shared/form-fields';

export class NorskSamfunnskunnskapClaimForm extends MunicipalClaimForm {
  /** Tests passed that the municipality reports; persons per year come from NIR. */
  @Label('Antall beståtte prøver')
  @Count(0, 100000)
  passedTestsReported: number;
}
