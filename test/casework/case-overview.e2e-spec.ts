import type { INestApplicationContext } from '@nestjs/common';
import { AdjustableClock, Clock } from '@imdi/kernel';
import { call, startApi, tokenFor, type RunningApi } from '../support/api-harness';
import { newAccountNumber, newOrganisationNumber } from '../support/identifiers';
import { pdfText } from '../support/pdf-text';
import { eventually, startWorker } from '../support/worker-harness';

describe('The case overview and the letter preview the web front end shows', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let clock: AdjustableClock;
  let caseId: string;
  let caseworker: string;
  let applicant: string;

  const post = (path: string, token: string, json: object = {}) => call(api.baseUrl, path, { method: 'POST', token, json });
  const overview = async () => (await call(api.baseUrl, `/casework/cases/${caseId}`, { token: caseworker })).body;

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker();
    clock = api.app.get(Clock) as AdjustableClock;
    const window = (await call(api.baseUrl, '/schemes/jobbsjansen-b?year=2017')).body.window;
    clock.set(new Date(new Date(window.opensAt).getTime() + 86_400_000));
    caseworker = await tokenFor({ sub: 'oversikt-saksbehandler', roles: ['caseworker'] });
    const admin = await tokenFor({ sub: 'ada', roles: ['admin'] });
    await post('/admin/delegations', admin, { approverId: 'oversikt-godkjenner', budgetPost: '496.62', maxAmountNok: '1000000', reference: 'Delegering O' });
    const organisationNumber = newOrganisationNumber();
    applicant = await tokenFor({ sub: 'oversikt-soker', roles: ['applicant'], organisationNumbers: [organisationNumber] });
    const registered = await post('/organisations', applicant, {
      organisationNumber,
      name: 'Østfold fylkeskommune',
      kind: 'fylkeskommune',
      municipalityNumber: '3000',
      accountNumber: newAccountNumber(),
      writtenStandard: 'nb',
      contactName: 'Kari',
      contactEmail: 'kari@example.no',
    });
    expect([registered.status, registered.body.errors]).toEqual([201, undefined]);
    const created = await post('/applications', applicant, {
      organisationNumber,
      schemeCode: 'jobbsjansen-b',
      budgetYear: 2017,
      form: {
        projectTitle: 'Grunnskole for ungdom',
        description: 'Grunnskoleopplæring for ungdom med innvandrerbakgrunn som mangler grunnskole.',
        periodStart: '2017-08-01',
        periodEnd: '2017-12-31',
        budget: [{ description: 'Lærere', amountNok: '300000' }],
        requestedAmountNok: '300000',
        contactName: 'Kari',
        contactEmail: 'kari@example.no',
        plannedParticipants: 12,
        pathToUpperSecondary: 'Elevene får plass i videregående opplæring etter fullført grunnskole.',
      },
    });
    expect([created.status, created.body.errors]).toEqual([201, undefined]);
    caseId = created.body.id;
    const submitted = await call(api.baseUrl, `/applications/${caseId}/submit`, {
      method: 'POST',
      token: applicant,
      headers: { 'idempotency-key': `overview-${caseId}` },
    });
    expect([submitted.status, submitted.body.errors]).toEqual([201, undefined]);
  });
  afterAll(async () => {
    clock.set(undefined);
    await worker.close();
    await api.close();
  });

  it('starts with nothing decided, and says the ministry must hear of a søkbar grant', async () => {
    expect(await overview()).toMatchObject({
      caseId,
      status: 'submitted',
      schemeKind: 'sokbar',
      organisation: { name: 'Østfold fylkeskommune' },
      assignedTo: null,
      assessment: null,
      decision: null,
      ministryNotification: { required: true, id: null, deliveredAt: null },
      letters: [],
      appeal: null,
    });
  });

  it('is for IMDi staff only', async () => {
    expect((await call(api.baseUrl, `/casework/cases/${caseId}`, { token: applicant })).status).toBe(403);
  });

  it('shows the assessment, the proposal and its approval as they happen', async () => {
    await post(`/casework/cases/${caseId}/assign`, caseworker, { caseworkerId: 'oversikt-saksbehandler' });
    const criteria = (await call(api.baseUrl, '/schemes/jobbsjansen-b?year=2017')).body.assessmentCriteria as Array<{ code: string }>;
    const assessed = await post(`/casework/cases/${caseId}/assessment`, caseworker, {
      scores: criteria.map(({ code }) => ({ criterion: code, score: 4, comment: 'God' })),
      comment: 'Anbefales.',
    });
    expect(assessed.status).toBe(200);
    await post(`/casework/cases/${caseId}/proposal`, caseworker, { amountNok: '250000.50', reasons: 'Godt prosjekt, men rammen er begrenset.' });
    expect(await overview()).toMatchObject({
      status: 'proposed',
      assignedTo: 'oversikt-saksbehandler',
      assessment: { assessedBy: 'oversikt-saksbehandler', comment: 'Anbefales.' },
      decision: {
        outcome: 'partly_granted',
        amountNok: '250000.50',
        requestedNok: '300000.00',
        status: 'proposed',
        proposedBy: 'oversikt-saksbehandler',
        approvedBy: null,
      },
    });
    await post(`/casework/cases/${caseId}/approve`, await tokenFor({ sub: 'oversikt-godkjenner', roles: ['approver'] }));
    expect((await overview()).decision).toMatchObject({ status: 'approved', approvedBy: 'oversikt-godkjenner' });
  });

  it('refuses a preview of the grant letter before the ministry has its notification, like the letter itself', async () => {
    const preview = await call(api.baseUrl, `/casework/cases/${caseId}/letters/preview`, { token: caseworker });
    expect([preview.status, preview.body.code]).toEqual([409, 'NOTIFICATION_NOT_DELIVERED']);
  });

  it('follows the notification to delivery, then previews the letter without storing or sending it', async () => {
    const gathered = await post('/casework/ministry-notifications', caseworker, { schemeCode: 'jobbsjansen-b', budgetYear: 2017 });
    expect((await overview()).ministryNotification).toMatchObject({ id: gathered.body.id, round: gathered.body.round });
    const delivered = await eventually(async () => (await overview()).ministryNotification.deliveredAt ?? undefined);
    expect(delivered).toEqual(expect.any(String));

    const preview = await call(api.baseUrl, `/casework/cases/${caseId}/letters/preview`, { token: caseworker });
    expect([preview.status, preview.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    expect(await pdfText(preview.body as Buffer)).toContain('250 000,50 kr');
    expect(await overview()).toMatchObject({ status: 'ministry_notified', letters: [] });

    const sent = await post(`/casework/cases/${caseId}/letters`, caseworker);
    expect((await overview()).letters).toEqual([expect.objectContaining({ id: sent.body.id, kind: 'grant' })]);
  });
});
