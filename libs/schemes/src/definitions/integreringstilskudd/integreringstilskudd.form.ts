import { MunicipalClaimForm } from '../shared/municipal-claim.form';
import { OneOf } from '../shared/form-fields';

/** Year 1 is claimed once, as persons settle; years 2–5 are claimed quarterly. */
export const INTEGRERINGSTILSKUDD_PERIODS = ['year-1', 'q1', 'q2', 'q3', 'q4'] as const;
export type IntegreringstilskuddPeriod = (typeof INTEGRERINGSTILSKUDD_PERIODS)[number];

/** The settled persons themselves come from the population register (NIR), not from the form. */
export class IntegreringstilskuddClaimForm extends MunicipalClaimForm {
  @OneOf(INTEGRERINGSTILSKUDD_PERIODS)
  period: IntegreringstilskuddPeriod;
}
