import { BudgetLedger } from '@imdi/budget';
import { AdjustableClock, BudgetPost, Clock, Money } from '@imdi/kernel';
import { DataSource } from 'typeorm';
import { call, startApi, tokenFor, type RunningApi } from '../support/api-harness';
import { newAccountNumber, newOrganisationNumber } from '../support/identifiers';

const AMOUNT_NOK = 10000;

describe('Thirty approvers at the same instant on an earmark with room for twenty', () => {
  let api: RunningApi;
  let dataSource: DataSource;
  const caseIds: string[] = [];

  beforeAll(async () => {
    api = await startApi();
    dataSource = api.app.get(DataSource);
    const clock = api.app.get(Clock) as AdjustableClock;
    const window = (await call(api.baseUrl, '/schemes/etablerersentre?year=2017')).body.window;
    clock.set(new Date(new Date(window.opensAt).getTime() + 86_400_000));
    const admin = await tokenFor({ sub: 'ada', roles: ['admin'] });
    const caseworker = await tokenFor({ sub: 'race-saksbehandler', roles: ['caseworker'] });

    // Leave exactly 20 × 10 000 kr on the etablerersentre earmark.
    const status = (await call(api.baseUrl, '/budget/2017', { token: admin })).body;
    const earmark = status.posts.find((post: any) => post.budgetPost === '496.62').earmarks.find((entry: any) => entry.code === 'etablerersentre');
    const blocker = Money.parseNok(earmark.availableNok).minus(Money.ofKroner(20 * AMOUNT_NOK));
    await dataSource.transaction((manager) =>
      api.app.get(BudgetLedger).commit(manager, {
        budgetYear: 2017,
        budgetPost: BudgetPost.parse('496.62'),
        earmarkCode: 'etablerersentre',
        amount: blocker,
        referenceType: 'race-test-blocker',
        referenceId: '1',
        actorId: 'test',
      }),
    );

    for (let index = 0; index < 30; index++) {
      const organisationNumber = newOrganisationNumber();
      const token = await tokenFor({ sub: `race-${index}`, roles: ['applicant'], organisationNumbers: [organisationNumber] });
      await call(api.baseUrl, '/organisations', {
        method: 'POST',
        token,
        json: {
          organisationNumber,
          name: `Etablerersenter ${index}`,
          kind: 'organisasjon',
          accountNumber: newAccountNumber(),
          writtenStandard: 'nb',
          contactName: 'Kari',
          contactEmail: 'kari@example.no',
        },
      });
      const created = await call(api.baseUrl, '/applications', {
        method: 'POST',
        token,
        json: {
          organisationNumber,
          schemeCode: 'etablerersentre',
          budgetYear: 2017,
          form: {
            projectTitle: 'Veiledning for gründere',
            description: 'Veiledning for innvandrere som vil starte egen virksomhet i regionen.',
            periodStart: '2017-03-01',
            periodEnd: '2017-12-31',
            budget: [{ description: 'Rådgiver', amountNok: String(AMOUNT_NOK) }],
            requestedAmountNok: String(AMOUNT_NOK),
            contactName: 'Kari',
            contactEmail: 'kari@example.no',
            region: 'Vestland',
            plannedEntrepreneursAdvised: 40,
          },
        },
      });
      expect(created.status).toBe(201);
      const submitted = await call(api.baseUrl, `/applications/${created.body.id}/submit`, {
        method: 'POST',
        token,
        headers: { 'idempotency-key': `race-${created.body.id}` },
      });
      expect(submitted.status).toBe(201);
      const proposed = await call(api.baseUrl, `/casework/cases/${created.body.id}/proposal`, {
        method: 'POST',
        token: caseworker,
        json: { amountNok: String(AMOUNT_NOK), reasons: 'Søknaden oppfyller kriteriene.' },
      });
      expect(proposed.status).toBe(201);
      await call(api.baseUrl, '/admin/delegations', {
        method: 'POST',
        token: admin,
        json: { approverId: `race-approver-${index}`, budgetPost: '496.62', maxAmountNok: '50000', reference: `Delegering ${index}` },
      });
      caseIds.push(created.body.id);
    }
  });
  afterAll(async () => {
    (api.app.get(Clock) as AdjustableClock).set(undefined);
    await api.close();
  });

  it('commits exactly 20, refuses 10 with a clear 409, and leaves the ledger consistent', async () => {
    const tokens = await Promise.all(caseIds.map((_, index) => tokenFor({ sub: `race-approver-${index}`, roles: ['approver'] })));
    const responses = await Promise.all(
      caseIds.map((caseId, index) => call(api.baseUrl, `/casework/cases/${caseId}/approve`, { method: 'POST', token: tokens[index] })),
    );
    const approved = responses.filter((response) => response.status === 200);
    const refused = responses.filter((response) => response.status === 409);
    expect(approved).toHaveLength(20);
    expect(refused).toHaveLength(10);
    for (const response of refused) {
      expect(response.body.code).toBe('BUDGET_EXHAUSTED');
      expect(response.body.detail).toContain('etablerersentre');
    }
    const statuses = await dataSource.query(`SELECT status, count(*)::int AS n FROM case_file WHERE id = ANY($1::uuid[]) GROUP BY status ORDER BY status`, [
      caseIds,
    ]);
    expect(statuses).toEqual([
      { status: 'approved', n: 20 },
      { status: 'proposed', n: 10 },
    ]);
    const [{ committed }] = await dataSource.query(
      `SELECT coalesce(sum(amount_ore), 0)::text AS committed FROM budget_ledger_entry WHERE reference_type = 'decision' AND reference_id IN (SELECT id::text FROM decision WHERE case_id = ANY($1::uuid[]))`,
      [caseIds],
    );
    expect(committed).toBe(String(20 * AMOUNT_NOK * 100));
    const earmark = (await call(api.baseUrl, '/budget/2017', { token: await tokenFor({ sub: 'f', roles: ['finance'] }) })).body.posts
      .find((post: any) => post.budgetPost === '496.62')
      .earmarks.find((entry: any) => entry.code === 'etablerersentre');
    expect(earmark.availableNok).toBe('0.00');
  });
});
