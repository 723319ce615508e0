import { defineJob, QueueName } from '@imdi/platform';

/** Builds one requested report (status, statistics or a pack) and stores its Excel and PDF files. */
export const BUILD_REPORT = defineJob<{ reportId: string }>(QueueName.Reports, 'build-report');
