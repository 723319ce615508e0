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

export interface PendingOutboxMessage {
  readonly id: string;
  readonly queue: string;
  readonly job_name: string;
  readonly payload: object;
  readonly correlation_id: string | null;
  readonly created_at: Date;
}

/** Claims up to `limit` unrelayed messages, oldest first, skipping those another relay holds (call inside a transaction). */
export function claimPendingOutboxMessages(manager: EntityManager, limit: number): Promise<PendingOutboxMessage[]> {
  return manager.query(
    `SELECT id, queue, job_name, payload, correlation_id, created_at FROM outbox_message
     WHERE relayed_at IS NULL ORDER BY created_at, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
    [limit],
  );
}

export async function markOutboxMessagesRelayed(manager: EntityManager, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await manager.query(`UPDATE outbox_message SET relayed_at = now() WHERE id = ANY($1::uuid[])`, [ids]);
}

/** A job's claim on its effect: true the first time the job id is claimed, false for every repeat. */
export async function claimProcessedJob(manager: EntityManager, jobId: string, queue: string, jobName: string): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    `INSERT INTO processed_job (job_id, queue, job_name) VALUES ($1, $2, $3) ON CONFLICT (job_id) DO NOTHING RETURNING job_id`,
    [jobId, queue, jobName],
  );
  return rows.length === 1;
}

/** Subscribes a dedicated connection to the NOTIFY sent for each new outbox message (migration CreateAuditTrailAndOutbox). */
export async function listenForOutboxMessages(listener: { query(text: string): Promise<unknown> }): Promise<void> {
  await listener.query('LISTEN outbox_message');
}
