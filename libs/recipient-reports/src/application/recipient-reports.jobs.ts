import { defineJob, QueueName } from '@imdi/platform';

/** Daily: reminds recipients of reports due within two weeks, and again once a deadline has passed. */
export const SEND_REPORT_REMINDERS = defineJob<{ asOf?: string }>(QueueName.Notifications, 'send-report-reminders');
