import { defineJob, QueueName } from '@imdi/platform';

/** One attempt to hand a message over to its channel; retried with backoff on a transient failure. */
export const DELIVER_MESSAGE = defineJob<{ messageId: string }>(QueueName.Messages, 'deliver-message');

/** Asks the integration point what became of digital post not yet read (scheduled in the worker). */
export const POLL_DIGITAL_POST = defineJob<{ limit?: number }>(QueueName.Messages, 'poll-digital-post');
