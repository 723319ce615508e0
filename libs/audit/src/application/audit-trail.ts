import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { appendAuditEntries, auditHistoryRows, type AuditEntryRow } from '../infrastructure/audit-entries';

export interface AuditActor {
  readonly userId: string;
  readonly roles: readonly string[];
  /** The organisation a signed-in person acted for: the entry names both (`person:… for 974760673`). */
  readonly actingFor?: string;
}

export function actorIdOf(actor: AuditActor): string {
  return actor.actingFor ? `${actor.userId} for ${actor.actingFor}` : actor.userId;
}

export interface AuditRecord {
  readonly actor: AuditActor;
  /** What happened, in the business's words: `application.submitted`, `decision.approved`. */
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly before?: object | null;
  readonly after?: object | null;
  readonly correlationId?: string;
}

export const SYSTEM_ACTOR: AuditActor = { userId: 'system', roles: [] };

/**
 * Writes audit entries through the caller's transaction manager, so an entry exists exactly when
 * the change it records was committed. Every entry goes through the database function audit_append,
 * the same one the submit path's SQL calls; chaining and ids are the database's job (see the migrations).
 */
@Injectable()
export class AuditTrail {
  async record(manager: EntityManager, record: AuditRecord): Promise<number> {
    const [id] = await appendAuditEntries(manager, [entryOf(record)]);
    return id;
  }

  /** Many entries in one statement; the chaining trigger links them in the order given. */
  async recordMany(manager: EntityManager, records: readonly AuditRecord[]): Promise<void> {
    await appendAuditEntries(manager, records.map(entryOf));
  }

  async history(manager: EntityManager, entityType: string, entityId: string): Promise<AuditHistoryEntry[]> {
    const rows = await auditHistoryRows(manager, entityType, entityId);
    return rows.map((row) => ({
      id: Number(row.id),
      occurredAt: row.occurred_at.toISOString(),
      actorId: row.actor_id,
      action: row.action,
      before: row.before,
      after: row.after,
    }));
  }
}

/** A record as audit_append takes it: an absent before/after or correlation id is null. */
function entryOf(record: AuditRecord): AuditEntryRow {
  return {
    actor_id: actorIdOf(record.actor),
    actor_roles: [...record.actor.roles],
    action: record.action,
    entity_type: record.entityType,
    entity_id: record.entityId,
    before: record.before ?? null,
    after: record.after ?? null,
    correlation_id: record.correlationId ?? null,
  };
}

export interface AuditHistoryEntry {
  readonly id: number;
  readonly occurredAt: string;
  readonly actorId: string;
  readonly action: string;
  readonly before: unknown;
  readonly after: unknown;
}
