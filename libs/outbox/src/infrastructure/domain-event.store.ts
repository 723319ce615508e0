import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DOMAIN_EVENTS_QUEUE, type DomainEventDefinition } from '../events/domain-event';
import { appendOutboxMessages } from './outbox-messages';

/**
 * Domain events are outbox rows on the domain-events queue: job_name is the event's name, the payload
 * `{ version, data }`, the row id the event id and created_at the moment it occurred. Written in the
 * publisher's transaction, so a rollback publishes nothing.
 */
@Injectable()
export class DomainEventStore {
  async append<Payload extends object>(manager: EntityManager, event: DomainEventDefinition<Payload>, data: Payload, correlationId?: string): Promise<string> {
    const [id] = await appendOutboxMessages(manager, DOMAIN_EVENTS_QUEUE, event.name, [{ version: event.version, data }], correlationId ?? null);
    return id;
  }

  /** A subscriber's claim on one delivery: true the first time, false for every repeat. */
  async claim(manager: EntityManager, jobId: string, subscriber: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO processed_job (job_id, queue, job_name) VALUES ($1, $2, $3) ON CONFLICT (job_id) DO NOTHING RETURNING job_id`,
      [jobId, DOMAIN_EVENTS_QUEUE, subscriber],
    );
    return rows.length === 1;
  }
}
