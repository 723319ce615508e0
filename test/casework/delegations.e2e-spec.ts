import { AdjustableClock, Clock } from '@imdi/kernel';
import { DataSource } from 'typeorm';
import { call, startApi, tokenFor, type RunningApi } from '../support/api-harness';
import { newAccountNumber, newOrganisationNumber } from '../support/identifiers';
import { mentorTraineeForm } from '../support/mentor-application';

describe('Delegations of budget authority', () => {
  let api: RunningApi;
  let dataSource: DataSource;
  let clock: AdjustableClock;
  let admin: string;
  let caseworker: string;

  const post = (path: string, token: string, json: object = {}) => call(api.baseUrl, path, { method: 'POST', token, json });
  const statusOf = async (caseId: string) => (await dataSource.query('SELECT status FROM case_file WHERE id = $1', [caseId]))[0].status;
  const delegationsOf = async (approverId: string) =>
    (await dataSource.query('SELECT count(*)::int AS n FROM approver_delegation WHERE approver_id = $1', [approverId]))[0].n;

  /** A mentor-trainee case (496.73) with a proposal waiting for approval. */
  async function proposedCase(): Promise<string> {
    const organisationNumber = newOrganisationNumber();
    const token = await tokenFor({ sub: `deleg-${organisationNumber}`, roles: ['applicant'], organisationNumbers: [organisationNumber] });
    await post('/organisations', token, {
      organisationNumber,
      name: 'Mentorforeningen',
      kind: 'organisasjon',
      accountNumber: newAccountNumber(),
      writtenStandard: 'nb',
      contactName: 'Kari',
      contactEmail: 'kari@example.no',
    });
    const created = await post('/applications', token, {
      organisationNumber,
      schemeCode: 'mentor-trainee',
      budgetYear: 2017,
      form: await mentorTraineeForm(api.baseUrl, '100000'),
    });
    expect(created.status).toBe(201);
    expect(
      (
        await call(api.baseUrl, `/applications/${created.body.id}/submit`, {
          method: 'POST',
          token,
          headers: { 'idempotency-key': `deleg-${created.body.id}` },
        })
      ).status,
    ).toBe(201);
    expect(
      (await post(`/casework/cases/${created.body.id}/proposal`, caseworker, { amountNok: '100000', reasons: 'Søknaden oppfyller kriteriene.' })).status,
    ).toBe(201);
    return created.body.id;
  }

  beforeAll(async () => {
    api = await startApi();
    dataSource = api.app.get(DataSource);
    clock = api.app.get(Clock) as AdjustableClock;
    admin = await tokenFor({ sub: 'deleg-admin', roles: ['admin'] });
    caseworker = await tokenFor({ sub: 'deleg-saksbehandler', roles: ['caseworker'] });
    const window = (await call(api.baseUrl, '/schemes/mentor-trainee?year=2017')).body.window;
    clock.set(new Date(new Date(window.opensAt).getTime() + 86_400_000));
  });
  afterAll(async () => {
    clock.set(undefined);
    await api.close();
  });

  it('refuses a delegation to oneself, so an admin who is also an approver cannot approve on it', async () => {
    const both = await tokenFor({ sub: 'selv-godkjenner', roles: ['admin', 'approver'] });
    const own = await post('/admin/delegations', both, {
      approverId: 'selv-godkjenner',
      budgetPost: '496.73',
      maxAmountNok: '1000000',
      reference: 'Egen delegering',
    });
    expect([own.status, own.body.code, own.body.errors[0].field]).toEqual([403, 'SELF_DELEGATION', 'approverId']);
    expect(own.body.detail).toContain('annen administrator');
    expect(await delegationsOf('selv-godkjenner')).toBe(0);
    const caseId = await proposedCase();
    const approval = await post(`/casework/cases/${caseId}/approve`, both);
    expect([approval.status, approval.body.code]).toEqual([403, 'NO_DELEGATION']);
    expect(await statusOf(caseId)).toBe('proposed');
  });

  it.each(['0', '0.00', '-5', '-0.01'])('refuses the limit %s as a named 400, writing nothing', async (maxAmountNok) => {
    const response = await post('/admin/delegations', admin, {
      approverId: 'null-godkjenner',
      budgetPost: '496.73',
      maxAmountNok,
      reference: 'Delegering null',
    });
    expect([response.status, response.body.code, response.body.errors[0].field]).toEqual([400, 'DELEGATION_LIMIT_NOT_POSITIVE', 'maxAmountNok']);
    expect(await delegationsOf('null-godkjenner')).toBe(0);
  });

  it('refuses a limit in fractions of an øre', async () => {
    const response = await post('/admin/delegations', admin, {
      approverId: 'null-godkjenner',
      budgetPost: '496.73',
      maxAmountNok: '100.001',
      reference: 'Delegering brøk',
    });
    expect([response.status, response.body.errors[0].field]).toEqual([400, 'maxAmountNok']);
  });

  it('revokes a delegation with an audit entry, after which its holder can no longer approve', async () => {
    const granted = await post('/admin/delegations', admin, {
      approverId: 'trukket-godkjenner',
      budgetPost: '496.73',
      maxAmountNok: '1000000',
      reference: 'Delegering T',
    });
    expect(granted.status).toBe(201);
    expect(granted.body).toMatchObject({ approverId: 'trukket-godkjenner', grantedBy: 'deleg-admin', maxAmountNok: '1000000.00', revokedAt: null });

    const approver = await tokenFor({ sub: 'trukket-godkjenner', roles: ['approver'] });
    expect((await post(`/admin/delegations/${granted.body.id}/revoke`, approver, { reason: 'Jeg vil selv' })).status).toBe(403);
    const revoked = await post(`/admin/delegations/${granted.body.id}/revoke`, admin, { reason: 'Ny stilling fra 1. mars' });
    expect([revoked.status, revoked.body.revokedBy, revoked.body.revocationReason]).toEqual([200, 'deleg-admin', 'Ny stilling fra 1. mars']);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    const audit = await dataSource.query(
      `SELECT actor_id, after FROM audit_entry WHERE entity_type = 'approver_delegation' AND entity_id = $1 AND action = 'delegation.revoked'`,
      [granted.body.id],
    );
    expect(audit).toEqual([{ actor_id: 'deleg-admin', after: { revoked: true, reason: 'Ny stilling fra 1. mars' } }]);

    const caseId = await proposedCase();
    const approval = await post(`/casework/cases/${caseId}/approve`, approver);
    expect([approval.status, approval.body.code]).toEqual([403, 'NO_DELEGATION']);
    expect(await statusOf(caseId)).toBe('proposed');

    const again = await post(`/admin/delegations/${granted.body.id}/revoke`, admin, { reason: 'Ny stilling fra 1. mars' });
    expect([again.status, again.body.code]).toEqual([409, 'DELEGATION_REVOKED']);
    const unknown = await post('/admin/delegations/8d5e6a43-0d7e-4a1f-9d43-2b0f0e4a9c11/revoke', admin, { reason: 'Finnes ikke' });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'DELEGATION_NOT_FOUND']);

    const listed = (await call(api.baseUrl, '/admin/delegations', { token: admin })).body as Array<{ id: string; revokedAt: string | null }>;
    expect(listed.find((delegation) => delegation.id === granted.body.id)?.revokedAt).toEqual(revoked.body.revokedAt);

    const renewed = await post('/admin/delegations', admin, {
      approverId: 'trukket-godkjenner',
      budgetPost: '496.73',
      maxAmountNok: '1000000',
      reference: 'Delegering T2',
    });
    expect(renewed.status).toBe(201);
    expect((await post(`/casework/cases/${caseId}/approve`, approver)).status).toBe(200);
  });
});
