import type { INestApplicationContext } from '@nestjs/common';
import { AdjustableClock, Clock } from '@imdi/kernel';
import { QueueName, QueueRegistry } from '@imdi/platform';
import { DataSource } from 'typeorm';
import { call, startApi, tokenFor, type RunningApi } from '../support/api-harness';
import { newAccountNumber, newOrganisationNumber } from '../support/identifiers';
import { startMailServer, type TestMailServer } from '../support/mail-server';
import { pdfText } from '../support/pdf-text';
import { eventually, startWorker } from '../support/worker-harness';

const DAY = 86_400_000;

describe('Appeals, provisional answers and assignment letters', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let mail: TestMailServer;
  let smtpUrlBefore: string | undefined;
  let dataSource: DataSource;
  let clock: AdjustableClock;
  let caseworker: string;
  let approver: string;
  let ministry: string;
  let opensAt: number;

  const post = (path: string, token: string, json: object = {}) => call(api.baseUrl, path, { method: 'POST', token, json });
  const statusOf = async (caseId: string) => (await dataSource.query('SELECT status FROM case_file WHERE id = $1', [caseId]))[0].status;

  async function organisation(kind: 'organisasjon' | 'kommune', writtenStandard: 'nb' | 'nn' = 'nb', contactEmail = 'kari@example.no') {
    const organisationNumber = newOrganisationNumber();
    const token = await tokenFor({ sub: `org-${organisationNumber}`, roles: ['applicant'], organisationNumbers: [organisationNumber] });
    await post('/organisations', token, {
      organisationNumber,
      name: `Ressurssenter ${organisationNumber}`,
      kind,
      municipalityNumber: kind === 'kommune' ? '4601' : undefined,
      accountNumber: newAccountNumber(),
      writtenStandard,
      contactName: 'Kari',
      contactEmail,
    });
    return { organisationNumber, token, contactEmail };
  }

  /** A nasjonale-ressursmiljøer application (enkeltvedtak), refused and its refusal letter sent. */
  async function refusedCase(writtenStandard: 'nb' | 'nn' = 'nb', contactEmail?: string) {
    clock.set(new Date(opensAt + DAY));
    const who = await organisation('organisasjon', writtenStandard, contactEmail);
    const created = await post('/applications', who.token, {
      organisationNumber: who.organisationNumber,
      schemeCode: 'nasjonale-ressursmiljoer',
      budgetYear: 2017,
      form: {
        projectTitle: 'Nasjonalt ressurssenter',
        description: 'Drift av et nasjonalt ressursmiljø for integrering og mangfold.',
        periodStart: '2017-01-01',
        periodEnd: '2017-12-31',
        budget: [{ description: 'Drift', amountNok: '300000' }],
        requestedAmountNok: '300000',
        contactName: 'Kari',
        contactEmail: 'kari@example.no',
        nationalRole: 'Nasjonalt kompetansesenter med rådgivning til kommuner og frivillige.',
      },
    });
    await call(api.baseUrl, `/applications/${created.body.id}/submit`, {
      method: 'POST',
      token: who.token,
      headers: { 'idempotency-key': `appeal-${created.body.id}` },
    });
    await post(`/casework/cases/${created.body.id}/proposal`, caseworker, { amountNok: '0', reasons: 'Søknaden er ikke prioritert innenfor rammen.' });
    expect((await post(`/casework/cases/${created.body.id}/approve`, approver)).body.status).toBe('refused');
    expect((await post(`/casework/cases/${created.body.id}/letters`, caseworker)).status).toBe(201);
    return { ...who, caseId: created.body.id as string };
  }

  beforeAll(async () => {
    mail = await startMailServer();
    smtpUrlBefore = process.env.SMTP_URL;
    process.env.SMTP_URL = mail.url;
    api = await startApi();
    worker = await startWorker();
    dataSource = api.app.get(DataSource);
    clock = api.app.get(Clock) as AdjustableClock;
    opensAt = new Date((await call(api.baseUrl, '/schemes/nasjonale-ressursmiljoer?year=2017')).body.window.opensAt).getTime();
    caseworker = await tokenFor({ sub: 'appeal-saksbehandler', roles: ['caseworker'] });
    approver = await tokenFor({ sub: 'appeal-godkjenner', roles: ['approver'] });
    ministry = await tokenFor({ sub: 'aid', roles: ['ministry'] });
    const admin = await tokenFor({ sub: 'ada', roles: ['admin'] });
    await post('/admin/delegations', admin, { approverId: 'appeal-godkjenner', budgetPost: '496.71', maxAmountNok: '1000000', reference: 'Delegering A' });
    await post('/admin/delegations', admin, { approverId: 'appeal-godkjenner', budgetPost: '496.62', maxAmountNok: '1000000', reference: 'Delegering B' });
  });
  afterAll(async () => {
    clock.set(undefined);
    await worker.close();
    await api.close();
    await mail.close();
    if (smtpUrlBefore === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = smtpUrlBefore;
  });

  it('takes a klage within three weeks, upholds it and forwards it to the ministry with a summary', async () => {
    const refused = await refusedCase();
    clock.set(new Date(opensAt + 10 * DAY));
    const appeal = await post(`/cases/${refused.caseId}/appeal`, refused.token, { grounds: 'Vi mener søknaden ikke er vurdert riktig.' });
    expect(appeal.status).toBe(201);
    expect(appeal.body).toMatchObject({ kind: 'klage', late: false });
    expect(await statusOf(refused.caseId)).toBe('appeal_received');

    const upheld = await post(`/casework/cases/${refused.caseId}/appeal/uphold`, caseworker, {
      summary: 'IMDi fastholder avslaget: søknaden nådde ikke opp i prioriteringen.',
    });
    // Forwarded on the application's clock, as every legal date of the case.
    expect(upheld.body).toMatchObject({ outcome: 'upheld', forwardedAt: new Date(opensAt + 10 * DAY).toISOString() });
    const forwarded = await call(api.baseUrl, '/ministry/appeals', { token: ministry });
    expect(forwarded.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ caseId: refused.caseId, summaryForMinistry: expect.stringContaining('fastholder') })]),
    );
  });

  /** A refused klage, upheld by IMDi and forwarded to the ministry: the appeal's id. */
  async function forwardedAppeal(writtenStandard: 'nb' | 'nn' = 'nb', contactEmail?: string) {
    const refused = await refusedCase(writtenStandard, contactEmail);
    clock.set(new Date(opensAt + 10 * DAY));
    await post(`/cases/${refused.caseId}/appeal`, refused.token, { grounds: 'Vi mener søknaden ikke er vurdert riktig.' });
    const upheld = await post(`/casework/cases/${refused.caseId}/appeal/uphold`, caseworker, {
      summary: 'IMDi fastholder avslaget: søknaden nådde ikke opp i prioriteringen.',
    });
    expect(upheld.body.forwardedAt).toEqual(expect.any(String));
    return { caseId: refused.caseId, appealId: upheld.body.id as string, token: refused.token, caseNumber: upheld.body.caseNumber as string };
  }
  const ministryEvents = async (appealId: string) =>
    (
      await dataSource.query(
        `SELECT payload->'data' AS data FROM outbox_message
          WHERE queue = 'domain-events' AND job_name = 'MinistryAppealDecided' AND payload->'data'->>'appealId' = $1`,
        [appealId],
      )
    ).map((row: { data: Record<string, unknown> }) => row.data);

  it('lets the ministry reverse a forwarded klage: the case goes back to assessment, once', async () => {
    const { caseId, appealId } = await forwardedAppeal();
    const reasons = 'Departementet mener søknaden oppfyller kravene og gir klager medhold.';

    const byCaseworker = await post(`/ministry/appeals/${appealId}/decision`, caseworker, { outcome: 'reversed', reasons });
    expect(byCaseworker.status).toBe(403);
    const badOutcome = await post(`/ministry/appeals/${appealId}/decision`, ministry, { outcome: 'maybe', reasons });
    expect([badOutcome.status, badOutcome.body.errors[0].field]).toEqual([400, 'outcome']);
    expect(await statusOf(caseId)).toBe('upheld');

    const reversed = await post(`/ministry/appeals/${appealId}/decision`, ministry, { outcome: 'reversed', reasons });
    expect(reversed.status).toBe(200);
    expect(reversed.body.ministryDecision).toMatchObject({ outcome: 'reversed', reasons });
    expect(await statusOf(caseId)).toBe('in_assessment');
    expect(await ministryEvents(appealId)).toEqual([expect.objectContaining({ caseId, outcome: 'reversed' })]);
    const audit = await dataSource.query(`SELECT action FROM audit_entry WHERE entity_id = $1 AND action = 'appeal.ministry-decided'`, [caseId]);
    expect(audit).toHaveLength(1);

    const again = await post(`/ministry/appeals/${appealId}/decision`, ministry, { outcome: 'upheld', reasons });
    expect([again.status, again.body.code]).toEqual([409, 'MINISTRY_ALREADY_DECIDED']);
    expect(await ministryEvents(appealId)).toHaveLength(1);
    const listed = (await call(api.baseUrl, '/ministry/appeals', { token: ministry })).body.find((entry: { id: string }) => entry.id === appealId);
    expect(listed.ministryDecision).toMatchObject({ outcome: 'reversed' });
  });

  it("tells the applicant the ministry's decision: «Klagen din» on the case with the reasons, and one mail in the organisation's målform", async () => {
    const contactEmail = `klage-${newOrganisationNumber()}@example.no`;
    const { caseId, appealId, token, caseNumber } = await forwardedAppeal('nn', contactEmail);
    const outcome = async (as = token) => call(api.baseUrl, `/cases/${caseId}/outcome`, { token: as });
    expect((await outcome()).body.appeal).toEqual({
      kind: 'klage',
      receivedAt: expect.any(String),
      late: false,
      imdiOutcome: 'upheld',
      imdiDecidedAt: expect.any(String),
      forwardedAt: expect.any(String),
      ministryDecision: null,
    });

    const reasons = 'Departementet meiner søknaden fyller krava og gir klagaren medhald.';
    expect((await post(`/ministry/appeals/${appealId}/decision`, ministry, { outcome: 'reversed', reasons })).status).toBe(200);
    const told = (await outcome()).body.appeal;
    expect(told).toMatchObject({ imdiOutcome: 'upheld', ministryDecision: { outcome: 'reversed', reasons, decidedAt: expect.any(String) } });
    expect(told.ministryDecision).not.toHaveProperty('decidedByName');
    const stranger = await organisation('organisasjon');
    expect((await outcome(stranger.token)).status).toBe(404);

    // A second decision is refused, and the applicant still gets one message, handed to the mail server once.
    expect((await post(`/ministry/appeals/${appealId}/decision`, ministry, { outcome: 'upheld', reasons })).status).toBe(409);
    const messages = await dataSource.query(`SELECT id FROM message WHERE kind = 'appeal-decided' AND case_id = $1`, [caseId]);
    expect(messages).toHaveLength(1);
    await eventually(async () =>
      (await dataSource.query(`SELECT state FROM message WHERE id = $1`, [messages[0].id]))[0].state === 'handed_over' ? true : undefined,
    );
    const decided = mail.receivedBy(contactEmail).filter((received) => received.subject.includes('avgjord'));
    expect(decided).toHaveLength(1);
    expect(decided[0].subject).toBe(`Klaga i sak ${caseNumber} er avgjord`);
    expect(decided[0].contentLanguage).toBe('nn-NO');
    expect(decided[0].text).toContain('Departementet har som klageinstans avgjort klaga');
    expect(decided[0].text).toContain('opne saka for å lese resultatet');
    // The reasons are read in the portal, never sent by e-mail.
    expect(decided[0].text).not.toContain(reasons);
  });

  it("lets the ministry uphold a forwarded klage: IMDi's decision stands", async () => {
    const { caseId, appealId } = await forwardedAppeal();
    const upheld = await post(`/ministry/appeals/${appealId}/decision`, ministry, {
      outcome: 'upheld',
      reasons: 'Departementet er enig i IMDis vurdering og opprettholder avslaget.',
    });
    expect([upheld.status, upheld.body.ministryDecision?.outcome]).toEqual([200, 'upheld']);
    expect(await statusOf(caseId)).toBe('upheld');
    expect(await ministryEvents(appealId)).toEqual([expect.objectContaining({ caseId, outcome: 'upheld' })]);
  });

  it('flags a klage after three weeks as late but keeps it, and refuses one after a year', async () => {
    const late = await refusedCase();
    clock.set(new Date(opensAt + 30 * DAY));
    const response = await post(`/cases/${late.caseId}/appeal`, late.token, { grounds: 'Vi fikk ikke brevet før nå.' });
    expect(response.body).toMatchObject({ kind: 'klage', late: true });

    const old = await refusedCase();
    clock.set(new Date(opensAt + 400 * DAY));
    const tooLate = await post(`/cases/${old.caseId}/appeal`, old.token, { grounds: 'Vi vil klage likevel.' });
    expect([tooLate.status, tooLate.body.code]).toEqual([422, 'APPEAL_TOO_LATE']);
    expect(await statusOf(old.caseId)).toBe('letter_sent');
  });

  it('refuses a second appeal of the same decision, also when both arrive at once, with a named 409', async () => {
    const refused = await refusedCase();
    clock.set(new Date(opensAt + 5 * DAY));
    const both = await Promise.all(
      [1, 2].map((n) => post(`/cases/${refused.caseId}/appeal`, refused.token, { grounds: `Klage nummer ${n} på samme vedtak.` })),
    );
    expect(both.map((response) => response.status).sort()).toEqual([201, 409]);
    const second = both.find((response) => response.status === 409)!;
    expect([second.headers.get('content-type'), second.body.code]).toEqual(['application/problem+json; charset=utf-8', 'ALREADY_APPEALED']);
    expect(second.body.detail).toContain('allerede påklaget');
    const again = await post(`/cases/${refused.caseId}/appeal`, refused.token, { grounds: 'Enda en klage på samme vedtak.' });
    expect([again.status, again.body.code]).toEqual([409, 'ALREADY_APPEALED']);
    expect((await dataSource.query('SELECT count(*)::int AS n FROM appeal WHERE case_id = $1', [refused.caseId]))[0].n).toBe(1);
  });

  it('reverses a refusal through a new decision on the same four-eyes path', async () => {
    const refused = await refusedCase();
    clock.set(new Date(opensAt + 3 * DAY));
    await post(`/cases/${refused.caseId}/appeal`, refused.token, { grounds: 'Nye opplysninger om vår nasjonale rolle.' });
    const reversed = await post(`/casework/cases/${refused.caseId}/appeal/reverse`, caseworker);
    expect([reversed.status, reversed.body.detail, reversed.body.outcome]).toEqual([200, undefined, 'reversed']);
    expect(
      (
        await post(`/casework/cases/${refused.caseId}/proposal`, caseworker, {
          amountNok: '200000',
          reasons: 'Klagen tas til følge; tilskudd innvilges delvis.',
        })
      ).status,
    ).toBe(201);
    const selfApproval = await post(`/casework/cases/${refused.caseId}/approve`, await tokenFor({ sub: 'appeal-saksbehandler', roles: ['approver'] }));
    expect(selfApproval.body.code).toBe('FOUR_EYES');
    expect((await post(`/casework/cases/${refused.caseId}/approve`, approver)).body.status).toBe('approved');
    const budget = await call(api.baseUrl, '/budget/2017', { token: ministry });
    expect(Number(budget.body.posts.find((entry: any) => entry.budgetPost === '496.71').committedNok)).toBeGreaterThanOrEqual(200000);
  });

  it('offers a renewed assessment, not a klage, where the decision is not an enkeltvedtak, and does not forward it', async () => {
    const municipality = await organisation('kommune');
    const window = (await call(api.baseUrl, '/schemes/jobbsjansen-a?year=2017')).body.window;
    clock.set(new Date(new Date(window.opensAt).getTime() + DAY));
    const created = await post('/applications', municipality.token, {
      organisationNumber: municipality.organisationNumber,
      schemeCode: 'jobbsjansen-a',
      budgetYear: 2017,
      form: {
        projectTitle: 'Jobbsjansen',
        description: 'Et program for innvandrere som står langt fra arbeidslivet.',
        periodStart: '2017-03-01',
        periodEnd: '2017-12-31',
        budget: [{ description: 'Rådgiver', amountNok: '100000' }],
        requestedAmountNok: '100000',
        contactName: 'Kari',
        contactEmail: 'kari@example.no',
        plannedParticipants: 10,
        expectedTransitionPercent: 50,
      },
    });
    await call(api.baseUrl, `/applications/${created.body.id}/submit`, {
      method: 'POST',
      token: municipality.token,
      headers: { 'idempotency-key': `renewed-${created.body.id}` },
    });
    await post(`/casework/cases/${created.body.id}/proposal`, caseworker, { amountNok: '0', reasons: 'Søknaden er ikke prioritert innenfor rammen.' });
    expect((await post(`/casework/cases/${created.body.id}/approve`, approver)).body.status).toBe('refused');
    expect((await post(`/casework/cases/${created.body.id}/letters`, caseworker)).status).toBe(201);
    const appeal = await post(`/cases/${created.body.id}/appeal`, municipality.token, { grounds: 'Vi ber om en fornyet vurdering.' });
    expect(appeal.body).toMatchObject({ kind: 'renewed-assessment', late: false });
    const upheld = await post(`/casework/cases/${created.body.id}/appeal/uphold`, caseworker, { summary: 'Ny vurdering gir samme resultat.' });
    expect(upheld.body).toMatchObject({ outcome: 'upheld', forwardedAt: null });
    const forwarded = await call(api.baseUrl, '/ministry/appeals', { token: ministry });
    expect(forwarded.body.map((entry: any) => entry.caseId)).not.toContain(created.body.id);
    const notForwarded = await post(`/ministry/appeals/${upheld.body.id}/decision`, ministry, { outcome: 'reversed', reasons: 'Departementet gir medhold.' });
    expect([notForwarded.status, notForwarded.body.code]).toEqual([409, 'APPEAL_NOT_FORWARDED']);
  });

  it('sends one provisional answer to an application undecided a month after receipt', async () => {
    clock.set(new Date(opensAt + DAY));
    const who = await organisation('organisasjon', 'nn');
    const created = await post('/applications', who.token, {
      organisationNumber: who.organisationNumber,
      schemeCode: 'nasjonale-ressursmiljoer',
      budgetYear: 2017,
      form: {
        projectTitle: 'Ventande søknad',
        description: 'Ein søknad som ligg til handsaming lenger enn ein månad.',
        periodStart: '2017-01-01',
        periodEnd: '2017-12-31',
        budget: [{ description: 'Drift', amountNok: '100000' }],
        requestedAmountNok: '100000',
        contactName: 'Kari',
        contactEmail: 'kari@example.no',
        nationalRole: 'Nasjonalt ressursmiljø for mangfald i frivilligheita.',
      },
    });
    const submitted = await call(api.baseUrl, `/applications/${created.body.id}/submit`, {
      method: 'POST',
      token: who.token,
      headers: { 'idempotency-key': `provisional-${created.body.id}` },
    });
    const receivedAt = new Date(submitted.body.receivedAt).getTime();
    const queue = api.app.get(QueueRegistry).get(QueueName.Casework);
    for (const run of [1, 2]) {
      const job = await queue.add(
        'send-provisional-answers',
        { asOf: new Date(receivedAt + 32 * DAY).toISOString() },
        { jobId: `provisional-test-${created.body.id}-${run}` },
      );
      await eventually(async () => ((await job.getState()) === 'completed' ? true : undefined));
    }
    const answers = await dataSource.query('SELECT expected_decision_date, pdf FROM provisional_answer WHERE case_id = $1', [created.body.id]);
    expect(answers).toHaveLength(1);
    const text = await pdfText(answers[0].pdf);
    expect(text).toContain('Førebels svar');
    expect(text).toContain('forvaltningslova § 11 a');
    // A public letter from IMDi to the applicant's contact person, under the case's reference
    const [{ case_number: caseNumber }] = await dataSource.query('SELECT case_number FROM case_file WHERE id = $1', [created.body.id]);
    expect(text).toContain('Integrerings- og mangfoldsdirektoratet Postboks 8059 Dep, 0031 Oslo');
    expect(text).toContain('Att.: Kari');
    expect(text).toMatch(new RegExp(`Vår ref\\. ${caseNumber.replace('/', '\\/')}-\\d+ Dykkar ref\\. Dato \\d{2}\\.\\d{2}\\.\\d{4}`));
    expect(text).toContain('Med helsing Integrerings- og mangfoldsdirektoratet');
    expect(text).toContain('Dokumentet er elektronisk godkjent og har difor inga underskrift.');
    const [{ recorded }] = await dataSource.query(
      `SELECT count(*)::int AS recorded FROM audit_entry WHERE entity_id = $1 AND action = 'case.provisional-answer-sent'`,
      [created.body.id],
    );
    expect(recorded).toBe(1);
  });

  it('issues an oppdragsbrev to a municipality that administers the local volunteer scheme, visible to it alone', async () => {
    const municipality = await organisation('kommune', 'nb');
    const other = await organisation('kommune', 'nb');
    const issued = await post('/casework/assignment-letters', caseworker, {
      organisationNumber: municipality.organisationNumber,
      budgetYear: 2017,
      frameNok: '450000',
    });
    expect(issued.status).toBe(201);
    const pdf = await call(api.baseUrl, `/assignment-letters/${issued.body.id}`, { token: municipality.token });
    expect(pdf.status).toBe(200);
    const text = await pdfText(pdf.body as Buffer);
    expect(text).toContain('Oppdragsbrev');
    expect(text).toContain('450 000,00 kr');
    expect(text).toContain('Integrerings- og mangfoldsdirektoratet Postboks 8059 Dep, 0031 Oslo');
    expect(text).toContain(`org.nr. ${municipality.organisationNumber.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3')}`);
    expect(text).toContain('Med hilsen');
    expect((await call(api.baseUrl, `/assignment-letters/${issued.body.id}`, { token: other.token })).status).toBe(404);
  });
});
