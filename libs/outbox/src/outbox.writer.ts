import { Injectable } from '@nestjs/common';
import { currentRequestId, JobCatalog, type JobDefinition } from '@imdi/platform';
import type { EntityManager } from 'typeorm';

/**
 * Side effects are written as outbox rows in the same transaction as the change that causes them;
 * the worker's relay turns committed rows into queue jobs. A rollback leaves no job behind.
 * A row's correlation id is, unless the caller gives one, the id of the request that caused it, so
 * the worker's log lines for the job name the request.
 */
@Injectable()
export class OutboxWriter {
  constructor(private readonly jobs: JobCatalog) {}

  async add<Payload extends object>(manager: EntityManager, job: JobDefinition<Payload>, payload: Payload, correlationId?: string): Promise<string> {
    this.jobs.assertDefined(job);
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO outbox_message (queue, job_name, payload, correlation_id) VALUES ($1, $2, $3, $4) RETURNING id`,
      [job.queue, job.name, JSON.stringify(payload), correlationId ?? currentRequestId() ?? null],
    );
    return rows[0].id;
  }

  /** One message per payload, in one statement. */
  async addMany<Payload extends object>(manager: EntityManager, job: JobDefinition<Payload>, payloads: readonly Payload[]): Promise<void> {
    this.jobs.assertDefined(job);
    if (payloads.length === 0) return;
    await manager.query(
      `INSERT INTO outbox_message (queue, job_name, payload, correlation_id) SELECT $1, $2, payload, $4 FROM jsonb_array_elements($3::jsonb) AS payload`,
      [job.queue, job.name, JSON.stringify(payloads), currentRequestId() ?? null],
    );
  }
}

// BullMQ refuses ":" in custom job ids.
export function outboxJobId(outboxMessageId: string): string {
  return `outbox-${outboxMessageId}`;
}
