import { defineJob, QueueName } from '@imdi/platform';

/** Sends one delivery (an entry's arkivmelding with its documents) to the archive. */
export const DELIVER_TO_ARCHIVE = defineJob<{ deliveryId: string }>(QueueName.Archive, 'deliver-to-archive');

/** Writes the public journal's export (CSV and JSON) for one day, by default yesterday. */
export const EXPORT_PUBLIC_JOURNAL = defineJob<{ day?: string }>(QueueName.Archive, 'export-public-journal');
