import type { SchemeDefinition } from '../../domain/scheme-definition';
import type { ProjectApplicationForm } from './project-application.form';
import { PAY_SPRING_AND_AUTUMN } from './payout-plans';
import { PARTICIPANT_PROJECT_REPORT } from './reporting-duties';
import { type ProjectSchemeOptions, standardProjectScheme } from './scheme-factories';

/**
 * TB 2017: Jobbsjansen is one tilskuddsordning split into parts A, B and C, sharing one earmark on
 * 496.62. The parts differ in target group and form; they pay and report alike.
 */
export function jobbsjansenPart<Form extends ProjectApplicationForm>(
  options: Omit<ProjectSchemeOptions<Form>, 'payoutPlan' | 'reportingDuty'>,
): SchemeDefinition<Form> {
  return standardProjectScheme({ ...options, payoutPlan: PAY_SPRING_AND_AUTUMN, reportingDuty: PARTICIPANT_PROJECT_REPORT });
}
