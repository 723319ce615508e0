import { MunicipalClaimForm } from '../shared/municipal-claim.form';
import { Choices, OneOf } from '../shared/form-fields';

/** Year 1 is claimed once, as persons settle; years 2–5 are claimed quarterly. */
export const INTEGRERINGSTILSKUDD_PERIODS = ['year-1', 'q1', 'q2', 'q3', 'q4'] as const;
export type IntegreringstilskuddPeriod = (typeof INTEGRERINGSTILSKUDD_PERIODS)[number];

/** The settled persons themselves come from the population register (NIR), not from the form. */
export class IntegreringstilskuddClaimForm extends MunicipalClaimForm {
  @Choices('Periode', { 'year-1': 'År 1', q1: '1. kvartal', q2: '2. kvartal', q3: '3. kvartal', q4: '4. kvartal' })
  @OneOf(INTEGRERINGSTILSKUDD_PERIODS)
  period: IntegreringstilskuddPeriod;
}
