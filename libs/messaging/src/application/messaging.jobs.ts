import { defineJob, QueueName } from '@imdi/platform';

/** One attempt to hand a message over to its channel; retried with backoff on a transient failure. */
export const DELIVER_MESSAGE = defineJob<{ messageId: string }>(QueueName.Messages, 'deliver-message');
