import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { BudgetLedger } from '@imdi/budget';
import { BudgetPost, Money } from '@imdi/kernel';
import { projectRoot } from '@imdi/platform';
import { DataSource } from 'typeorm';
import { call, startApi, tokenFor, type RunningApi } from '../support/api-harness';
import { eventually } from '../support/worker-harness';

const INSTALMENTS = 10000;

/** The compiled worker as a real process of its own, so it can be killed outright. */
function spawnWorker(): ChildProcess {
  return spawn(process.execPath, [join(projectRoot(), 'dist', 'apps', 'worker', 'src', 'main.js')], {
    env: { ...process.env, WORKER_LOCK_MS: '2000', LOG_LEVEL: 'silent' },
    stdio: 'ignore',
  });
}

describe('A payout run whose worker is killed in the middle', () => {
  let api: RunningApi;
  let dataSource: DataSource;
  let decisionId: string;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    api = await startApi();
    dataSource = api.app.get(DataSource);
    // 10 000 instalments of 10 kr, all due, on one accepted mentor-trainee grant.
    const [version] = await dataSource.query(`SELECT id FROM scheme_version WHERE scheme_code = 'mentor-trainee' AND budget_year = 2017`);
    const [file] = await dataSource.query(
      `INSERT INTO case_file (id, case_number, scheme_code, budget_year, scheme_kind, organisation_number, status, received_at)
       VALUES (gen_random_uuid(), '2017/90001', 'mentor-trainee', 2017, 'sokbar', '974760673', 'accepted', now()) RETURNING id`,
    );
    const [decision] = await dataSource.query(
      `INSERT INTO decision (case_id, outcome, amount_ore, reasons, legal_basis, budget_year, chapter, post, earmark_code, scheme_version_id, status, proposed_by, approved_by, approved_at)
       VALUES ($1, 'granted', $2, 'test', 'test', 2017, '496', '73', 'mentor-trainee', $3, 'approved', 'kari', 'per', now()) RETURNING id`,
      [file.id, INSTALMENTS * 1000, version.id],
    );
    decisionId = decision.id;
    await dataSource.transaction((manager) =>
      api.app.get(BudgetLedger).commit(manager, { budgetYear: 2017, budgetPost: BudgetPost.parse('496.73'), earmarkCode: 'mentor-trainee', amount: Money.ofOre(INSTALMENTS * 1000), referenceType: 'decision', referenceId: decision.id, actorId: 'per' }),
    );
    await dataSource.query(
      `INSERT INTO instalment (case_id, decision_id, sequence, amount_ore, due_on, budget_year, chapter, post, earmark_code, scheme_code, case_number, organisation_number, account_number)
       SELECT $1, $2, n, 1000, '2017-03-01', 2017, '496', '73', 'mentor-trainee', 'mentor-trainee', '2017/90001', '974760673', '15034212349' FROM generate_series(1, $3) n`,
      [file.id, decision.id, INSTALMENTS],
    );
  });
  afterAll(async () => {
    for (const worker of workers) worker.kill('SIGKILL');
    await api.close();
  });

  const paymentsMade = async (): Promise<number> =>
    (await dataSource.query(`SELECT count(*)::int AS n FROM payment p JOIN instalment i ON i.id = p.instalment_id WHERE i.decision_id = $1`, [decisionId]))[0].n;

  it('completes after a restart with exactly one payment per instalment and a ledger that adds up', async () => {
    workers.push(spawnWorker());
    const finance = await tokenFor({ sub: 'fiona', roles: ['finance'] });
    const run = await call(api.baseUrl, '/payments/runs', { method: 'POST', token: finance, json: { budgetYear: 2017, budgetPost: '496.73', asOf: '2017-12-31' } });
    expect(run.status).toBe(202);

    await eventually(async () => ((await paymentsMade()) >= 1000 ? true : undefined), 60000);
    workers[0].kill('SIGKILL');
    await new Promise((done) => workers[0].once('exit', done));
    const atKill = await paymentsMade();
    expect(atKill).toBeLessThan(INSTALMENTS);

    workers.push(spawnWorker());
    await eventually(async () => ((await call(api.baseUrl, `/payments/runs/${run.body.id}`, { token: finance })).body.status === 'completed' ? true : undefined), 90000);

    expect(await paymentsMade()).toBe(INSTALMENTS);
    const paymentIds: string[] = (await dataSource.query(`SELECT p.id::text FROM payment p JOIN instalment i ON i.id = p.instalment_id WHERE i.decision_id = $1`, [decisionId])).map((row: { id: string }) => row.id);
    const [ledger] = await dataSource.query(
      `SELECT count(*)::int AS entries, sum(amount_ore)::text AS total FROM budget_ledger_entry
       WHERE reference_type = 'payment' AND reference_id = ANY($1::text[]) AND kind = 'pay'`,
      [paymentIds],
    );
    expect(ledger).toEqual({ entries: INSTALMENTS, total: String(INSTALMENTS * 1000) });
    const [batch] = await dataSource.query(`SELECT count(*)::int AS n FROM payment WHERE run_id = $1 AND batch_id IS NOT NULL`, [run.body.id]);
    expect(batch.n).toBe(INSTALMENTS);
  }, 180000);
});
