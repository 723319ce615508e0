import { defineJob, QueueName } from '@imdi/platform';

/** After a submission commits: issue the applicant's receipt (kvittering) and store it once. */
export const ISSUE_RECEIPT = defineJob<{ applicationId: string }>(QueueName.Letters, 'issue-receipt');
