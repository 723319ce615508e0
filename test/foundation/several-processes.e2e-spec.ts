import { osloDate } from '@imdi/kernel';
import { Client } from 'pg';
import { runDemonstrationSeeds } from '../../scripts/seed';
import { call, tokenFor } from '../support/api-harness';
import { type ChildApp, spawnApi, spawnWorker, stopAll } from '../support/child-processes';
import { grantAcceptanceHandled } from '../support/domain-events';
import { eventually } from '../support/eventually';
import { newAccountNumber, newOrganisationNumber } from '../support/identifiers';
import { mentorTraineeForm } from '../support/mentor-application';

/**
 * Two api and three worker processes on one PostgreSQL and Redis, as a deployment scales them: a
 * burst of submissions, each sent to both apis at once with one key, and two payout runs for the
 * same post started on different apis. Nothing may happen twice, nothing may be lost. Runs on the
 * demonstration year, whose windows are open on the real clock the child processes use.
 */
describe('Several api and worker processes on one database and Redis', () => {
  const year = Number(osloDate(new Date()).slice(0, 4));
  const apps: ChildApp[] = [];
  let apis: Array<{ baseUrl: string }>;
  let database: Client;
  const applications: Array<{ id: string; token: string; organisationNumber: string }> = [];

  const sql = async <Row>(text: string, values: unknown[] = []): Promise<Row[]> => (await database.query(text, values)).rows as Row[];

  beforeAll(async () => {
    await runDemonstrationSeeds();
    database = new Client({ connectionString: process.env.DATABASE_URL });
    await database.connect();
    const [first, second] = await Promise.all([spawnApi('api-1'), spawnApi('api-2')]);
    apps.push(first, second, spawnWorker('worker-1'), spawnWorker('worker-2'), spawnWorker('worker-3'));
    apis = [first, second];
  }, 300_000);

  afterAll(async () => {
    // Every child this file started, also one whose start failed before it was listed.
    await stopAll();
    await database?.end();
  });

  it('numbers a burst of 60 submissions, each sent to both apis at once, exactly once, and issues 60 receipts', async () => {
    const form = await mentorTraineeForm(apis[0].baseUrl, '100000', year);
    for (let organisation = 0; organisation < 12; organisation++) {
      const organisationNumber = newOrganisationNumber();
      const token = await tokenFor({ sub: `multi-${organisation}`, roles: ['applicant'], organisationNumbers: [organisationNumber] });
      const registered = await call(apis[organisation % 2].baseUrl, '/organisations', {
        method: 'POST',
        token,
        json: {
          organisationNumber,
          name: `Flerprosessforeningen ${organisation}`,
          kind: 'organisasjon',
          accountNumber: newAccountNumber(),
          writtenStandard: 'nb',
          contactName: 'Kari',
          contactEmail: 'kari@example.no',
        },
      });
      expect(registered.status).toBe(201);
      for (let draft = 0; draft < 5; draft++) {
        const created = await call(apis[draft % 2].baseUrl, '/applications', {
          method: 'POST',
          token,
          json: { organisationNumber, schemeCode: 'mentor-trainee', budgetYear: year, form },
        });
        expect([created.status, created.body.errors]).toEqual([201, undefined]);
        applications.push({ id: created.body.id, token, organisationNumber });
      }
    }

    const responses = await Promise.all(
      applications.flatMap(({ id, token }) =>
        apis.map((api) => call(api.baseUrl, `/applications/${id}/submit`, { method: 'POST', token, headers: { 'idempotency-key': `multi-${id}` } })),
      ),
    );

    expect(responses.every((response) => response.status === 201)).toBe(true);
    const numbers = new Map<string, string>();
    for (const [index, response] of responses.entries()) {
      const id = applications[Math.floor(index / 2)].id;
      expect(numbers.get(id) ?? response.body.caseNumber).toBe(response.body.caseNumber);
      numbers.set(id, response.body.caseNumber);
    }
    const sequence = [...numbers.values()].map((number) => Number(number.split('/')[1])).sort((a, b) => a - b);
    expect(sequence).toEqual(Array.from({ length: 60 }, (_, index) => index + 1));

    const ids = applications.map(({ id }) => id);
    const [{ audits }] = await sql<{ audits: number }>(`SELECT count(*)::int AS audits FROM audit_entry WHERE entity_id = ANY($1) AND action = 'case.submit'`, [
      ids,
    ]);
    expect(audits).toBe(60);
    const receipts = await eventually(async () => {
      const [row] = await sql<{ issued: number }>(`SELECT count(*)::int AS issued FROM application WHERE id = ANY($1::uuid[]) AND receipt_pdf IS NOT NULL`, [
        ids,
      ]);
      return row.issued === 60 ? row.issued : undefined;
    }, 60_000);
    expect(receipts).toBe(60);
    const [{ receiptJobs, unrelayed }] = await sql<{ receiptJobs: number; unrelayed: number }>(
      `SELECT count(*)::int AS "receiptJobs", count(*) FILTER (WHERE relayed_at IS NULL)::int AS unrelayed FROM outbox_message WHERE payload->>'applicationId' = ANY($1)`,
      [ids],
    );
    expect([receiptJobs, unrelayed]).toEqual([60, 0]);
    const verification = (await call(apis[1].baseUrl, '/admin/audit/verify', { token: await tokenFor({ sub: 'multi-admin', roles: ['admin'] }) })).body;
    expect(verification.intact).toBe(true);
  }, 240_000);

  it('pays each due instalment once when two payout runs for the post start on different apis and three workers share the work', async () => {
    const admin = await tokenFor({ sub: 'multi-admin', roles: ['admin'] });
    const caseworker = await tokenFor({ sub: 'multi-saksbehandler', roles: ['caseworker'] });
    const approver = await tokenFor({ sub: 'multi-godkjenner', roles: ['approver'] });
    const finance = await tokenFor({ sub: 'multi-okonomi', roles: ['finance'] });
    const [api1, api2] = apis.map((api) => api.baseUrl);
    const post = (base: string, path: string, token: string, json: object = {}) => call(base, path, { method: 'POST', token, json });
    expect(
      (
        await post(api1, '/admin/delegations', admin, {
          approverId: 'multi-godkjenner',
          budgetPost: '496.73',
          maxAmountNok: '5000000',
          reference: 'Delegering flerprosess',
        })
      ).status,
    ).toBe(201);

    const granted = applications.slice(0, 20);
    for (const [index, { id }] of granted.entries()) {
      const base = index % 2 === 0 ? api1 : api2;
      expect((await post(base, `/casework/cases/${id}/proposal`, caseworker, { amountNok: '100000', reasons: 'Søknaden oppfyller kriteriene.' })).status).toBe(
        201,
      );
      expect((await post(base, `/casework/cases/${id}/approve`, approver)).status).toBe(200);
    }
    expect((await post(api2, '/casework/ministry-notifications', caseworker, { schemeCode: 'mentor-trainee', budgetYear: year })).status).toBe(201);
    const ids = granted.map(({ id }) => id);
    await eventually(async () => {
      const [row] = await sql<{ notified: number }>(
        `SELECT count(*)::int AS notified FROM case_file WHERE id = ANY($1::uuid[]) AND status = 'ministry_notified'`,
        [ids],
      );
      return row.notified === 20 ? true : undefined;
    }, 60_000);
    for (const [index, { id, token }] of granted.entries()) {
      const base = index % 2 === 0 ? api2 : api1;
      expect((await post(base, `/casework/cases/${id}/letters`, caseworker)).status).toBe(201);
      expect((await post(base, `/cases/${id}/accept`, token)).body.status).toBe('accepted');
    }
    await grantAcceptanceHandled(database, ids);

    const asOf = osloDate(new Date());
    const [first, second] = await Promise.all([
      post(api1, '/payments/runs', finance, { budgetYear: year, budgetPost: '496.73', asOf }),
      post(api2, '/payments/runs', finance, { budgetYear: year, budgetPost: '496.73', asOf }),
    ]);
    expect([first.status, second.status]).toEqual([202, 202]);
    for (const run of [first.body, second.body]) {
      await eventually(async () => ((await call(api1, `/payments/runs/${run.id}`, { token: finance })).body.status === 'completed' ? true : undefined), 60_000);
    }

    const [counts] = await sql<{ due: number; payments: number; paidInstalments: number; dueTotal: string; paidTotal: string }>(
      `SELECT (SELECT count(*)::int FROM instalment WHERE case_id = ANY($1::uuid[]) AND due_on <= $2::date) AS due,
              (SELECT count(*)::int FROM payment p JOIN instalment i ON i.id = p.instalment_id WHERE i.case_id = ANY($1::uuid[])) AS payments,
              (SELECT count(DISTINCT p.instalment_id)::int FROM payment p JOIN instalment i ON i.id = p.instalment_id WHERE i.case_id = ANY($1::uuid[])) AS "paidInstalments",
              (SELECT coalesce(sum(amount_ore), 0)::text FROM instalment WHERE case_id = ANY($1::uuid[]) AND due_on <= $2::date) AS "dueTotal",
              (SELECT coalesce(sum(p.amount_ore), 0)::text FROM payment p JOIN instalment i ON i.id = p.instalment_id WHERE i.case_id = ANY($1::uuid[])) AS "paidTotal"`,
      [ids, asOf],
    );
    expect(counts.due).toBeGreaterThanOrEqual(20);
    expect([counts.payments, counts.paidInstalments, counts.paidTotal]).toEqual([counts.due, counts.due, counts.dueTotal]);
    const statuses = await sql<{ status: string }>(`SELECT DISTINCT status FROM case_file WHERE id = ANY($1::uuid[])`, [ids]);
    expect(statuses).toEqual([{ status: 'paid' }]);
    const budget = (await call(api2, `/budget/${year}`, { token: finance })).body.posts.find((entry: { budgetPost: string }) => entry.budgetPost === '496.73');
    expect(BigInt(budget.paidNok.replace('.', ''))).toBe(BigInt(counts.paidTotal));
  }, 240_000);
});
