import type { EntityManager } from 'typeorm';

/** Appends one outbox message per payload through outbox_append, in the caller's transaction; answers their ids in order. */
export async function appendOutboxMessages(
  manager: EntityManager,
  queue: string,
  jobName: string,
  payloads: readonly object[],
  correlationId: string | null,
): Promise<string[]> {
  if (payloads.length === 0) return [];
  const rows: Array<{ id: string }> = await manager.query(`SELECT id FROM outbox_append($1, $2, $3::jsonb, $4) AS id`, [
    queue,
    jobName,
    JSON.stringify(payloads),
    correlationId,
  ]);
  return rows.map((row) => row.id);
}
