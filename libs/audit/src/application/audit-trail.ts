import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

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
 * the change it records was committed. Chaining and ids are the database's job (see the migration).
 */
@Injectable()
export class AuditTrail {
  async record(manager: EntityManager, record: AuditRecord): Promise<number> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO audit_entry (actor_id, actor_roles, action, entity_type, entity_id, before, after, correlation_id, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, '', '') RETURNING id`,
      [
        actorIdOf(record.actor),
        [...record.actor.roles],
        record.action,
        record.entityType,
        record.entityId,
        record.before === undefined ? null : JSON.stringify(record.before),
        record.after === undefined ? null : JSON.stringify(record.after),
        record.correlationId ?? null,
      ],
    );
    return Number(rows[0].id);
  }

  /** Many entries in one statement; the chaining trigger links them in the order given. */
  async recordMany(manager: EntityManager, records: readonly AuditRecord[]): Promise<void> {
    if (records.length === 0) return;
    const entries = records.map((record) => ({
      actor_id: actorIdOf(record.actor),
      actor_roles: [...record.actor.roles],
      action: record.action,
      entity_type: record.entityType,
      entity_id: record.entityId,
      before: record.before ?? null,
      after: record.after ?? null,
      correlation_id: record.correlationId ?? null,
    }));
    await manager.query(
      `INSERT INTO audit_entry (actor_id, actor_roles, action, entity_type, entity_id, before, after, correlation_id, prev_hash, hash)
       SELECT entry.actor_id, entry.actor_roles, entry.action, entry.entity_type, entry.entity_id, entry.before, entry.after, entry.correlation_id, '', ''
       FROM ROWS FROM (jsonb_to_recordset($1::jsonb)
         AS (actor_id text, actor_roles text[], action text, entity_type text, entity_id text, before jsonb, after jsonb, correlation_id text))
         WITH ORDINALITY AS entry (actor_id, actor_roles, action, entity_type, entity_id, before, after, correlation_id, position)
       ORDER BY entry.position`,
      [JSON.stringify(entries)],
    );
  }

  async history(manager: EntityManager, entityType: string, entityId: string): Promise<AuditHistoryEntry[]> {
    const rows: Array<{ id: string; occurred_at: Date; actor_id: string; action: string; before: unknown; after: unknown }> = await manager.query(
      `SELECT id, occurred_at, actor_id, action, before, after FROM audit_entry
         WHERE entity_type = $1 AND entity_id = $2 ORDER BY id`,
      [entityType, entityId],
    );
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

export interface AuditHistoryEntry {
  readonly id: number;
  readonly occurredAt: string;
  readonly actorId: string;
  readonly action: string;
  readonly before: unknown;
  readonly after: unknown;
}
