import { Injectable } from '@nestjs/common';
import { currentRequestId, JobCatalog, type JobDefinition } from '@imdi/platform';
import type { EntityManager } from 'typeorm';
import { appendOutboxMessages } from './infrastructure/outbox-messages';

/**
 * Side effects are written as outbox rows in the same transaction as the change that causes them;
 * the worker's relay turns committed rows into queue jobs. A rollback leaves no job behind.
 * A row's correlation id is, unless the caller gives one, the id of the request that caused it, so
 * the worker's log lines for the job name the request. Every message goes through the database
 * function outbox_append, the same one the submit path's SQL calls.
 */
@Injectable()
export class OutboxWriter {
  constructor(private readonly jobs: JobCatalog) {}

  async add<Payload extends object>(manager: EntityManager, job: JobDefinition<Payload>, payload: Payload, correlationId?: string): Promise<string> {
    this.jobs.assertDefined(job);
    const [id] = await appendOutboxMessages(manager, job.queue, job.name, [payload], correlationId ?? currentRequestId() ?? null);
    return id;
  }

  /** One message per payload, in one statement. */
  async addMany<Payload extends object>(manager: EntityManager, job: JobDefinition<Payload>, payloads: readonly Payload[]): Promise<void> {
    this.jobs.assertDefined(job);
    await appendOutboxMessages(manager, job.queue, job.name, payloads, currentRequestId() ?? null);
  }
}

// BullMQ refuses ":" in custom job ids.
export function outboxJobId(outboxMessageId: string): string {
  return `outbox-${outboxMessageId}`;
}
