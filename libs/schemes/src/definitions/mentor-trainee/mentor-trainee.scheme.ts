import type { SchemeDefinition } from '../../domain/scheme-definition';
import { weightedCriteria } from '../shared/assessment-criteria';
import { PAY_REST_AFTER_REPORT } from '../shared/payout-plans';
import { PARTICIPANT_PROJECT_REPORT } from '../shared/reporting-duties';
import { standardProjectScheme } from '../shared/scheme-factories';
import { schemeModule } from '../shared/scheme-module';
import { MentorTraineeForm } from './mentor-trainee.form';

export const mentorTrainee: SchemeDefinition<MentorTraineeForm> = standardProjectScheme({
  code: 'mentor-trainee',
  form: MentorTraineeForm,
  assessmentCriteria: weightedCriteria({ transition: 40, 'target-group': 20, 'follow-up': 20, budget: 20 }),
  // Open to organisations with year-long placements: the last quarter waits for the report on who got work.
  payoutPlan: PAY_REST_AFTER_REPORT,
  reportingDuty: PARTICIPANT_PROJECT_REPORT,
});

export const MentorTraineeSchemeModule = schemeModule(mentorTrainee);
