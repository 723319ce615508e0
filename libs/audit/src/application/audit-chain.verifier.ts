import type { DataSource } from 'typeorm';

export type ChainVerification =
  | { readonly intact: true; readonly entries: number }
  | { readonly intact: false; readonly entries: number; readonly firstBrokenId: number; readonly reason: string };

/**
 * Recomputes every hash in id order. A changed row breaks its own hash; a deleted row leaves a gap
 * in the gap-free ids and breaks the next row's link; a truncated tail disagrees with the chain head.
 */
export async function verifyAuditChain(dataSource: DataSource): Promise<ChainVerification> {
  const broken: Array<{ id: string; reason: string }> = await dataSource.query(`
    WITH chain AS (
      SELECT id, prev_hash, hash,
             audit_entry_digest(prev_hash, id, occurred_at, actor_id, actor_roles, action, entity_type,
                                entity_id, before, after, correlation_id) AS expected_hash,
             lag(id) OVER (ORDER BY id) AS previous_id,
             lag(hash) OVER (ORDER BY id) AS previous_hash
      FROM audit_entry
    )
    SELECT id,
           CASE
             WHEN hash <> expected_hash THEN 'its content does not match its hash (the row was changed)'
             WHEN coalesce(previous_id, 0) <> id - 1 THEN 'the entry before it is missing (a row was deleted)'
             WHEN prev_hash <> coalesce(previous_hash, repeat('0', 64)) THEN 'it does not link to the entry before it'
           END AS reason
    FROM chain
    WHERE hash <> expected_hash
       OR coalesce(previous_id, 0) <> id - 1
       OR prev_hash <> coalesce(previous_hash, repeat('0', 64))
    ORDER BY id
    LIMIT 1`);
  const [{ count, max_id, last_id, last_hash, max_hash }]: Array<{
    count: string;
    max_id: string | null;
    last_id: string;
    last_hash: string;
    max_hash: string | null;
  }> = await dataSource.query(`
    SELECT (SELECT count(*) FROM audit_entry) AS count,
           (SELECT max(id) FROM audit_entry) AS max_id,
           (SELECT hash FROM audit_entry ORDER BY id DESC LIMIT 1) AS max_hash,
           head.last_id, head.last_hash
    FROM audit_chain_head head`);
  const entries = Number(count);
  if (broken.length > 0) {
    return { intact: false, entries, firstBrokenId: Number(broken[0].id), reason: broken[0].reason };
  }
  if (String(max_id ?? '0') !== String(last_id) || (max_hash !== null && max_hash !== last_hash)) {
    return {
      intact: false,
      entries,
      firstBrokenId: Number(max_id ?? 0) + 1,
      reason: `the chain head says ${last_id} entries were written, the table ends at ${max_id ?? 0} (entries were removed from the end)`,
    };
  }
  return { intact: true, entries };
}
