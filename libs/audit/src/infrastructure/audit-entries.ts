import type { EntityManager } from 'typeorm';

/** One entry as audit_append takes it (see audit-append.function.ts). */
export interface AuditEntryRow {
  readonly actor_id: string;
  readonly actor_roles: readonly string[];
  readonly action: string;
  readonly entity_type: string;
  readonly entity_id: string;
  readonly before: object | null;
  readonly after: object | null;
  readonly correlation_id: string | null;
}

/** Appends entries through audit_append, in the caller's transaction; answers their ids in order. */
export async function appendAuditEntries(manager: EntityManager, entries: readonly AuditEntryRow[]): Promise<number[]> {
  if (entries.length === 0) return [];
  const rows: Array<{ id: string }> = await manager.query(`SELECT id FROM audit_append($1::jsonb) AS id`, [JSON.stringify(entries)]);
  return rows.map((row) => Number(row.id));
}

export interface AuditHistoryRow {
  readonly id: string;
  readonly occurred_at: Date;
  readonly actor_id: string;
  readonly action: string;
  readonly before: unknown;
  readonly after: unknown;
}

export async function auditHistoryRows(manager: EntityManager, entityType: string, entityId: string): Promise<AuditHistoryRow[]> {
  return manager.query(
    `SELECT id, occurred_at, actor_id, action, before, after FROM audit_entry
       WHERE entity_type = $1 AND entity_id = $2 ORDER BY id`,
    [entityType, entityId],
  );
}
