import type { INestApplicationContext } from '@nestjs/common';
import type { Role } from '@imdi/auth';
import { AdjustableClock, Clock, deadlineOnWorkingDay } from '@imdi/kernel';
import { DataSource } from 'typeorm';
import { call, startApi, tokenFor, type HttpResult, type RunningApi } from '../support/api-harness';
import { newAccountNumber, newOrganisationNumber } from '../support/identifiers';
import { mentorTraineeForm } from '../support/mentor-application';
import { grantAcceptanceHandled } from '../support/domain-events';
import { eventually, startWorker } from '../support/worker-harness';

const PDF = Buffer.from('%PDF-1.4\n%vedlegg\n');
const RANDOM_ID = '8d5e6a43-0d7e-4a1f-9d43-2b0f0e4a9c11';

/**
 * SPEC § 7: an applicant's organisations always bound what the applicant side may see, whatever other
 * roles the caller holds. Every route an applicant can call is tried by callers who act for
 * organisation A and also hold a staff role, against organisation B's real resources.
 */
describe('Organisation scoping of the applicant side, for callers with mixed roles', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let dataSource: DataSource;
  let clock: AdjustableClock;
  const organisationA = newOrganisationNumber();
  const organisationB = newOrganisationNumber();
  /** A municipality on B's side: assignment letters (oppdragsbrev) go to municipalities. */
  const municipalityB = newOrganisationNumber();
  let b: {
    token: string;
    draftId: string;
    draftAttachmentId: string;
    caseId: string;
    letterId: string;
    reportAttachmentId: string;
    noticeId: string;
    reclaimId: string;
    assignmentLetterId: string;
  };

  const post = (path: string, token: string, json: object = {}) => call(api.baseUrl, path, { method: 'POST', token, json });
  const ok = (response: HttpResult, status: number) => expect([response.status, (response.body as { detail?: string }).detail]).toEqual([status, undefined]);

  async function registered(organisationNumber: string, sub: string): Promise<string> {
    const token = await tokenFor({ sub, roles: ['applicant'], organisationNumbers: [organisationNumber] });
    ok(
      await post('/organisations', token, {
        organisationNumber,
        name: `Forening ${organisationNumber}`,
        kind: 'organisasjon',
        accountNumber: newAccountNumber(),
        writtenStandard: 'nb',
        contactName: 'Kari',
        contactEmail: 'kari@example.no',
      }),
      201,
    );
    return token;
  }

  const mentorForm = (amount: string) => mentorTraineeForm(api.baseUrl, amount);

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker();
    dataSource = api.app.get(DataSource);
    clock = api.app.get(Clock) as AdjustableClock;
    const admin = await tokenFor({ sub: 'scope-admin', roles: ['admin'] });
    const caseworker = await tokenFor({ sub: 'scope-saksbehandler', roles: ['caseworker'] });
    const approver = await tokenFor({ sub: 'scope-godkjenner', roles: ['approver'] });
    const finance = await tokenFor({ sub: 'scope-okonomi', roles: ['finance'] });
    ok(
      await post('/admin/delegations', admin, { approverId: 'scope-godkjenner', budgetPost: '496.73', maxAmountNok: '1000000', reference: 'Delegering S' }),
      201,
    );
    const window = (await call(api.baseUrl, '/schemes/mentor-trainee?year=2017')).body.window;
    clock.set(new Date(new Date(window.opensAt).getTime() + 86_400_000));

    await registered(organisationA, 'scope-a');
    const token = await registered(organisationB, 'scope-b');
    const form = await mentorForm('100000');
    const draft = await post('/applications', token, { organisationNumber: organisationB, schemeCode: 'mentor-trainee', budgetYear: 2017, form });
    ok(draft, 201);
    const draftAttachment = await call(api.baseUrl, `/applications/${draft.body.id}/attachments?fileName=plan.pdf`, {
      method: 'POST',
      token,
      body: PDF,
      headers: { 'content-type': 'application/octet-stream' },
    });
    ok(draftAttachment, 201);

    const created = await post('/applications', token, { organisationNumber: organisationB, schemeCode: 'mentor-trainee', budgetYear: 2017, form });
    const caseId = created.body.id as string;
    ok(await call(api.baseUrl, `/applications/${caseId}/submit`, { method: 'POST', token, headers: { 'idempotency-key': `scope-${caseId}` } }), 201);
    ok(await post(`/casework/cases/${caseId}/proposal`, caseworker, { amountNok: '100000', reasons: 'Søknaden oppfyller kriteriene.' }), 201);
    ok(await post(`/casework/cases/${caseId}/approve`, approver), 200);
    await post('/casework/ministry-notifications', caseworker, { schemeCode: 'mentor-trainee', budgetYear: 2017 });
    await eventually(async () =>
      (await dataSource.query('SELECT status FROM case_file WHERE id = $1', [caseId]))[0].status === 'ministry_notified' ? true : undefined,
    );
    ok(await post(`/casework/cases/${caseId}/letters`, caseworker), 201);
    ok(await post(`/cases/${caseId}/accept`, token), 200);
    await grantAcceptanceHandled(dataSource, [caseId]);
    const letters = await call(api.baseUrl, `/cases/${caseId}/letters`, { token });
    const reportAttachment = await call(api.baseUrl, `/cases/${caseId}/report/attachments?fileName=regnskap.pdf`, {
      method: 'POST',
      token,
      body: PDF,
      headers: { 'content-type': 'application/octet-stream' },
    });
    ok(reportAttachment, 201);

    const run = await post('/payments/runs', finance, { budgetYear: 2017, budgetPost: '496.73', asOf: '2017-12-31' });
    ok(run, 202);
    await eventually(async () =>
      (await call(api.baseUrl, `/payments/runs/${run.body.id}`, { token: finance })).body.status === 'completed' ? true : undefined,
    );
    // A comment deadline falls on a working day.
    const inDays = (days: number) => deadlineOnWorkingDay(new Date(clock.now().getTime() + days * 86_400_000).toISOString().slice(0, 10));
    const decidedNotice = await post(`/payments/cases/${caseId}/reclaim-notices`, caseworker, {
      amountNok: '5000',
      reason: 'Ubrukte midler ved prosjektslutt.',
      commentDeadline: inDays(21),
    });
    ok(decidedNotice, 201);
    ok(await post(`/payments/reclaim-notices/${decidedNotice.body.id}/comments`, token, { comment: 'Vi er enige i at 5 000 kr ikke ble brukt.' }), 200);
    const reclaim = await post(`/payments/cases/${caseId}/reclaims`, caseworker, {
      amountNok: '5000',
      reason: 'Ubrukte midler ved prosjektslutt.',
      dueOn: '2017-06-30',
      noticeId: decidedNotice.body.id,
    });
    ok(reclaim, 201);
    const openNotice = await post(`/payments/cases/${caseId}/reclaim-notices`, caseworker, {
      amountNok: '1000',
      reason: 'Ubrukte midler til reise.',
      commentDeadline: inDays(21),
    });
    ok(openNotice, 201);
    const municipality = await tokenFor({ sub: 'scope-m', roles: ['applicant'], organisationNumbers: [municipalityB] });
    ok(
      await post('/organisations', municipality, {
        organisationNumber: municipalityB,
        name: 'Scope kommune',
        kind: 'kommune',
        municipalityNumber: '4601',
        accountNumber: newAccountNumber(),
        writtenStandard: 'nb',
        contactName: 'Kari',
        contactEmail: 'kari@example.no',
      }),
      201,
    );
    const assignmentLetter = await post('/casework/assignment-letters', caseworker, {
      organisationNumber: municipalityB,
      budgetYear: 2017,
      frameNok: '450000',
    });
    ok(assignmentLetter, 201);
    b = {
      token: await tokenFor({ sub: 'scope-b', roles: ['applicant'], organisationNumbers: [organisationB, municipalityB] }),
      assignmentLetterId: assignmentLetter.body.id,
      draftId: draft.body.id,
      draftAttachmentId: draftAttachment.body.id,
      caseId,
      letterId: letters.body[0].id,
      reportAttachmentId: reportAttachment.body.id,
      noticeId: openNotice.body.id,
      reclaimId: reclaim.body.id,
    };
  });
  afterAll(async () => {
    clock.set(undefined);
    await worker.close();
    await api.close();
  });

  /** Every route open to the applicant role that names another organisation's resource. */
  const routes = (): ReadonlyArray<{ method: string; path: string; json?: object; body?: Buffer }> => [
    { method: 'GET', path: `/applications/${b.caseId}` },
    { method: 'GET', path: `/applications/${b.draftId}` },
    { method: 'PUT', path: `/applications/${b.draftId}/form`, json: { form: {} } },
    { method: 'POST', path: `/applications/${b.draftId}/attachments?fileName=inntrenger.pdf`, body: PDF },
    { method: 'GET', path: `/applications/${b.draftId}/attachments/${b.draftAttachmentId}` },
    { method: 'POST', path: `/applications/${b.draftId}/submit` },
    { method: 'GET', path: `/applications/${b.caseId}/receipt` },
    { method: 'POST', path: `/applications/${b.draftId}/withdraw`, json: { reason: 'Trukket av en annen.' } },
    { method: 'GET', path: `/cases/${b.caseId}/letters` },
    { method: 'GET', path: `/cases/${b.caseId}/letters/${b.letterId}` },
    { method: 'POST', path: `/cases/${b.caseId}/accept` },
    { method: 'POST', path: `/cases/${b.caseId}/appeal`, json: { grounds: 'Vi klager på vegne av en annen.' } },
    { method: 'GET', path: `/cases/${b.caseId}/report` },
    { method: 'POST', path: `/cases/${b.caseId}/report`, json: { useOfFunds: 'Skrevet av en uvedkommende.' } },
    { method: 'POST', path: `/cases/${b.caseId}/report/attachments?fileName=inntrenger.pdf`, body: PDF },
    { method: 'GET', path: `/cases/${b.caseId}/report/attachments/${b.reportAttachmentId}` },
    { method: 'GET', path: `/assignment-letters/${b.assignmentLetterId}` },
    { method: 'GET', path: `/payments/reclaim-notices/${b.noticeId}` },
    { method: 'GET', path: `/payments/reclaim-notices/${b.noticeId}/letter.pdf` },
    { method: 'POST', path: `/payments/reclaim-notices/${b.noticeId}/comments`, json: { comment: 'En uvedkommende uttaler seg.' } },
    { method: 'GET', path: `/payments/reclaims/${b.reclaimId}/letter.pdf` },
    { method: 'POST', path: `/payments/reclaims/${b.reclaimId}/appeal`, json: { grounds: 'Vi klager på vegne av en annen.' } },
  ];

  const STAFF: readonly Role[] = ['caseworker', 'approver', 'finance', 'admin', 'ministry'];

  const writes = async (): Promise<unknown> =>
    (
      await dataSource.query(
        `SELECT (SELECT count(*)::int FROM audit_entry) AS audit,
                (SELECT count(*)::int FROM application_attachment) AS attachments,
                (SELECT count(*)::int FROM recipient_report_attachment) AS report_attachments,
                (SELECT count(*)::int FROM application) AS applications,
                (SELECT count(*)::int FROM organisation) AS organisations`,
      )
    )[0];

  /** The worker first finishes what the setup set going (domain events, mails, the journal), so a test counts only its own writes. */
  const settled = async (): Promise<void> => {
    let last = JSON.stringify(await writes());
    await eventually(async () => {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const now = JSON.stringify(await writes());
      const [{ waiting }]: Array<{ waiting: number }> = await dataSource.query(`SELECT count(*)::int AS waiting FROM outbox_message WHERE relayed_at IS NULL`);
      const quiet = now === last && waiting === 0;
      last = now;
      return quiet ? true : undefined;
    }, 60_000);
  };

  it.each(STAFF)('finds nothing of another organisation, and writes nothing, for an applicant who also holds %s', async (staffRole) => {
    const token = await tokenFor({ sub: `scope-a-${staffRole}`, roles: ['applicant', staffRole], organisationNumbers: [organisationA] });
    await settled();
    const before = await writes();
    const reached: string[] = [];
    for (const route of routes()) {
      const response = await call(api.baseUrl, route.path, {
        method: route.method,
        token,
        json: route.json,
        body: route.body,
        headers: route.body ? { 'content-type': 'application/octet-stream', 'idempotency-key': 'x' } : { 'idempotency-key': `scope-${staffRole}` },
      });
      // 404 as for an id that does not exist; 403 only where the role itself is refused.
      if (response.status !== 404 && response.status !== 403) reached.push(`${route.method} ${route.path} → ${response.status}`);
    }
    expect(reached).toEqual([]);
    const created = await post('/applications', token, {
      organisationNumber: organisationB,
      schemeCode: 'mentor-trainee',
      budgetYear: 2017,
      form: await mentorForm('1000'),
    });
    expect([created.status, created.body.code]).toEqual([404, 'ORGANISATION_NOT_FOUND']);
    const reRegistered = await post('/organisations', token, {
      organisationNumber: organisationB,
      name: 'Kapret forening',
      kind: 'organisasjon',
      accountNumber: newAccountNumber(),
      writtenStandard: 'nb',
      contactName: 'Mallory',
      contactEmail: 'm@example.no',
    });
    expect([reRegistered.status, reRegistered.body.code]).toEqual([403, 'NOT_ACTING_FOR_ORGANISATION']);
    expect(await writes()).toEqual(before);

    const lists = [
      await call(api.baseUrl, '/applications', { token }),
      await call(api.baseUrl, '/recipient-reports', { token }),
      await call(api.baseUrl, '/organisations/mine', { token }),
    ];
    expect(JSON.stringify(lists.map((list) => list.body))).not.toMatch(new RegExp(`${organisationB}|${municipalityB}`));
  });

  it.each([[['applicant']], [['applicant', 'caseworker']]] as Array<[Role[]]>)(
    "answers another organisation's real ids exactly as ids that do not exist, on every route, to %j",
    async (roles) => {
      const applicantA = await tokenFor({ sub: 'scope-a', roles, organisationNumbers: [organisationA] });
      const real = Object.values(b).filter((value) => /^[0-9a-f-]{36}$/.test(value));
      const differing: string[] = [];
      for (const route of routes()) {
        const randomPath = real.reduce((path, id) => path.split(id).join(RANDOM_ID), route.path);
        const ask = (path: string) =>
          call(api.baseUrl, path, {
            method: route.method,
            token: applicantA,
            json: route.json,
            body: route.body,
            headers: route.body ? { 'content-type': 'application/octet-stream' } : { 'idempotency-key': 'scope-same' },
          });
        const [answerReal, answerRandom] = [await ask(route.path), await ask(randomPath)];
        const shape = (answer: HttpResult) => [answer.status, (answer.body as { code?: string }).code];
        if (JSON.stringify(shape(answerReal)) !== JSON.stringify(shape(answerRandom))) {
          differing.push(`${route.method} ${route.path}: ${shape(answerReal).join(' ')} vs ${shape(answerRandom).join(' ')}`);
        }
      }
      expect(differing).toEqual([]);
      const accepted = await post(`/cases/${b.caseId}/accept`, applicantA);
      expect([accepted.status, accepted.body.code]).toEqual([404, 'CASE_NOT_FOUND']);
    },
  );

  it('still lets staff without the applicant role reach every organisation on the routes they share with applicants', async () => {
    const caseworker = await tokenFor({ sub: 'scope-saksbehandler-2', roles: ['caseworker'] });
    ok(await call(api.baseUrl, `/applications/${b.caseId}`, { token: caseworker }), 200);
    ok(await call(api.baseUrl, `/cases/${b.caseId}/report`, { token: caseworker }), 200);
    ok(await call(api.baseUrl, `/payments/reclaim-notices/${b.noticeId}`, { token: caseworker }), 200);
    // The paths above are real: the organisation itself reads every one of them.
    const unread = [];
    for (const route of routes().filter((candidate) => candidate.method === 'GET')) {
      const own = await call(api.baseUrl, route.path, { token: b.token });
      if (own.status !== 200) unread.push(`${route.path} → ${own.status}`);
    }
    expect(unread).toEqual([]);
  });
});
