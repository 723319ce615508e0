import { MunicipalClaimForm } from '../shared/municipal-claim.form';
import { Count } from '../shared/form-fields';

export class NorskSamfunnskunnskapClaimForm extends MunicipalClaimForm {
  /** Tests passed that the municipality reports; persons per year come from NIR. */
  @Count(0, 100000)
  passedTestsReported: number;
}
