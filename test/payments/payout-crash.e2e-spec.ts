import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { BudgetLedger } from '@imdi/budget';
import { BudgetPost, Money } from '@imdi/kernel';
import { projectRoot } from '@imdi/platform';
import { DataSource } from 'typeorm';
import { call, startApi, tokenFor, type RunningApi } from '../support/api-harness';
import { freePort } from '../../scripts/free-port';
import { kill, startRedis } from '../support/own-redis';
import { eventually } from '../support/worker-harness';

const INSTALMENTS = 10000;

/** The compiled worker as a real process of its own, so it can be killed outright. */
function spawnWorker(env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [join(projectRoot(), 'dist', 'apps', 'worker', 'src', 'main.js')], {
    // Small pages, so the run is still going when the test kills the worker or Redis.
    env: { ...process.env, WORKER_LOCK_MS: '2000', PAYOUT_PAGE_SIZE: '200', LOG_LEVEL: 'silent', ...env },
    stdio: 'ignore',
  });
}

describe('A payout run whose worker or Redis dies in the middle', () => {
  let api: RunningApi;
  let dataSource: DataSource;
  const workers: ChildProcess[] = [];

  /** 10 000 instalments of 10 kr, all due, on one accepted mentor-trainee grant; returns the decision. */
  async function grantWithInstalments(caseNumber: string): Promise<string> {
    const [version] = await dataSource.query(`SELECT id FROM scheme_version WHERE scheme_code = 'mentor-trainee' AND budget_year = 2017`);
    const [file] = await dataSource.query(
      `INSERT INTO case_file (id, case_number, scheme_code, budget_year, scheme_kind, organisation_number, status, received_at)
       VALUES (gen_random_uuid(), $1, 'mentor-trainee', 2017, 'sokbar', '974760673', 'accepted', now()) RETURNING id`,
      [caseNumber],
    );
    const [decision] = await dataSource.query(
      `INSERT INTO decision (case_id, outcome, amount_ore, reasons, legal_basis, budget_year, chapter, post, earmark_code, scheme_version_id, status, proposed_by, approved_by, approved_at)
       VALUES ($1, 'granted', $2, 'test', 'test', 2017, '496', '73', 'mentor-trainee', $3, 'approved', 'kari', 'per', now()) RETURNING id`,
      [file.id, INSTALMENTS * 1000, version.id],
    );
    await dataSource.transaction((manager) =>
      api.app.get(BudgetLedger).commit(manager, {
        budgetYear: 2017,
        budgetPost: BudgetPost.parse('496.73'),
        earmarkCode: 'mentor-trainee',
        amount: Money.ofOre(INSTALMENTS * 1000),
        referenceType: 'decision',
        referenceId: decision.id,
        actorId: 'per',
      }),
    );
    await dataSource.query(
      `INSERT INTO instalment (case_id, decision_id, sequence, amount_ore, due_on, budget_year, chapter, post, earmark_code, scheme_code, case_number, organisation_number, account_number)
       SELECT $1, $2, n, 1000, '2017-03-01', 2017, '496', '73', 'mentor-trainee', 'mentor-trainee', $4, '974760673', '15034212349' FROM generate_series(1, $3) n`,
      [file.id, decision.id, INSTALMENTS, caseNumber],
    );
    return decision.id;
  }

  beforeAll(async () => {
    api = await startApi();
    dataSource = api.app.get(DataSource);
  });
  afterAll(async () => {
    for (const worker of workers) worker.kill('SIGKILL');
    await api.close();
  });

  const paymentsMade = async (decisionId: string): Promise<number> =>
    (await dataSource.query(`SELECT count(*)::int AS n FROM payment p JOIN instalment i ON i.id = p.instalment_id WHERE i.decision_id = $1`, [decisionId]))[0]
      .n;

  /**
   * Exactly one payment per instalment, every payment booked by exactly one ledger posting of the
   * run whose pay and uncommit entries sum to the payments, all in the run's batch.
   */
  async function expectPaidExactlyOnce(decisionId: string, runId: string): Promise<void> {
    expect(await paymentsMade(decisionId)).toBe(INSTALMENTS);
    const [payments] = await dataSource.query(
      `SELECT count(*)::int AS n, count(posting_id)::int AS booked, count(DISTINCT posting_id)::int AS postings, sum(p.amount_ore)::text AS total
       FROM payment p JOIN instalment i ON i.id = p.instalment_id WHERE i.decision_id = $1`,
      [decisionId],
    );
    expect(payments).toMatchObject({ n: INSTALMENTS, booked: INSTALMENTS, total: String(INSTALMENTS * 1000) });
    const ledger: Array<{ kind: string; entries: number; total: string }> = await dataSource.query(
      `SELECT kind, count(*)::int AS entries, sum(amount_ore)::text AS total FROM budget_ledger_entry
       WHERE reference_type = 'payment-posting'
         AND split_part(reference_id, ':', 1) IN (SELECT DISTINCT p.posting_id::text FROM payment p JOIN instalment i ON i.id = p.instalment_id WHERE i.decision_id = $1)
       GROUP BY kind ORDER BY kind`,
      [decisionId],
    );
    expect(ledger).toEqual([
      { kind: 'pay', entries: payments.postings, total: String(INSTALMENTS * 1000) },
      { kind: 'uncommit', entries: payments.postings, total: String(INSTALMENTS * 1000) },
    ]);
    const [batch] = await dataSource.query(`SELECT count(*)::int AS n FROM payment WHERE run_id = $1 AND batch_id IS NOT NULL`, [runId]);
    expect(batch.n).toBe(INSTALMENTS);
  }

  it('completes after a restart with exactly one payment per instalment and a ledger that adds up', async () => {
    const decisionId = await grantWithInstalments('2017/90001');
    workers.push(spawnWorker());
    const finance = await tokenFor({ sub: 'fiona', roles: ['finance'] });
    const run = await call(api.baseUrl, '/payments/runs', {
      method: 'POST',
      token: finance,
      json: { budgetYear: 2017, budgetPost: '496.73', asOf: '2017-12-31' },
    });
    expect(run.status).toBe(202);

    await eventually(async () => ((await paymentsMade(decisionId)) >= 1000 ? true : undefined), 60000);
    const worker = workers[workers.length - 1];
    worker.kill('SIGKILL');
    await new Promise((done) => worker.once('exit', done));
    expect(await paymentsMade(decisionId)).toBeLessThan(INSTALMENTS);

    workers.push(spawnWorker());
    await eventually(
      async () => ((await call(api.baseUrl, `/payments/runs/${run.body.id}`, { token: finance })).body.status === 'completed' ? true : undefined),
      90000,
    );
    await expectPaidExactlyOnce(decisionId, run.body.id);
  }, 180000);

  it('completes when Redis is restarted (and loses every job) in the middle of the run', async () => {
    const decisionId = await grantWithInstalments('2017/90002');
    const port = await freePort();
    let redis = await startRedis(port);
    workers.push(spawnWorker({ REDIS_URL: `redis://127.0.0.1:${port}` }));
    const finance = await tokenFor({ sub: 'fiona', roles: ['finance'] });
    const run = await call(api.baseUrl, '/payments/runs', {
      method: 'POST',
      token: finance,
      json: { budgetYear: 2017, budgetPost: '496.73', asOf: '2017-12-31' },
    });

    await eventually(async () => ((await paymentsMade(decisionId)) >= 1000 ? true : undefined), 60000);
    await kill(redis);
    expect(await paymentsMade(decisionId)).toBeLessThan(INSTALMENTS);
    redis = await startRedis(port);
    try {
      await eventually(
        async () => ((await call(api.baseUrl, `/payments/runs/${run.body.id}`, { token: finance })).body.status === 'completed' ? true : undefined),
        90000,
      );
    } finally {
      await kill(redis);
    }
    await expectPaidExactlyOnce(decisionId, run.body.id);
  }, 180000);
});
