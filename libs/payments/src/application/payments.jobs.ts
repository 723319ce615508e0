import { defineJob, QueueName } from '@imdi/platform';

/** Pays what is due on one kap./post: one payment per due instalment, whatever happens to the job. */
export const RUN_PAYOUTS = defineJob<{ runId: string }>(QueueName.Payouts, 'run-payouts');
