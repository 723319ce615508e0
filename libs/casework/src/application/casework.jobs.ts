import { defineJob, QueueName } from '@imdi/platform';

/** Delivers a ministry pre-notification to the ministry's inbox and moves its cases on. */
export const DELIVER_MINISTRY_NOTIFICATION = defineJob<{ notificationId: string }>(QueueName.Casework, 'deliver-ministry-notification');
