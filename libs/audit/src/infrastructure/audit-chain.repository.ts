import type { DataSource, EntityManager } from 'typeorm';

export interface ChainFinding {
  readonly id: number;
  readonly reason: string;
}

export interface ChainHead {
  readonly entries: number;
  readonly maxId: number;
  readonly maxHash: string | null;
  readonly headId: number;
  readonly headHash: string;
}

export interface SealedEntry {
  readonly entryId: number;
  readonly mac: string;
  /** null when the sealed entry is no longer in the table. */
  readonly hash: string | null;
}

/** The audit chain's named queries: the unkeyed recomputation runs in the database, seals are checked by the caller. */
export class AuditChainRepository {
  /** The first entry whose stored hash, link or id disagrees with its content and its predecessor. */
  async firstInconsistency(dataSource: DataSource): Promise<ChainFinding | undefined> {
    const rows: Array<{ id: string; reason: string }> = await dataSource.query(`
      WITH chain AS (
        SELECT e.id, e.prev_hash, e.hash, e.digest_version,
               audit_entry_expected_hash(e) AS expected_hash,
               lag(e.id) OVER (ORDER BY e.id) AS previous_id,
               lag(e.hash) OVER (ORDER BY e.id) AS previous_hash,
               max(e.digest_version) OVER (ORDER BY e.id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS earlier_version
        FROM audit_entry e
      ),
      findings AS (
        SELECT coalesce(previous_id, 0) + 1 AS id, 1 AS rank,
               'the entry was deleted (the entries around it are still there)' AS reason
        FROM chain WHERE coalesce(previous_id, 0) <> id - 1
        UNION ALL
        SELECT id, 2, 'its content does not match its hash (the row was changed)'
        FROM chain WHERE hash IS DISTINCT FROM expected_hash
        UNION ALL
        SELECT id, 3, 'it does not link to the entry before it'
        FROM chain WHERE prev_hash <> coalesce(previous_hash, repeat('0', 64)) AND coalesce(previous_id, 0) = id - 1
        UNION ALL
        SELECT id, 4, 'it claims an older hash encoding than an entry before it'
        FROM chain WHERE digest_version < earlier_version
      )
      SELECT id, reason FROM findings ORDER BY id, rank LIMIT 1`);
    return rows[0] && { id: Number(rows[0].id), reason: rows[0].reason };
  }

  async head(dataSource: DataSource): Promise<ChainHead> {
    const [row]: Array<{ count: string; max_id: string | null; max_hash: string | null; last_id: string; last_hash: string }> = await dataSource.query(`
      SELECT (SELECT count(*) FROM audit_entry) AS count,
             (SELECT max(id) FROM audit_entry) AS max_id,
             (SELECT hash FROM audit_entry ORDER BY id DESC LIMIT 1) AS max_hash,
             head.last_id, head.last_hash
      FROM audit_chain_head head`);
    return { entries: Number(row.count), maxId: Number(row.max_id ?? 0), maxHash: row.max_hash, headId: Number(row.last_id), headHash: row.last_hash };
  }

  async hashOf(dataSource: DataSource, entryId: number): Promise<string | undefined> {
    const rows: Array<{ hash: string }> = await dataSource.query(`SELECT hash FROM audit_entry WHERE id = $1`, [entryId]);
    return rows[0]?.hash;
  }

  /** Seals after `afterId` in entry order, each with the hash of the entry it seals if that is still there. */
  async sealsAfter(dataSource: DataSource, afterId: number, limit: number): Promise<SealedEntry[]> {
    const rows: Array<{ entry_id: string; mac: string; hash: string | null }> = await dataSource.query(
      `SELECT s.entry_id, s.mac, e.hash FROM audit_seal s LEFT JOIN audit_entry e ON e.id = s.entry_id
       WHERE s.entry_id > $1 ORDER BY s.entry_id LIMIT $2`,
      [afterId, limit],
    );
    return rows.map((row) => ({ entryId: Number(row.entry_id), mac: row.mac, hash: row.hash }));
  }

  /** Serialises sealers: a second one waits rather than sealing the same entries. */
  async lockForSealing(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('audit_seal'))`);
  }

  async lastSealedId(manager: EntityManager): Promise<number> {
    const [row]: Array<{ last: string | null }> = await manager.query(`SELECT max(entry_id) AS last FROM audit_seal`);
    return Number(row.last ?? 0);
  }

  /** Committed entries after `afterId`; audit writers commit in id order (they hold the chain head until commit). */
  async entriesAfter(manager: EntityManager, afterId: number, limit: number): Promise<Array<{ id: number; hash: string }>> {
    const rows: Array<{ id: string; hash: string }> = await manager.query(`SELECT id, hash FROM audit_entry WHERE id > $1 ORDER BY id LIMIT $2`, [
      afterId,
      limit,
    ]);
    return rows.map((row) => ({ id: Number(row.id), hash: row.hash }));
  }

  async insertSeals(manager: EntityManager, seals: ReadonlyArray<{ entryId: number; mac: string }>): Promise<void> {
    if (seals.length === 0) return;
    await manager.query(`INSERT INTO audit_seal (entry_id, mac) SELECT * FROM unnest($1::bigint[], $2::text[])`, [
      seals.map((seal) => seal.entryId),
      seals.map((seal) => seal.mac),
    ]);
  }
}
