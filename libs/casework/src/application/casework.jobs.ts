import type { MessageStatusReport } from '@imdi/messaging';
import { defineJob, QueueName } from '@imdi/platform';

/** Sends a gathered ministry pre-notification to the ministry's e-mail address for its budget year. */
export const DELIVER_MINISTRY_NOTIFICATION = defineJob<{ notificationId: string }>(QueueName.Casework, 'deliver-ministry-notification');

/** Daily: applications undecided a month after receipt get a provisional answer (fvl. § 11a). */
export const SEND_PROVISIONAL_ANSWERS = defineJob<{ asOf?: string }>(QueueName.Casework, 'send-provisional-answers');

/** Messaging reports the pre-notification's e-mail handed over (cases move on) or failed (cases say so). */
export const MINISTRY_NOTIFICATION_MESSAGE_STATUS = defineJob<MessageStatusReport>(QueueName.Casework, 'ministry-notification-message-status');
