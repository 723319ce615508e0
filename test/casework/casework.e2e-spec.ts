import type { INestApplicationContext } from '@nestjs/common';
import { AdjustableClock, Clock, Money } from '@imdi/kernel';
import { DataSource } from 'typeorm';
import { call, startApi, tokenFor, type RunningApi } from '../support/api-harness';
import { JOBBSJANSEN_SCORES, jobbsjansenForm } from '../support/grant-fixtures';
import { newAccountNumber, newOrganisationNumber } from '../support/identifiers';
import { eventually, startWorker } from '../support/worker-harness';
import { pdfText } from '../support/pdf-text';

describe('Casework: from application to accepted grant', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let dataSource: DataSource;
  let clock: AdjustableClock;
  let caseworker: string;
  let approver: string;
  let admin: string;
  let ministry: string;

  async function applicant(writtenStandard: 'nb' | 'nn', name: string) {
    const organisationNumber = newOrganisationNumber();
    const token = await tokenFor({ sub: `applicant-${organisationNumber}`, roles: ['applicant'], organisationNumbers: [organisationNumber] });
    const registered = await call(api.baseUrl, '/organisations', {
      method: 'POST',
      token,
      json: {
        organisationNumber,
        name,
        kind: 'kommune',
        municipalityNumber: '3005',
        accountNumber: newAccountNumber(),
        writtenStandard,
        contactName: 'Kari',
        contactEmail: 'kari@example.no',
      },
    });
    expect(registered.status).toBe(201);
    return { organisationNumber, token };
  }

  async function submitted(who: { organisationNumber: string; token: string }, requested: string, schemeCode = 'jobbsjansen-a') {
    const created = await call(api.baseUrl, '/applications', {
      method: 'POST',
      token: who.token,
      json: { organisationNumber: who.organisationNumber, schemeCode, budgetYear: 2017, form: jobbsjansenForm(requested) },
    });
    expect(created.status).toBe(201);
    const submit = await call(api.baseUrl, `/applications/${created.body.id}/submit`, {
      method: 'POST',
      token: who.token,
      headers: { 'idempotency-key': `casework-${created.body.id}` },
    });
    expect(submit.status).toBe(201);
    return created.body.id as string;
  }

  const post = (path: string, token: string, json: object = {}) => call(api.baseUrl, path, { method: 'POST', token, json });
  const statusOf = async (caseId: string) => (await dataSource.query('SELECT status FROM case_file WHERE id = $1', [caseId]))[0].status;

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker();
    dataSource = api.app.get(DataSource);
    clock = api.app.get(Clock) as AdjustableClock;
    const window = (await call(api.baseUrl, '/schemes/jobbsjansen-a?year=2017')).body.window;
    clock.set(new Date(new Date(window.opensAt).getTime() + 86_400_000));
    caseworker = await tokenFor({ sub: 'kari-saksbehandler', roles: ['caseworker'] });
    approver = await tokenFor({ sub: 'per-godkjenner', roles: ['approver'] });
    admin = await tokenFor({ sub: 'ada', roles: ['admin'] });
    ministry = await tokenFor({ sub: 'aid', roles: ['ministry'] });
    expect(
      (
        await post('/admin/delegations', admin, {
          approverId: 'per-godkjenner',
          budgetPost: '496.62',
          maxAmountNok: '1000000',
          reference: 'Delegeringsvedtak 2017-01',
        })
      ).status,
    ).toBe(201);
  });
  afterAll(async () => {
    clock.set(undefined);
    await worker.close();
    await api.close();
  });

  it('goes through assessment, proposal, approval by another user, ministry notification, grant letter and acceptance', async () => {
    const nordby = await applicant('nb', 'Nordby kommune');
    const caseId = await submitted(nordby, '800000');

    expect((await post(`/casework/cases/${caseId}/assign`, caseworker, { caseworkerId: 'kari-saksbehandler' })).status).toBe(204);
    const queue = await call(api.baseUrl, '/casework/queue?mine=true', { token: caseworker });
    expect(queue.body.map((entry: any) => entry.caseId)).toContain(caseId);

    const assessed = await post(`/casework/cases/${caseId}/assessment`, caseworker, { scores: JOBBSJANSEN_SCORES, comment: 'Anbefales delvis innvilget.' });
    // 800 000 kr applied for × 390 / 500, rounded down to whole thousands.
    expect(assessed.body).toEqual({ totalScore: 4 * 30 + 3 * 40 + 5 * 30, suggestedNok: '624000.00' });
    const ranking = await call(api.baseUrl, '/casework/rounds/jobbsjansen-a/2017/ranking', { token: caseworker });
    expect(ranking.body).toMatchObject({ budgetPost: '496.62', earmark: 'jobbsjansen' });
    expect(ranking.body.applications.find((entry: any) => entry.caseId === caseId)).toMatchObject({
      totalScore: 390,
      requestedNok: '800000.00',
      withinAvailableFrame: true,
    });
    const proposal = await post(`/casework/cases/${caseId}/proposal`, caseworker, {
      amountNok: '600000',
      reasons: 'Søknaden er godt begrunnet, men rammen tillater ikke fullt beløp.',
      conditions: 'Midlene skal brukes til programrådgivere.',
    });
    expect(proposal.status).toBe(201);
    expect(proposal.body.outcome).toBe('partly_granted');

    const approved = await post(`/casework/cases/${caseId}/approve`, approver);
    expect(approved.body).toMatchObject({ status: 'approved' });

    const tooEarly = await post(`/casework/cases/${caseId}/letters`, caseworker);
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body.code).toBe('NOTIFICATION_NOT_DELIVERED');
    expect(await statusOf(caseId)).toBe('approved');

    const notification = await post('/casework/ministry-notifications', caseworker, { schemeCode: 'jobbsjansen-a', budgetYear: 2017 });
    expect(notification.status).toBe(201);
    expect(notification.body.items).toEqual([expect.objectContaining({ recipientName: 'Nordby kommune', amountNok: '600000.00', budgetPost: '496.62' })]);
    await eventually(async () => ((await statusOf(caseId)) === 'ministry_notified' ? true : undefined));
    const inbox = await call(api.baseUrl, '/ministry/notifications', { token: ministry });
    expect(inbox.body.map((entry: any) => entry.id)).toContain(notification.body.id);
    const message = await eventually(
      async () => (await dataSource.query(`SELECT recipient, body FROM message WHERE reference = $1 AND state = 'handed_over'`, [notification.body.id]))[0],
    );
    expect(message.body).toContain('Nordby kommune');
    expect(message.body).toContain('600000.00');

    const letter = await post(`/casework/cases/${caseId}/letters`, caseworker);
    expect(letter.status).toBe(201);
    expect(letter.body).toMatchObject({ kind: 'grant', writtenStandard: 'nb' });
    const pdf = await call(api.baseUrl, `/cases/${caseId}/letters/${letter.body.id}`, { token: nordby.token });
    expect(pdf.status).toBe(200);
    const text = await pdfText(pdf.body as Buffer);
    expect(text).toContain('600 000,00 kr');
    expect(text).toContain('kap. 496, post 62');
    expect(text).toContain('Midlene skal brukes til programrådgivere.');
    expect(text).toContain('31.03.2018');
    expect(text).toContain('Riksrevisjonen');
    expect(text).toMatch(/fornyet vurdering|påklages/);
    expect(text).toContain('lavere enn det det er søkt om');

    const accepted = await post(`/cases/${caseId}/accept`, nordby.token);
    expect(accepted.body).toMatchObject({ status: 'accepted' });
    const budget = await call(api.baseUrl, '/budget/2017', { token: admin });
    const jobbsjansen = budget.body.posts.find((post: any) => post.budgetPost === '496.62').earmarks.find((earmark: any) => earmark.code === 'jobbsjansen');
    expect(Number(jobbsjansen.committedNok)).toBeGreaterThanOrEqual(600000);
  });

  it('writes a nynorsk letter for a municipality with nynorsk, and a refusal without ministry notification', async () => {
    const vestby = await applicant('nn', 'Vestby kommune – Вестбю');
    const caseId = await submitted(vestby, '300000');
    await post(`/casework/cases/${caseId}/proposal`, caseworker, { amountNok: '0', reasons: 'Søknaden når ikkje opp i konkurransen om midlane.' });
    expect((await post(`/casework/cases/${caseId}/approve`, approver)).body.status).toBe('refused');
    const letter = await post(`/casework/cases/${caseId}/letters`, caseworker);
    expect(letter.body).toMatchObject({ kind: 'refusal', writtenStandard: 'nn' });
    const text = await pdfText((await call(api.baseUrl, `/cases/${caseId}/letters/${letter.body.id}`, { token: caseworker })).body as Buffer);
    expect(text).toContain('Vedtak om avslag på søknad om tilskot');
    expect(text).toContain('Вестбю');
    expect(text).toContain('Grunngiving');
    expect(text).toContain('Prosjektperiode 01.03.2017–31.12.2017');
    expect(text).not.toContain('Tilskotsperiode');
  });

  it('sends a navngitt grant letter without ministry notification, and the case records why', async () => {
    const osloNumber = '958935420';
    const oslo = { organisationNumber: osloNumber, token: await tokenFor({ sub: 'oslo', roles: ['applicant'], organisationNumbers: [osloNumber] }) };
    await call(api.baseUrl, '/organisations', {
      method: 'POST',
      token: oslo.token,
      json: {
        organisationNumber: osloNumber,
        name: 'Oslo kommune',
        kind: 'kommune',
        municipalityNumber: '0301',
        accountNumber: newAccountNumber(),
        writtenStandard: 'nb',
        contactName: 'Kari',
        contactEmail: 'kari@oslo.kommune.no',
      },
    });
    const window = (await call(api.baseUrl, '/schemes/gronland?year=2017')).body.window;
    clock.set(new Date(new Date(window.opensAt).getTime() + 86_400_000));
    const created = await call(api.baseUrl, '/applications', {
      method: 'POST',
      token: oslo.token,
      json: {
        organisationNumber: osloNumber,
        schemeCode: 'gronland',
        budgetYear: 2017,
        form: {
          ...jobbsjansenForm('4000000', 'Strakstiltak på Grønland'),
          plannedParticipants: undefined,
          expectedTransitionPercent: undefined,
          addedEffect: 'Tiltakene kommer i tillegg til kommunens ordinære innsats og retter seg mot ungdom som ellers faller utenfor.',
          priorityArea: 'kriminalitetsforebygging',
        },
      },
    });
    expect(created.status).toBe(201);
    expect(
      (
        await call(api.baseUrl, `/applications/${created.body.id}/submit`, {
          method: 'POST',
          token: oslo.token,
          headers: { 'idempotency-key': `gronland-${created.body.id}` },
        })
      ).status,
    ).toBe(201);
    await post('/admin/delegations', admin, { approverId: 'oslo-godkjenner', budgetPost: '496.62', maxAmountNok: '5000000', reference: 'Delegering Oslo' });
    await post(`/casework/cases/${created.body.id}/proposal`, caseworker, {
      amountNok: '4000000',
      reasons: 'Midlene er øremerket Oslo kommune i tildelingsbrevet.',
      earmarkCode: 'gronland',
    });
    expect((await post(`/casework/cases/${created.body.id}/approve`, await tokenFor({ sub: 'oslo-godkjenner', roles: ['approver'] }))).body.status).toBe(
      'approved',
    );
    const letter = await post(`/casework/cases/${created.body.id}/letters`, caseworker);
    expect([letter.status, letter.body.kind]).toEqual([201, 'grant']);
    // Grønland's own reporting duty (monthly, in the allocation letter) is stated, in Norwegian.
    const text = await pdfText((await call(api.baseUrl, `/cases/${created.body.id}/letters/${letter.body.id}`, { token: oslo.token })).body as Buffer);
    expect(text).toContain('Kommunen rapporterer månedlig om hvordan satsingen utvikler seg');
    const [approval] = await dataSource.query(`SELECT after FROM audit_entry WHERE entity_id = $1 AND action = 'case.approve'`, [created.body.id]);
    expect(approval.after.ministryPreNotification).toContain('not required: navngitt');
  });

  describe('refusals, each leaving the case as it was', () => {
    let caseId: string;
    let organisationNumber: string;

    beforeAll(async () => {
      const sydby = await applicant('nb', 'Sydby kommune');
      organisationNumber = sydby.organisationNumber;
      caseId = await submitted(sydby, '500000');
      await post(`/casework/cases/${caseId}/proposal`, caseworker, { amountNok: '500000', reasons: 'Søknaden oppfyller kriteriene fullt ut.' });
    });

    it('refuses approval by the proposer', async () => {
      const both = await tokenFor({ sub: 'kari-saksbehandler', roles: ['approver'] });
      const response = await post(`/casework/cases/${caseId}/approve`, both);
      expect([response.status, response.body.code]).toEqual([403, 'FOUR_EYES']);
      expect(await statusOf(caseId)).toBe('proposed');
    });

    it('refuses an approver beyond their delegation', async () => {
      await post('/admin/delegations', admin, { approverId: 'liten-godkjenner', budgetPost: '496.62', maxAmountNok: '100000', reference: 'Delegering 2' });
      const small = await tokenFor({ sub: 'liten-godkjenner', roles: ['approver'] });
      const response = await post(`/casework/cases/${caseId}/approve`, small);
      expect([response.status, response.body.code]).toEqual([403, 'BEYOND_DELEGATION']);
      expect(await statusOf(caseId)).toBe('proposed');
    });

    it('refuses a user with a declared conflict of interest, and records the refusal', async () => {
      const conflicted = await tokenFor({ sub: 'inhabil-godkjenner', roles: ['approver'] });
      await post('/admin/delegations', admin, { approverId: 'inhabil-godkjenner', budgetPost: '496.62', maxAmountNok: '1000000', reference: 'Delegering 3' });
      expect((await post('/casework/conflicts', conflicted, { organisationNumber, reason: 'Gift med rådmannen' })).status).toBe(204);
      const response = await post(`/casework/cases/${caseId}/approve`, conflicted);
      expect([response.status, response.body.code]).toEqual([403, 'CONFLICT_OF_INTEREST']);
      expect(await statusOf(caseId)).toBe('proposed');
      const [{ refusals }] = await dataSource.query(
        `SELECT count(*)::int AS refusals FROM audit_entry WHERE entity_id = $1 AND action = 'case.refused-conflict-of-interest'`,
        [caseId],
      );
      expect(refusals).toBe(1);
    });

    it('refuses an illegal transition with 409 naming the current state', async () => {
      const response = await post(`/cases/${caseId}/accept`, await tokenFor({ sub: 'x', roles: ['applicant'], organisationNumbers: [organisationNumber] }));
      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', currentStatus: 'proposed' });
    });
  });

  it('refuses an approval that would overdraw the post with 409, committing nothing', async () => {
    const budget = await call(api.baseUrl, '/budget/2017', { token: admin });
    const earmark = budget.body.posts
      .find((post: any) => post.budgetPost === '496.62')
      .earmarks.find((entry: any) => entry.code === 'kommunale-utviklingsmidler');
    const kum = await applicant('nb', 'Storby kommune');
    const window = (await call(api.baseUrl, '/schemes/kommunale-utviklingsmidler?year=2017')).body.window;
    clock.set(new Date(new Date(window.opensAt).getTime() + 3_600_000));
    const tooMuch = Money.parseNok(earmark.availableNok).plus(Money.ofKroner(1)).toDecimalString();
    const created = await call(api.baseUrl, '/applications', {
      method: 'POST',
      token: kum.token,
      json: {
        organisationNumber: kum.organisationNumber,
        schemeCode: 'kommunale-utviklingsmidler',
        budgetYear: 2017,
        form: { ...jobbsjansenForm(tooMuch), plannedParticipants: undefined, expectedTransitionPercent: undefined, subGoal: 'settlement' },
      },
    });
    await call(api.baseUrl, `/applications/${created.body.id}/submit`, {
      method: 'POST',
      token: kum.token,
      headers: { 'idempotency-key': `overdraw-${created.body.id}` },
    });
    await post('/admin/delegations', admin, { approverId: 'stor-godkjenner', budgetPost: '496.62', maxAmountNok: '999999999', reference: 'Delegering 4' });
    expect((await post(`/casework/cases/${created.body.id}/proposal`, caseworker, { amountNok: tooMuch, reasons: 'Full innvilgelse foreslås.' })).status).toBe(
      201,
    );
    const response = await post(`/casework/cases/${created.body.id}/approve`, await tokenFor({ sub: 'stor-godkjenner', roles: ['approver'] }));
    expect([response.status, response.body.code]).toEqual([409, 'BUDGET_EXHAUSTED']);
    expect(await statusOf(created.body.id)).toBe('proposed');
  });

  it('gives until the next working day to accept when the 21 days end in Easter (fvl. § 30)', async () => {
    const window = (await call(api.baseUrl, '/schemes/jobbsjansen-a?year=2017')).body.window;
    clock.set(new Date(new Date(window.opensAt).getTime() + 86_400_000));
    const onTime = await applicant('nb', 'Påskeby kommune');
    const late = await applicant('nb', 'Sentby kommune');
    const onTimeCase = await submitted(onTime, '100000');
    const lateCase = await submitted(late, '100000');
    for (const caseId of [onTimeCase, lateCase]) {
      expect((await post(`/casework/cases/${caseId}/proposal`, caseworker, { amountNok: '100000', reasons: 'Søknaden innvilges.' })).status).toBe(201);
      expect((await post(`/casework/cases/${caseId}/approve`, approver)).body).toMatchObject({ status: 'approved' });
    }
    expect((await post('/casework/ministry-notifications', caseworker, { schemeCode: 'jobbsjansen-a', budgetYear: 2017 })).status).toBe(201);
    for (const caseId of [onTimeCase, lateCase]) await eventually(async () => ((await statusOf(caseId)) === 'ministry_notified' ? true : undefined));

    // Letters produced Saturday 25 March 2017, 12:00 Oslo time: 21 days end on Easter Saturday 15 April;
    // Easter Sunday and Easter Monday follow, so acceptance is open to the end of Tuesday 18 April.
    clock.set(new Date('2017-03-25T11:00:00Z'));
    const letter = await post(`/casework/cases/${onTimeCase}/letters`, caseworker);
    expect([letter.status, (await post(`/casework/cases/${lateCase}/letters`, caseworker)).status]).toEqual([201, 201]);
    expect((await call(api.baseUrl, `/cases/${onTimeCase}/outcome`, { token: onTime.token })).body.acceptBy).toBe('2017-04-18');
    const text = await pdfText((await call(api.baseUrl, `/cases/${onTimeCase}/letters/${letter.body.id}`, { token: onTime.token })).body as Buffer);
    expect(text).toContain('innen 18.04.2017');

    clock.set(new Date('2017-04-18T21:59:59Z')); // 23:59:59 Oslo summer time on the Tuesday
    expect((await post(`/cases/${onTimeCase}/accept`, onTime.token)).body).toMatchObject({ status: 'accepted' });
    clock.set(new Date('2017-04-18T22:00:00Z')); // Wednesday has begun in Oslo
    const refused = await post(`/cases/${lateCase}/accept`, late.token);
    expect([refused.status, refused.body.code]).toEqual([422, 'ACCEPTANCE_DEADLINE_PASSED']);
    expect(await statusOf(lateCase)).toBe('letter_sent');
  });
});
