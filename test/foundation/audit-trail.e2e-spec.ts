import { AuditTrail, verifyAuditChain } from '@imdi/audit';
import { dataSourceOptions, loadConfig } from '@imdi/platform';
import { DataSource } from 'typeorm';
import { createScratchDatabase } from '../support/scratch-database';

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
      trail.record(manager, { actor, action: 'case.assessed', entityType: 'case', entityId, before: { status: 'submitted' }, after: { status: 'in_assessment' } }),
    );

  it('chains concurrent writers into one gap-free, verifiable chain', async () => {
    const ids = await Promise.all(Array.from({ length: 40 }, (_, index) => record(`case-${index}`)));
    expect(new Set(ids).size).toBe(40);
    const rows: Array<{ id: string; prev_hash: string; hash: string }> = await dataSource.query(
      'SELECT id, prev_hash, hash FROM audit_entry ORDER BY id',
    );
    rows.forEach((row, index) => {
      expect(Number(row.id)).toBe(index + 1);
      if (index > 0) expect(row.prev_hash).toBe(rows[index - 1].hash);
    });
    expect(await verifyAuditChain(dataSource)).toEqual({ intact: true, entries: rows.length });
  });

  it('leaves no entry behind when the transaction that wrote it rolls back', async () => {
    const before = await verifyAuditChain(dataSource);
    await expect(
      dataSource.transaction(async (manager) => {
        await trail.record(manager, { actor, action: 'case.approved', entityType: 'case', entityId: 'rolled-back' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const [{ count }] = await dataSource.query(`SELECT count(*) FROM audit_entry WHERE entity_id = 'rolled-back'`);
    expect(Number(count)).toBe(0);
    await record('after-rollback');
    expect(await verifyAuditChain(dataSource)).toEqual({ intact: true, entries: before.entries + 1 });
  });

  it('is refused UPDATE, DELETE and TRUNCATE by the database itself', async () => {
    await record('guarded');
    await expect(dataSource.query(`UPDATE audit_entry SET actor_id = 'mallory'`)).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`DELETE FROM audit_entry`)).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`TRUNCATE audit_entry`)).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`UPDATE audit_chain_head SET last_id = 0`)).rejects.toThrow(/chain head|moves only/);
  });
});

describe('verifyAuditChain after tampering behind the triggers', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  const trail = new AuditTrail();
  const write = (entityId: string) =>
    scratch.dataSource.transaction((manager) =>
      trail.record(manager, { actor: { userId: 'kari', roles: ['caseworker'] }, action: 'case.proposed', entityType: 'case', entityId, after: { amount: '100000' } }),
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
    const result = await verifyAuditChain(scratch.dataSource);
    expect(result).toMatchObject({ intact: false, firstBrokenId: target });
    expect(result.intact === false && result.reason).toContain('changed');
  });

  it('names the row after a deleted one', async () => {
    await write('a');
    const middle = await write('b');
    await write('c');
    await tamper(scratch.dataSource, `DELETE FROM audit_entry WHERE id = ${middle}`);
    expect(await verifyAuditChain(scratch.dataSource)).toMatchObject({ intact: false, firstBrokenId: middle + 1 });
  });

  it('notices entries cut from the end', async () => {
    await write('a');
    const last = await write('b');
    await tamper(scratch.dataSource, `DELETE FROM audit_entry WHERE id = ${last}`);
    expect(await verifyAuditChain(scratch.dataSource)).toMatchObject({ intact: false, firstBrokenId: last });
  });
});

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
