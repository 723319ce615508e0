import { AuditSealSchedule, AuditTrail, sealAuditTrail, verifyAuditChain } from '@imdi/audit';
import { auditChainKey, dataSourceOptions, loadConfig } from '@imdi/platform';
import { DataSource } from 'typeorm';
import { call, startApi, tokenFor } from '../support/api-harness';
import { createScratchDatabase } from '../support/scratch-database';
import { startWorker } from '../support/worker-harness';

const key = auditChainKey(loadConfig());

describe(AuditTrail.name, () => {
  let dataSource: DataSource;
  const trail = new AuditTrail();
  const actor = { userId: 'kari', roles: ['caseworker'] };

  beforeAll(async () => {
    dataSource = await new DataSource(dataSourceOptions(loadConfig())).initialize();
  });
  afterAll(() => dataSource.destroy());

  const record = (entityId: string) =>
    dataSource.transaction((manager) =>
      trail.record(manager, {
        actor,
        action: 'case.assessed',
        entityType: 'case',
        entityId,
        before: { status: 'submitted' },
        after: { status: 'in_assessment' },
      }),
    );

  it('chains concurrent writers into one gap-free, verifiable chain', async () => {
    const ids = await Promise.all(Array.from({ length: 40 }, (_, index) => record(`case-${index}`)));
    expect(new Set(ids).size).toBe(40);
    const rows: Array<{ id: string; prev_hash: string; hash: string }> = await dataSource.query('SELECT id, prev_hash, hash FROM audit_entry ORDER BY id');
    rows.forEach((row, index) => {
      expect(Number(row.id)).toBe(index + 1);
      if (index > 0) expect(row.prev_hash).toBe(rows[index - 1].hash);
    });
    expect(await verifyAuditChain(dataSource, key)).toMatchObject({ intact: true, entries: rows.length });
  });

  it('leaves no entry behind when the transaction that wrote it rolls back', async () => {
    const before = await verifyAuditChain(dataSource, key);
    await expect(
      dataSource.transaction(async (manager) => {
        await trail.record(manager, { actor, action: 'case.approved', entityType: 'case', entityId: 'rolled-back' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const [{ count }] = await dataSource.query(`SELECT count(*) FROM audit_entry WHERE entity_id = 'rolled-back'`);
    expect(Number(count)).toBe(0);
    await record('after-rollback');
    expect(await verifyAuditChain(dataSource, key)).toMatchObject({ intact: true, entries: before.entries + 1 });
  });

  it('is refused UPDATE, DELETE and TRUNCATE by the database itself', async () => {
    await record('guarded');
    await expect(dataSource.query(`UPDATE audit_entry SET actor_id = 'mallory'`)).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`DELETE FROM audit_entry`)).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`TRUNCATE audit_entry`)).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`UPDATE audit_chain_head SET last_id = 0`)).rejects.toThrow(/chain head|moves only/);
    await sealAuditTrail(dataSource, key);
    await expect(dataSource.query(`UPDATE audit_seal SET mac = 'x'`)).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`DELETE FROM audit_seal`)).rejects.toThrow(/append-only/);
  });
});

describe(AuditSealSchedule.name, () => {
  it('seals what has been committed, and the admin route reports how far the chain is sealed', async () => {
    const api = await startApi();
    const worker = await startWorker();
    try {
      const dataSource = api.app.get(DataSource);
      await dataSource.transaction((manager) =>
        new AuditTrail().record(manager, { actor: { userId: 'kari', roles: ['caseworker'] }, action: 'case.assessed', entityType: 'case', entityId: 'sealed' }),
      );
      const sealed = await worker.get(AuditSealSchedule).sealNow();
      const [{ last }] = await dataSource.query('SELECT max(id)::int AS last FROM audit_entry');
      expect(sealed.through).toBe(last);
      const admin = await tokenFor({ sub: 'revisor', roles: ['admin'] });
      const verified = await call(api.baseUrl, '/admin/audit/verify', { token: admin });
      expect(verified.body).toMatchObject({ intact: true, sealedThrough: last });
    } finally {
      await worker.close();
      await api.close();
    }
  });
});

describe('verifyAuditChain after tampering behind the triggers', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  const trail = new AuditTrail();
  const write = (entityId: string) =>
    scratch.dataSource.transaction((manager) =>
      trail.record(manager, {
        actor: { userId: 'kari', roles: ['caseworker'] },
        action: 'case.proposed',
        entityType: 'case',
        entityId,
        after: { amount: '100000' },
      }),
    );

  beforeEach(async () => {
    scratch = await createScratchDatabase();
  });
  afterEach(() => scratch.drop());

  it('names the row whose content was changed', async () => {
    await write('a');
    const target = await write('b');
    await write('c');
    await tamper(scratch.dataSource, `UPDATE audit_entry SET after = '{"amount":"900000"}' WHERE id = ${target}`);
    const result = await verifyAuditChain(scratch.dataSource, key);
    expect(result).toMatchObject({ intact: false, firstBrokenId: target });
    expect(result.intact === false && result.reason).toContain('changed');
  });

  it('names a deleted entry by its own id', async () => {
    await write('a');
    const middle = await write('b');
    await write('c');
    await tamper(scratch.dataSource, `DELETE FROM audit_entry WHERE id = ${middle}`);
    const result = await verifyAuditChain(scratch.dataSource, key);
    expect(result).toMatchObject({ intact: false, firstBrokenId: middle });
    expect(result.intact === false && result.reason).toContain('deleted');
  });

  it('notices entries cut from the end', async () => {
    await write('a');
    const last = await write('b');
    await tamper(scratch.dataSource, `DELETE FROM audit_entry WHERE id = ${last}`);
    expect(await verifyAuditChain(scratch.dataSource, key)).toMatchObject({ intact: false, firstBrokenId: last });
  });

  it('names the entry a superuser changed and re-hashed with the whole chain after it, once the entry was sealed', async () => {
    await write('a');
    const target = await write('b');
    await write('c');
    await write('d');
    expect(await sealAuditTrail(scratch.dataSource, key)).toMatchObject({ sealed: 4, through: 4 });
    await tamper(scratch.dataSource, `UPDATE audit_entry SET after = '{"amount":"900000"}' WHERE id = ${target}`);
    await rehashFrom(scratch.dataSource, target);
    expect(await passesUnkeyed(scratch.dataSource)).toBe(true);
    const result = await verifyAuditChain(scratch.dataSource, key);
    expect(result).toMatchObject({ intact: false, firstBrokenId: target });
    expect(result.intact === false && result.reason).toContain('seal');
  });

  it('names a sealed entry that was deleted and the chain re-hashed over the gap', async () => {
    await write('a');
    const target = await write('b');
    await write('c');
    await sealAuditTrail(scratch.dataSource, key);
    // Delete the entry, renumber the rest down and rebuild the chain: no gap and no bad hash remain.
    await tamper(scratch.dataSource, `DELETE FROM audit_entry WHERE id = ${target}`);
    await tamper(scratch.dataSource, `UPDATE audit_entry SET id = id - 1 WHERE id > ${target}`);
    await rehashFrom(scratch.dataSource, target);
    expect(await passesUnkeyed(scratch.dataSource)).toBe(true);
    const result = await verifyAuditChain(scratch.dataSource, key);
    expect(result).toMatchObject({ intact: false, firstBrokenId: target });
  });

  it('catches a tail cut together with its seals against the anchor the worker logged', async () => {
    await write('a');
    const last = await write('b');
    const anchor = await sealAuditTrail(scratch.dataSource, key);
    expect(await verifyAuditChain(scratch.dataSource, key, { entryId: anchor.through, mac: anchor.anchor! })).toMatchObject({ intact: true });
    await tamper(scratch.dataSource, `DELETE FROM audit_entry WHERE id = ${last}`);
    await tamper(scratch.dataSource, `DELETE FROM audit_seal WHERE entry_id = ${last}`);
    await tamper(scratch.dataSource, `UPDATE audit_chain_head SET last_id = ${last - 1}, last_hash = (SELECT hash FROM audit_entry WHERE id = ${last - 1})`);
    expect(await verifyAuditChain(scratch.dataSource, key)).toMatchObject({ intact: true });
    expect(await verifyAuditChain(scratch.dataSource, key, { entryId: anchor.through, mac: anchor.anchor! })).toMatchObject({
      intact: false,
      firstBrokenId: last,
    });
  });

  it('names an entry whose seal was removed', async () => {
    await write('a');
    const target = await write('b');
    await write('c');
    await sealAuditTrail(scratch.dataSource, key);
    await tamper(scratch.dataSource, `DELETE FROM audit_seal WHERE entry_id = ${target}`);
    const result = await verifyAuditChain(scratch.dataSource, key);
    expect(result).toMatchObject({ intact: false, firstBrokenId: target });
    expect(result.intact === false && result.reason).toContain('seal was removed');
  });

  it('seals only what is new, and a verifier without the key cannot be fooled by seals made with another', async () => {
    await write('a');
    await sealAuditTrail(scratch.dataSource, key);
    await write('b');
    expect(await sealAuditTrail(scratch.dataSource, key)).toMatchObject({ sealed: 1, through: 2 });
    expect(await verifyAuditChain(scratch.dataSource, key)).toEqual({ intact: true, entries: 2, sealedThrough: 2 });
    const forged = await verifyAuditChain(scratch.dataSource, Buffer.alloc(32, 7));
    expect(forged).toMatchObject({ intact: false, firstBrokenId: 1 });
  });

  it('encodes fields unambiguously: roles {a,b} and {"a,b"} hash differently, so the swap is found', async () => {
    const [{ v1same, v2same }] = await scratch.dataSource.query(`
      SELECT audit_entry_digest('0', 1, '2017-01-01Z', 'u', ARRAY['a','b'], 'x', 'case', '1', NULL, NULL, NULL)
           = audit_entry_digest('0', 1, '2017-01-01Z', 'u', ARRAY['a,b'], 'x', 'case', '1', NULL, NULL, NULL) AS v1same,
             audit_entry_digest_v2('0', 1, '2017-01-01Z', 'u', ARRAY['a','b'], 'x', 'case', '1', NULL, NULL, NULL)
           = audit_entry_digest_v2('0', 1, '2017-01-01Z', 'u', ARRAY['a,b'], 'x', 'case', '1', NULL, NULL, NULL) AS v2same`);
    expect([v1same, v2same]).toEqual([true, false]);
    const id = await scratch.dataSource.transaction((manager) =>
      trail.record(manager, { actor: { userId: 'kari', roles: ['caseworker', 'approver'] }, action: 'case.approved', entityType: 'case', entityId: 'x' }),
    );
    await tamper(scratch.dataSource, `UPDATE audit_entry SET actor_roles = ARRAY['caseworker,approver'] WHERE id = ${id}`);
    expect(await verifyAuditChain(scratch.dataSource, key)).toMatchObject({ intact: false, firstBrokenId: id });
  });

  it('refuses an entry that claims the old, ambiguous encoding after newer ones', async () => {
    await write('a');
    const target = await write('b');
    await tamper(scratch.dataSource, `UPDATE audit_entry SET digest_version = 1 WHERE id = ${target}`);
    await rehashFrom(scratch.dataSource, target);
    expect(await verifyAuditChain(scratch.dataSource, key)).toMatchObject({ intact: false, firstBrokenId: target });
  });
});

/** A superuser's full cover-up: recompute every hash from `fromId` on with the database's own function, and move the head. */
async function rehashFrom(dataSource: DataSource, fromId: number): Promise<void> {
  await tamper(
    dataSource,
    `DO $$
     DECLARE entry audit_entry%ROWTYPE; previous text;
     BEGIN
       SELECT hash INTO previous FROM audit_entry WHERE id = ${fromId} - 1;
       previous := coalesce(previous, repeat('0', 64));
       FOR entry IN SELECT * FROM audit_entry WHERE id >= ${fromId} ORDER BY id LOOP
         entry.prev_hash := previous;
         previous := audit_entry_expected_hash(entry);
         UPDATE audit_entry SET prev_hash = entry.prev_hash, hash = previous WHERE id = entry.id;
       END LOOP;
       UPDATE audit_chain_head SET last_id = (SELECT max(id) FROM audit_entry), last_hash = previous;
     END $$`,
  );
}

/** The unkeyed chain alone (what verification was before the seals): the cover-up passes it. */
async function passesUnkeyed(dataSource: DataSource): Promise<boolean> {
  const result = await verifyAuditChain(dataSource, key);
  return result.intact || result.reason.includes('seal');
}

/** What a database superuser could do: switch the triggers off for one statement. */
async function tamper(dataSource: DataSource, sql: string): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SET session_replication_role = replica`);
    await runner.query(sql);
  } finally {
    await runner.query(`SET session_replication_role = origin`);
    await runner.release();
  }
}
