import { AdjustableClock, Clock } from '@imdi/kernel';
import { DataSource } from 'typeorm';
import { call, startApi, tokenFor, type RunningApi } from '../support/api-harness';
import { newAccountNumber, newOrganisationNumber } from '../support/identifiers';
import { mentorTraineeForm } from '../support/mentor-application';

/** The staff side's server: the work queue, bulk assignment, the case's actions and the approver's desk. */
describe('Staff desk API', () => {
  let api: RunningApi;
  let dataSource: DataSource;
  let clock: AdjustableClock;
  let caseworker: string;
  let otherCaseworker: string;
  let approver: string;
  let admin: string;
  let opensAt: Date;

  const post = (path: string, token: string, json: object = {}) => call(api.baseUrl, path, { method: 'POST', token, json });
  const get = (path: string, token: string) => call(api.baseUrl, path, { token });
  const statusOf = async (caseId: string) => (await dataSource.query('SELECT status FROM case_file WHERE id = $1', [caseId]))[0].status;

  /** A submitted mentor-trainee application (496.73) from a new organisation called `name`. */
  async function submittedCase(
    name: string,
    amount = '100000',
    contactName = 'Kari Nordmann',
  ): Promise<{ caseId: string; organisationNumber: string; caseNumber: string }> {
    const organisationNumber = newOrganisationNumber();
    const token = await tokenFor({ sub: `desk-${organisationNumber}`, roles: ['applicant'], organisationNumbers: [organisationNumber] });
    expect(
      (
        await post('/organisations', token, {
          organisationNumber,
          name,
          kind: 'organisasjon',
          accountNumber: newAccountNumber(),
          writtenStandard: 'nb',
          contactName: 'Ola',
          contactEmail: 'ola@example.no',
        })
      ).status,
    ).toBe(201);
    const form = { ...(await mentorTraineeForm(api.baseUrl, amount)), contactName };
    const created = await post('/applications', token, { organisationNumber, schemeCode: 'mentor-trainee', budgetYear: 2017, form });
    expect(created.status).toBe(201);
    const submitted = await call(api.baseUrl, `/applications/${created.body.id}/submit`, {
      method: 'POST',
      token,
      headers: { 'idempotency-key': `desk-${created.body.id}` },
    });
    expect(submitted.status).toBe(201);
    const [{ case_number }] = await dataSource.query('SELECT case_number FROM case_file WHERE id = $1', [created.body.id]);
    return { caseId: created.body.id, organisationNumber, caseNumber: case_number };
  }

  beforeAll(async () => {
    api = await startApi();
    dataSource = api.app.get(DataSource);
    clock = api.app.get(Clock) as AdjustableClock;
    caseworker = await tokenFor({ sub: 'desk-saksbehandler', name: 'Siri Saksbehandler', roles: ['caseworker'] });
    otherCaseworker = await tokenFor({ sub: 'desk-saksbehandler-2', roles: ['caseworker'] });
    approver = await tokenFor({ sub: 'desk-godkjenner', name: 'Gunn Godkjenner', roles: ['approver'] });
    admin = await tokenFor({ sub: 'desk-admin', roles: ['admin'] });
    opensAt = new Date((await call(api.baseUrl, '/schemes/mentor-trainee?year=2017')).body.window.opensAt);
    clock.set(new Date(opensAt.getTime() + 86_400_000));
  });
  afterAll(async () => {
    clock.set(undefined);
    await api.close();
  });

  describe('work queue', () => {
    let fjord: { caseId: string; organisationNumber: string; caseNumber: string };
    let rejected: { caseId: string; organisationNumber: string; caseNumber: string };

    beforeAll(async () => {
      fjord = await submittedCase('Fjordbyen Frivilligsentral', '100000', 'Aslak Aasheim');
      rejected = await submittedCase('Fjordbyen Idrettslag');
      expect(
        (
          await post(`/applications/${rejected.caseId}/reject-formally`, caseworker, {
            reason: 'Søknaden mangler vedlagt budsjett.',
            legalBasis: 'Forskrift § 5',
          })
        ).status,
      ).toBe(200);
      for (let index = 0; index < 3; index++) await submittedCase(`Kølabben Kulturforening ${index}`);
    });

    it('finds a case by a part of the organisation name, case number, organisation number or applicant name', async () => {
      for (const search of ['frivilligsentral', fjord.caseNumber, fjord.organisationNumber, 'aasheim']) {
        const page = await get(`/casework/work-queue?search=${encodeURIComponent(search)}`, caseworker);
        expect(page.status).toBe(200);
        expect(page.body.items.map((item: { caseId: string }) => item.caseId)).toEqual([fjord.caseId]);
        expect(page.body.items[0]).toMatchObject({
          organisationName: 'Fjordbyen Frivilligsentral',
          applicantName: 'Aslak Aasheim',
          status: 'submitted',
          schemeCode: 'mentor-trainee',
          requestedNok: '100000.00',
        });
      }
    });

    it('leaves finished cases out of the open queue and shows them when asked', async () => {
      const open = await get('/casework/work-queue?search=Fjordbyen', caseworker);
      expect(open.body.items.map((item: { caseId: string }) => item.caseId)).toEqual([fjord.caseId]);
      const all = await get('/casework/work-queue?search=Fjordbyen&open=false&sort=organisation', caseworker);
      expect(all.body.items.map((item: { caseId: string }) => item.caseId)).toEqual([fjord.caseId, rejected.caseId]);
      const byStatus = await get('/casework/work-queue?status=rejected_formal&search=Fjordbyen', caseworker);
      expect(byStatus.body.items.map((item: { caseId: string }) => item.caseId)).toEqual([rejected.caseId]);
    });

    it('pages and sorts, with the total over all pages', async () => {
      const first = await get('/casework/work-queue?search=K%C3%B8labben&sort=organisation&pageSize=2', caseworker);
      expect(first.body).toMatchObject({ page: 1, pageSize: 2, total: 3 });
      expect(first.body.items.map((item: { organisationName: string }) => item.organisationName)).toEqual([
        'Kølabben Kulturforening 0',
        'Kølabben Kulturforening 1',
      ]);
      const second = await get('/casework/work-queue?search=K%C3%B8labben&sort=organisation&pageSize=2&page=2', caseworker);
      expect(second.body.items.map((item: { organisationName: string }) => item.organisationName)).toEqual(['Kølabben Kulturforening 2']);
      const beyond = await get('/casework/work-queue?search=K%C3%B8labben&pageSize=2&page=5', caseworker);
      expect(beyond.body).toMatchObject({ total: 3, items: [] });
    });

    it('treats % and _ in the search as plain characters', async () => {
      const page = await get('/casework/work-queue?search=%25', caseworker);
      expect(page.body).toMatchObject({ total: 0, items: [] });
    });

    it('assigns several cases at once and filters by assignee', async () => {
      const kolabben = (await get('/casework/work-queue?search=K%C3%B8labben', caseworker)).body.items.map((item: { caseId: string }) => item.caseId);
      const assigned = await post('/casework/assignments', caseworker, { caseIds: kolabben, caseworkerId: 'desk-saksbehandler-2' });
      expect([assigned.status, assigned.body]).toEqual([200, { assigned: 3 }]);
      const theirs = await get('/casework/work-queue?assignee=me&search=K%C3%B8labben', otherCaseworker);
      expect(theirs.body.total).toBe(3);
      const unassigned = await get('/casework/work-queue?assignee=none&search=Fjordbyen', caseworker);
      expect(unassigned.body.items.map((item: { caseId: string }) => item.caseId)).toEqual([fjord.caseId]);
    });

    it('assigns none of the cases when one of them cannot be assigned', async () => {
      const unknown = '00000000-0000-4000-8000-000000000000';
      const response = await post('/casework/assignments', caseworker, { caseIds: [fjord.caseId, unknown], caseworkerId: 'desk-saksbehandler-2' });
      expect(response.status).toBe(404);
      const [{ n }] = await dataSource.query('SELECT count(*)::int AS n FROM case_assignment WHERE case_id = $1', [fjord.caseId]);
      expect(n).toBe(0);
    });

    it('marks the decision deadline one month after receipt and filters on it', async () => {
      clock.set(new Date(opensAt.getTime() + 40 * 86_400_000));
      try {
        const overdue = await get('/casework/work-queue?deadline=overdue&search=Fjordbyen', caseworker);
        expect(overdue.body.items).toHaveLength(1);
        expect(overdue.body.items[0]).toMatchObject({ caseId: fjord.caseId, deadline: 'overdue', provisionalAnswerSent: false });
        const soon = await get('/casework/work-queue?deadline=due-soon&search=Fjordbyen', caseworker);
        expect(soon.body.total).toBe(0);
      } finally {
        clock.set(new Date(opensAt.getTime() + 86_400_000));
      }
      const now = await get('/casework/work-queue?search=Fjordbyen', caseworker);
      expect(now.body.items[0].deadline).toBe('on-time');
    });

    it.each([
      ['status=nonsense', 'status'],
      ['pageSize=1000', 'pageSize'],
      ['page=0', 'page'],
      ['sort=random', 'sort'],
      ['deadline=yesterday', 'deadline'],
      ['year=abc', 'year'],
    ])('refuses %s as a 400 naming the field', async (query, field) => {
      const response = await get(`/casework/work-queue?${query}`, caseworker);
      expect(response.status).toBe(400);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    });

    it('refuses a bulk assignment without cases, naming the field', async () => {
      const response = await post('/casework/assignments', caseworker, { caseIds: [], caseworkerId: 'x' });
      expect([response.status, response.body.errors[0].field]).toEqual([400, 'caseIds']);
    });

    it('is not open to applicants', async () => {
      const applicant = await tokenFor({ sub: 'desk-applicant', roles: ['applicant'], organisationNumbers: [fjord.organisationNumber] });
      expect((await get('/casework/work-queue', applicant)).status).toBe(403);
    });
  });

  describe('the actions a case offers', () => {
    const codes = (body: { actions: Array<{ code: string }> }) => body.actions.map((action) => action.code);

    it('offers a caseworker rejection and proposal on a submitted case, and after a conflict only what is left', async () => {
      const { caseId, organisationNumber } = await submittedCase('Habil Forening');
      const before = await get(`/casework/cases/${caseId}`, caseworker);
      expect(codes(before.body)).toEqual(['assign', 'declareConflict', 'rejectFormally', 'assess', 'propose', 'sendProvisionalAnswer']);
      expect(before.body.actions[2]).toEqual({ code: 'rejectFormally', label: 'Avvis søknaden formelt' });
      expect((await post('/casework/conflicts', caseworker, { organisationNumber, reason: 'Styremedlem i foreningen.' })).status).toBe(204);
      const after = await get(`/casework/cases/${caseId}`, caseworker);
      expect(after.body.callerHasConflict).toBe(true);
      expect(codes(after.body)).toEqual(['assign']);
      expect((await get(`/casework/cases/${caseId}`, approver)).body.actions.map((action: { code: string }) => action.code)).toEqual([
        'assign',
        'declareConflict',
      ]);
    });

    it('offers approval and return to another approver, not to the proposer, and return sends it back with the comment', async () => {
      const { caseId } = await submittedCase('Fireøyne Forening');
      const both = await tokenFor({ sub: 'desk-begge', roles: ['caseworker', 'approver'] });
      expect((await post(`/casework/cases/${caseId}/proposal`, both, { amountNok: '90000', reasons: 'Søknaden oppfyller kriteriene delvis.' })).status).toBe(
        201,
      );
      expect(codes((await get(`/casework/cases/${caseId}`, both)).body)).not.toContain('approve');
      expect(codes((await get(`/casework/cases/${caseId}`, approver)).body)).toEqual(['assign', 'declareConflict', 'approve', 'returnForAssessment']);
      const own = await post(`/casework/cases/${caseId}/return`, both, { comment: 'Jeg trekker forslaget.' });
      expect([own.status, own.body.code]).toEqual([403, 'FOUR_EYES']);
      const returned = await post(`/casework/cases/${caseId}/return`, approver, { comment: 'Beløpet må begrunnes bedre.' });
      expect([returned.status, returned.body]).toEqual([200, { status: 'in_assessment' }]);
      const overview = (await get(`/casework/cases/${caseId}`, caseworker)).body;
      expect(overview.decision).toBeNull();
      expect(codes(overview)).toContain('propose');
      const [audit] = await dataSource.query(`SELECT after FROM audit_entry WHERE entity_id = $1 AND action = 'case.returnForAssessment'`, [caseId]);
      expect(audit.after).toMatchObject({ status: 'in_assessment', reason: 'Beløpet må begrunnes bedre.' });
      expect((await post(`/casework/cases/${caseId}/return`, approver, { comment: 'Igjen.' })).body.code).toBe('NO_PROPOSAL');
    });
  });

  describe("the approver's desk", () => {
    it('lists my delegations and the proposals waiting with the budget room each would use', async () => {
      const granted = await post('/admin/delegations', admin, {
        approverId: 'desk-godkjenner',
        budgetPost: '496.73',
        maxAmountNok: '150000',
        reference: 'Delegering 2017-73',
      });
      expect(granted.status).toBe(201);
      const mine = await get('/casework/my-delegations', approver);
      expect(mine.body).toEqual([
        expect.objectContaining({ budgetPost: '496.73', maxAmountNok: '150000.00', reference: 'Delegering 2017-73', grantedBy: 'desk-admin', active: true }),
      ]);
      const small = await submittedCase('Innenfor Fullmakt', '120000');
      const large = await submittedCase('Over Fullmakt', '200000');
      for (const { caseId } of [small, large]) {
        expect(
          (
            await post(`/casework/cases/${caseId}/proposal`, caseworker, {
              amountNok: caseId === small.caseId ? '120000' : '200000',
              reasons: 'Søknaden oppfyller kriteriene.',
            })
          ).status,
        ).toBe(201);
      }
      const proposals = (await get('/casework/proposals', approver)).body as Array<{
        caseId: string;
        approvable: boolean;
        blockedReason: string | null;
        amountNok: string;
        budget: { availableNok: string; afterApprovalNok: string };
      }>;
      const within = proposals.find((proposal) => proposal.caseId === small.caseId)!;
      const beyond = proposals.find((proposal) => proposal.caseId === large.caseId)!;
      expect(within).toMatchObject({
        organisationName: 'Innenfor Fullmakt',
        amountNok: '120000.00',
        budgetPost: '496.73',
        approvable: true,
        blockedReason: null,
        proposedByName: 'Siri Saksbehandler',
      });
      const available = Number(within.budget.availableNok);
      expect(Number(within.budget.afterApprovalNok)).toBe(available - 120000);
      expect(beyond).toMatchObject({ approvable: false });
      expect(beyond.blockedReason).toContain('fullmakten');
      expect((await post(`/casework/cases/${small.caseId}/approve`, approver)).status).toBe(200);
      expect(await statusOf(small.caseId)).toBe('approved');
      const after = (await get('/casework/proposals', approver)).body as Array<{ caseId: string; budget: { availableNok: string } }>;
      expect(after.map((proposal) => proposal.caseId)).not.toContain(small.caseId);
      expect(Number(after.find((proposal) => proposal.caseId === large.caseId)!.budget.availableNok)).toBe(available - 120000);
    });

    it('is for approvers only', async () => {
      expect((await get('/casework/proposals', caseworker)).status).toBe(403);
      expect((await get('/casework/my-delegations', caseworker)).status).toBe(403);
    });
  });
});
