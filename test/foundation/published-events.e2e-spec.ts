import type { INestApplicationContext } from '@nestjs/common';
import { AdjustableClock, Clock } from '@imdi/kernel';
import { DataSource } from 'typeorm';
import { call, startApi, tokenFor, type RunningApi } from '../support/api-harness';
import { grantAcceptanceHandled } from '../support/domain-events';
import { approvedJobbsjansenGrant } from '../support/grant-fixtures';
import { newAccountNumber, newOrganisationNumber } from '../support/identifiers';
import { eventually, startWorker } from '../support/worker-harness';

/**
 * One grant from submission to acceptance: each step publishes its domain event with the case's facts
 * (libs/outbox/EVENTS.md), the submit path from inside its SQL function, and the acceptance's
 * subscribers plan the payout and open the reporting duty once.
 */
describe('Domain events a grant publishes on its way', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let dataSource: DataSource;
  let clock: AdjustableClock;
  let caseworker: string;
  let approver: string;

  const post = (path: string, token: string, json: object = {}) => call(api.baseUrl, path, { method: 'POST', token, json });
  const eventsOf = async (caseId: string): Promise<Array<{ id: string; name: string; version: number; data: Record<string, unknown> }>> =>
    dataSource.query(
      `SELECT id, job_name AS name, (payload->>'version')::int AS version, payload->'data' AS data FROM outbox_message
       WHERE queue = 'domain-events' AND payload->'data'->>'caseId' = $1 ORDER BY created_at, id`,
      [caseId],
    );

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker();
    dataSource = api.app.get(DataSource);
    clock = api.app.get(Clock) as AdjustableClock;
    const window = (await call(api.baseUrl, '/schemes/jobbsjansen-a?year=2017')).body.window;
    clock.set(new Date(new Date(window.opensAt).getTime() + 86_400_000));
    caseworker = await tokenFor({ sub: 'evt-saksbehandler', roles: ['caseworker'] });
    approver = await tokenFor({ sub: 'evt-godkjenner', roles: ['approver'] });
    const admin = await tokenFor({ sub: 'ada', roles: ['admin'] });
    expect(
      (
        await post('/admin/delegations', admin, {
          approverId: 'evt-godkjenner',
          budgetPost: '496.62',
          maxAmountNok: '1000000',
          reference: 'Delegeringsvedtak hendelser',
        })
      ).status,
    ).toBe(201);
  });
  afterAll(async () => {
    clock.set(undefined);
    await worker.close();
    await api.close();
  });

  it('publishes ApplicationSubmitted, DecisionApproved, PreNotificationSent, LetterSent and GrantAccepted with the case facts, and the acceptance has its effects once', async () => {
    const organisationNumber = newOrganisationNumber();
    const token = await tokenFor({ sub: `evt-${organisationNumber}`, roles: ['applicant'], organisationNumbers: [organisationNumber] });
    const accountNumber = newAccountNumber();
    expect(
      (
        await post('/organisations', token, {
          organisationNumber,
          name: 'Hendelsesby kommune',
          kind: 'kommune',
          municipalityNumber: '3005',
          accountNumber,
          writtenStandard: 'nb',
          contactName: 'Kari',
          contactEmail: 'kari@example.no',
        })
      ).status,
    ).toBe(201);
    const caseId = await approvedJobbsjansenGrant(api.baseUrl, { caseworker, approver }, { organisationNumber, token }, '450000');
    expect((await post('/casework/ministry-notifications', caseworker, { schemeCode: 'jobbsjansen-a', budgetYear: 2017 })).status).toBe(201);
    await eventually(
      async () => ((await dataSource.query('SELECT status FROM case_file WHERE id = $1', [caseId]))[0].status === 'ministry_notified' ? true : undefined),
      30_000,
    );
    expect((await post(`/casework/cases/${caseId}/letters`, caseworker)).status).toBe(201);
    expect((await post(`/cases/${caseId}/accept`, token)).body.status).toBe('accepted');
    await grantAcceptanceHandled(dataSource, [caseId]);

    const [{ case_number: caseNumber, received_at: receivedAt }] = await dataSource.query('SELECT case_number, received_at FROM case_file WHERE id = $1', [
      caseId,
    ]);
    const instant = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const facts = { caseId, caseNumber, organisationNumber, schemeCode: 'jobbsjansen-a', budgetYear: 2017 };
    // The receipt is issued by a job after submission, whenever the worker gets to it: once, with its document number.
    const published = await eventually(async () => {
      const all = await eventsOf(caseId);
      return all.some((event) => event.name === 'ReceiptIssued') ? all : undefined;
    });
    expect(published.filter((event) => event.name === 'ReceiptIssued').map((event) => [event.version, event.data])).toEqual([
      [1, { ...facts, issuedAt: instant, documentNumber: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }],
    ]);
    const events = published.filter((event) => event.name !== 'ReceiptIssued');
    expect(events.map((event) => `${event.name}@${event.version}`)).toEqual([
      'ApplicationSubmitted@1',
      'AssessmentRecorded@1',
      'DecisionProposed@1',
      'DecisionApproved@1',
      'PreNotificationSent@1',
      'LetterSent@1',
      'GrantAccepted@1',
    ]);
    const [submitted, assessed, proposed, approved, notified, letter, accepted] = events.map((event) => event.data);
    expect(submitted).toEqual({ ...facts, requestedOre: '45000000', receivedAt: (receivedAt as Date).toISOString() });
    expect(approved).toMatchObject({
      ...facts,
      outcome: 'granted',
      amountOre: '45000000',
      budgetPost: '496.62',
      decisionId: expect.any(String),
      decidedAt: instant,
    });
    expect(assessed).toEqual({ ...facts, totalScore: expect.any(Number), assessedAt: instant, assessmentId: expect.any(String) });
    expect(proposed).toEqual({ ...facts, decisionId: approved.decisionId, outcome: 'granted', amountOre: '45000000', proposedAt: instant });
    expect(notified).toMatchObject({ ...facts, notificationId: expect.any(String) });
    expect(letter).toMatchObject({ ...facts, kind: 'grant', decisionId: approved.decisionId, letterId: expect.any(String), sentAt: instant });
    expect(accepted).toEqual({
      ...facts,
      decisionId: approved.decisionId,
      amountOre: '45000000',
      budgetPost: '496.62',
      earmarkCode: approved.earmarkCode,
      acceptedOn: expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
      accountNumber,
      periodEnd: '2017-12-31',
    });

    // The subscribers' effects, once: the planned payout adds up to the grant, and the reporting duty is open.
    const [{ total, deliveries }] = await dataSource.query(
      `SELECT (SELECT sum(amount_ore)::text FROM instalment WHERE case_id = $1) AS total,
              (SELECT count(*)::int FROM processed_job WHERE job_id LIKE 'event-' || $2 || '-%') AS deliveries`,
      [caseId, events.find((event) => event.name === 'GrantAccepted')?.id],
    );
    expect([total, deliveries]).toEqual(['45000000', 2]);
    const report = await call(api.baseUrl, `/cases/${caseId}/report`, { token });
    expect([report.status, report.body.status, report.body.grantedNok]).toEqual([200, 'due', '450000.00']);
  });
});
