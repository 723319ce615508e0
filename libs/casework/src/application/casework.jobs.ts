import { defineJob, QueueName } from '@imdi/platform';

/** Delivers a ministry pre-notification to the ministry's inbox and moves its cases on. */
export const DELIVER_MINISTRY_NOTIFICATION = defineJob<{ notificationId: string }>(QueueName.Casework, 'deliver-ministry-notification');

/** Daily: applications undecided a month after receipt get a provisional answer (fvl. § 11a). */
export const SEND_PROVISIONAL_ANSWERS = defineJob<{ asOf?: string }>(QueueName.Casework, 'send-provisional-answers');

/** The outgoing message that tells the ministry a notification is in its inbox. */
export const SEND_MINISTRY_MESSAGE = defineJob<{ notificationId: string }>(QueueName.Notifications, 'send-ministry-message');
