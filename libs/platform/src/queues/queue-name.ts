/** Every BullMQ queue of the system. Payloads carry ids only; handlers reload state from the database. */
export enum QueueName {
  Notifications = 'notifications',
  Casework = 'casework',
  Letters = 'letters',
  Payouts = 'payouts',
  Reports = 'reports',
  Messages = 'messages',
  Archive = 'archive',
}

export const ALL_QUEUES: readonly QueueName[] = Object.values(QueueName);

export function isQueueName(value: string): value is QueueName {
  return (ALL_QUEUES as readonly string[]).includes(value);
}
