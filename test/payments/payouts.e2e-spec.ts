import type { INestApplicationContext } from '@nestjs/common';
import { addCalendarDays, AdjustableClock, Clock, deadlineOnWorkingDay, isNorwegianWorkingDay, Money, osloDate } from '@imdi/kernel';
import { DataSource } from 'typeorm';
import { call, startApi, tokenFor, type RunningApi } from '../support/api-harness';
import { newAccountNumber, newOrganisationNumber } from '../support/identifiers';
import { validatePain001 } from '../support/pain001-schema';
import { pdfText } from '../support/pdf-text';
import { grantAcceptanceHandled } from '../support/domain-events';
import { eventually, startWorker } from '../support/worker-harness';

describe('Payouts per kap./post and the payment files', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let dataSource: DataSource;
  let clock: AdjustableClock;
  const caseIds: string[] = [];
  /** The applicant (organisation) token of each case, by index. */
  const applicants: string[] = [];
  let financeA: string;
  let financeB: string;

  const post = (path: string, token: string, json: object = {}) => call(api.baseUrl, path, { method: 'POST', token, json });

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker();
    dataSource = api.app.get(DataSource);
    clock = api.app.get(Clock) as AdjustableClock;
    financeA = await tokenFor({ sub: 'fiona', roles: ['finance'] });
    financeB = await tokenFor({ sub: 'frode', roles: ['finance'] });
    const admin = await tokenFor({ sub: 'ada', roles: ['admin'] });
    const caseworker = await tokenFor({ sub: 'pay-saksbehandler', roles: ['caseworker'] });
    const approver = await tokenFor({ sub: 'pay-godkjenner', roles: ['approver'] });
    await post('/admin/delegations', admin, { approverId: 'pay-godkjenner', budgetPost: '496.73', maxAmountNok: '1000000', reference: 'Delegering P' });
    const window = (await call(api.baseUrl, '/schemes/mentor-trainee?year=2017')).body.window;
    clock.set(new Date(new Date(window.opensAt).getTime() + 86_400_000));

    for (const [index, amount] of ['100000.50', '250000', '75000.25'].entries()) {
      const organisationNumber = newOrganisationNumber();
      const token = await tokenFor({ sub: `mentor-${index}`, roles: ['applicant'], organisationNumbers: [organisationNumber] });
      await post('/organisations', token, {
        organisationNumber,
        name: `Mentorforening & Co ${index}`,
        kind: 'organisasjon',
        accountNumber: newAccountNumber(),
        writtenStandard: 'nb',
        contactName: 'Kari',
        contactEmail: 'kari@example.no',
      });
      const scheme = (await call(api.baseUrl, '/schemes/mentor-trainee?year=2017')).body;
      const form: Record<string, unknown> = {
        projectTitle: 'Mentorprogram',
        description: 'Mentorer fra arbeidslivet for personer med innvandrerbakgrunn.',
        periodStart: '2017-03-01',
        periodEnd: '2017-12-31',
        budget: [{ description: 'Koordinator', amountNok: amount }],
        requestedAmountNok: amount,
        contactName: 'Kari',
        contactEmail: 'kari@example.no',
      };
      for (const [field, schema] of Object.entries(scheme.formSchema.properties as Record<string, { type?: string; enum?: string[] }>)) {
        if (!(field in form))
          form[field] = schema.enum
            ? schema.enum[0]
            : schema.type === 'integer' || schema.type === 'number'
              ? 5
              : 'Beskrivelse av tiltaket for mentorer og traineer.';
      }
      const created = await post('/applications', token, { organisationNumber, schemeCode: 'mentor-trainee', budgetYear: 2017, form });
      expect([created.status, created.body.errors]).toEqual([201, undefined]);
      const id = created.body.id;
      expect((await call(api.baseUrl, `/applications/${id}/submit`, { method: 'POST', token, headers: { 'idempotency-key': `pay-${id}` } })).status).toBe(201);
      await post(`/casework/cases/${id}/proposal`, caseworker, { amountNok: amount, reasons: 'Søknaden oppfyller kriteriene.' });
      expect((await post(`/casework/cases/${id}/approve`, approver)).status).toBe(200);
      await post('/casework/ministry-notifications', caseworker, { schemeCode: 'mentor-trainee', budgetYear: 2017 });
      await eventually(async () =>
        (await dataSource.query('SELECT status FROM case_file WHERE id = $1', [id]))[0].status === 'ministry_notified' ? true : undefined,
      );
      expect((await post(`/casework/cases/${id}/letters`, caseworker)).status).toBe(201);
      expect((await post(`/cases/${id}/accept`, token)).body.status).toBe('accepted');
      caseIds.push(id);
      applicants.push(token);
    }
    await grantAcceptanceHandled(dataSource, caseIds);
  });
  afterAll(async () => {
    clock.set(undefined);
    await worker.close();
    await api.close();
  });

  it("plans instalments on acceptance by the scheme's payout plan, to the øre", async () => {
    const [{ planned, total }] = await dataSource.query(
      `SELECT count(*)::int AS planned, sum(amount_ore)::text AS total FROM instalment WHERE case_id = ANY($1::uuid[])`,
      [caseIds],
    );
    expect(total).toBe(String(10000050 + 25000000 + 7500025));
    expect(planned).toBeGreaterThanOrEqual(3);
  });

  it('pays each due instalment exactly once when two runs for the post start at once', async () => {
    const [first, second] = await Promise.all([
      post('/payments/runs', financeA, { budgetYear: 2017, budgetPost: '496.73', asOf: '2017-12-31' }),
      post('/payments/runs', financeA, { budgetYear: 2017, budgetPost: '496.73', asOf: '2017-12-31' }),
    ]);
    expect([first.status, second.status]).toEqual([202, 202]);
    for (const run of [first.body, second.body]) {
      await eventually(async () => ((await call(api.baseUrl, `/payments/runs/${run.id}`, { token: financeA })).body.status === 'completed' ? true : undefined));
    }
    const [{ payments, instalments }] = await dataSource.query(
      `SELECT (SELECT count(*)::int FROM payment p JOIN instalment i ON i.id = p.instalment_id WHERE i.case_id = ANY($1::uuid[])) AS payments,
              (SELECT count(*)::int FROM instalment WHERE case_id = ANY($1::uuid[]) AND due_on IS NOT NULL) AS instalments`,
      [caseIds],
    );
    expect(payments).toBe(instalments);
    const statuses = await dataSource.query(`SELECT DISTINCT status FROM case_file WHERE id = ANY($1::uuid[])`, [caseIds]);
    expect(statuses).toEqual([{ status: 'paid' }]);

    const listed = (await call(api.baseUrl, '/payments/runs', { token: financeA })).body as Array<{ id: string; status: string; batchId: string | null }>;
    expect(listed.filter((run) => run.id === first.body.id || run.id === second.body.id)).toEqual([
      expect.objectContaining({ status: 'completed', batchId: expect.any(String) }),
      expect.objectContaining({ status: 'completed', batchId: expect.any(String) }),
    ]);
    const waiting = (await call(api.baseUrl, '/payments/batches?status=prepared', { token: financeB })).body as Array<{ id: string; status: string }>;
    expect(waiting.map((batch) => batch.id)).toEqual(expect.arrayContaining(listed.filter((run) => run.id === first.body.id).map((run) => run.batchId)));
    expect(waiting.every((batch) => batch.status === 'prepared')).toBe(true);
  });

  it('shows finance each line of a batch before approval: payee, account, amount, reference and case, with totals per post', async () => {
    const [{ batch_id: batchId }] = await dataSource.query(
      `SELECT p.batch_id FROM payment p JOIN instalment i ON i.id = p.instalment_id WHERE i.case_id = $1 ORDER BY p.end_to_end_id LIMIT 1`,
      [caseIds[1]],
    );
    const expected: Array<{ organisation_number: string; account_number: string; case_number: string; amount_ore: string; name: string }> =
      await dataSource.query(
        `SELECT p.organisation_number, p.account_number, p.case_number, p.amount_ore, o.name FROM payment p JOIN organisation o ON o.organisation_number = p.organisation_number WHERE p.batch_id = $1 ORDER BY p.end_to_end_id`,
        [batchId],
      );
    const view = await call(api.baseUrl, `/payments/batches/${batchId}/lines?pageSize=500`, { token: financeB });
    expect(view.status).toBe(200);
    expect(view.body.batch).toMatchObject({ id: batchId, status: 'prepared' });
    expect(view.body.matching).toBe(expected.length);
    expect(
      view.body.lines.map(
        (line: { payeeName: string; accountNumber: string; caseNumber: string; amountNok: string; remittance: string; budgetPost: string }) => [
          line.payeeName,
          line.accountNumber,
          line.caseNumber,
          line.amountNok,
          line.remittance,
        ],
      ),
    ).toEqual(
      expected.map((row) => [
        row.name,
        row.account_number,
        row.case_number,
        Money.ofOre(row.amount_ore).toDecimalString(),
        `Saksnr ${row.case_number} kap/post 496.73`,
      ]),
    );
    const totalNok = Money.sum(expected.map((row) => Money.ofOre(row.amount_ore))).toDecimalString();
    expect(view.body.totals).toEqual([{ budgetPost: '496.73', schemeCode: 'mentor-trainee', numberOfPayments: expected.length, totalNok }]);
    expect(view.body.batch.totalNok).toBe(totalNok);

    const one = await call(api.baseUrl, `/payments/batches/${batchId}/lines?search=${encodeURIComponent(expected[0].case_number)}&pageSize=1`, {
      token: financeB,
    });
    expect(one.body.lines).toHaveLength(1);
    expect(one.body.lines[0].caseNumber).toBe(expected[0].case_number);
    const bad = await call(api.baseUrl, `/payments/batches/${batchId}/lines?pageSize=0`, { token: financeB });
    expect([bad.status, bad.body.errors[0].field]).toEqual([400, 'pageSize']);
    const caseworker = await tokenFor({ sub: 'pay-saksbehandler', roles: ['caseworker'] });
    expect((await call(api.baseUrl, `/payments/batches/${batchId}/lines`, { token: caseworker })).status).toBe(403);
  });

  it('exports an approved batch as pain.001 that validates against the XSD, with totals equal to the batch and the accounting basis', async () => {
    const runs: Array<{ id: string }> = await dataSource.query(
      `SELECT b.id FROM payment_batch b JOIN payment p ON p.batch_id = b.id JOIN instalment i ON i.id = p.instalment_id WHERE i.case_id = ANY($1::uuid[]) GROUP BY b.id`,
      [caseIds],
    );
    expect(runs.length).toBeGreaterThanOrEqual(1);
    let grandTotal = 0n;
    for (const { id } of runs) {
      expect((await call(api.baseUrl, `/payments/batches/${id}/pain001.xml`, { token: financeB })).status).toBe(409);
      const selfApproval = await post(`/payments/batches/${id}/approve`, financeA);
      expect([selfApproval.status, selfApproval.body.code]).toEqual([403, 'FOUR_EYES']);
      const approved = await post(`/payments/batches/${id}/approve`, financeB);
      expect(approved.body.status).toBe('approved');

      const xml = ((await call(api.baseUrl, `/payments/batches/${id}/pain001.xml`, { token: financeA })).body as Buffer).toString('utf8');
      await validatePain001(xml);
      const headerSum = /<GrpHdr>.*?<NbOfTxs>(\d+)<\/NbOfTxs><CtrlSum>([\d.]+)<\/CtrlSum>/.exec(xml)!;
      expect([Number(headerSum[1]), headerSum[2]]).toEqual([approved.body.numberOfPayments, approved.body.totalNok]);
      const amounts = [...xml.matchAll(/<InstdAmt Ccy="NOK">([\d.]+)<\/InstdAmt>/g)].map((match) => BigInt(match[1].replace('.', '')));
      expect(amounts.reduce((sum, amount) => sum + amount, 0n).toString()).toBe(approved.body.totalNok.replace('.', ''));
      expect(xml).toContain('Mentorforening + Co');
      expect(xml).toMatch(/Saksnr \d{4}\/\d{5} kap\/post 496\.73/);

      const csv = ((await call(api.baseUrl, `/payments/batches/${id}/utbetalingsgrunnlag.csv`, { token: financeA })).body as Buffer)
        .toString('utf8')
        .trim()
        .split('\n');
      const lines = csv.slice(1, -1).map((line) => line.split(';'));
      expect(lines.every((cells) => cells[3] === '496' && cells[4] === '73' && cells[5] === 'mentor-trainee' && /^\d{9}$/.test(cells[6]))).toBe(true);
      const csvTotal = lines.reduce((sum, cells) => sum + BigInt(cells[8].replace('.', '')), 0n);
      expect(csvTotal.toString()).toBe(approved.body.totalNok.replace('.', ''));
      expect(csv.at(-1)).toBe(`SUM;${approved.body.numberOfPayments};;;;;;;${approved.body.totalNok};`);
      grandTotal += csvTotal;
    }
    expect(grandTotal.toString()).toBe(String(10000050 + 25000000 + 7500025 - (await heldBack())));
    const budget = await call(api.baseUrl, '/budget/2017', { token: financeA });
    expect(Number(budget.body.posts.find((entry: any) => entry.budgetPost === '496.73').paidNok)).toBeGreaterThan(0);
  });

  it('does not let a batch be approved while its run is still filling it', async () => {
    const [run] = await dataSource.query(
      `INSERT INTO payout_run (budget_year, chapter, post, as_of, status, requested_by) VALUES (2017, '496', '73', '2017-12-31', 'running', 'fiona') RETURNING id`,
    );
    const [batch] = await dataSource.query(
      `INSERT INTO payment_batch (run_id, budget_year, chapter, post, status, prepared_by) VALUES ($1, 2017, '496', '73', 'prepared', 'fiona') RETURNING id`,
      [run.id],
    );
    const approval = await post(`/payments/batches/${batch.id}/approve`, financeB);
    expect([approval.status, approval.body.code]).toEqual([409, 'RUN_NOT_COMPLETED']);
    // Finished, so that no watchdog of a later test takes this made-up run up and pays with it.
    await dataSource.query(`UPDATE payout_run SET status = 'completed' WHERE id = $1`, [run.id]);
  });

  it('reclaims of an enkeltvedtak: advance notice with a deadline to comment first, then an appealable decision', async () => {
    const caseworker = await tokenFor({ sub: 'pay-saksbehandler', roles: ['caseworker'] });
    const caseId = caseIds[1];
    const tooMuch = await post(`/payments/cases/${caseId}/reclaims`, caseworker, {
      amountNok: '999999999',
      reason: 'Midlene er ikke brukt etter formålet.',
      dueOn: '2017-06-30',
    });
    expect([tooMuch.status, tooMuch.body.code]).toEqual([422, 'RECLAIM_EXCEEDS_PAID']);
    // mentor-trainee grants to organisations are enkeltvedtak: no reclaim decision without notice (fvl. § 16).
    const unnoticed = await post(`/payments/cases/${caseId}/reclaims`, caseworker, {
      amountNok: '5000',
      reason: 'Ubrukte midler ved prosjektslutt.',
      dueOn: '2017-06-30',
    });
    expect([unnoticed.status, unnoticed.body.code, unnoticed.body.errors[0]?.field]).toEqual([409, 'NOTICE_REQUIRED', 'noticeId']);

    const today = osloDate(clock.now());
    const inDays = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    const hurried = await post(`/payments/cases/${caseId}/reclaim-notices`, caseworker, {
      amountNok: '5000',
      reason: 'Ubrukte midler ved prosjektslutt.',
      commentDeadline: inDays(3),
    });
    expect([hurried.status, hurried.body.code, hurried.body.errors[0]?.field]).toEqual([422, 'COMMENT_DEADLINE_TOO_SHORT', 'commentDeadline']);
    // A deadline on a Saturday, Sunday or public holiday is refused, with the next working day suggested.
    let weekend = inDays(21);
    while (isNorwegianWorkingDay(weekend)) weekend = addCalendarDays(weekend, 1);
    const onWeekend = await post(`/payments/cases/${caseId}/reclaim-notices`, caseworker, {
      amountNok: '5000',
      reason: 'Ubrukte midler ved prosjektslutt.',
      commentDeadline: weekend,
    });
    expect([onWeekend.status, onWeekend.headers.get('content-type')?.split(';')[0], onWeekend.body.errors[0]?.field]).toEqual([
      400,
      'application/problem+json',
      'commentDeadline',
    ]);
    expect(onWeekend.body.detail).toContain(`Velg en virkedag, for eksempel ${deadlineOnWorkingDay(weekend).split('-').reverse().join('.')}`);
    const deadline = deadlineOnWorkingDay(inDays(21));
    const notice = await post(`/payments/cases/${caseId}/reclaim-notices`, caseworker, {
      amountNok: '5000',
      reason: 'Ubrukte midler ved prosjektslutt.',
      commentDeadline: deadline,
    });
    expect([notice.status, notice.body.commentPeriodOver]).toEqual([201, false]);
    const letter = await call(api.baseUrl, `/payments/reclaim-notices/${notice.body.id}/letter.pdf`, { token: applicants[1] });
    expect([letter.status, letter.headers.get('content-type'), (letter.body as Buffer).subarray(0, 5).toString()]).toEqual([200, 'application/pdf', '%PDF-']);
    const letterText = await pdfText(letter.body as Buffer);
    const [{ case_number: caseNumber }] = await dataSource.query('SELECT case_number FROM case_file WHERE id = $1', [caseId]);
    expect(letterText).toContain('Integrerings- og mangfoldsdirektoratet Postboks 8059 Dep, 0031 Oslo');
    expect(letterText).toContain(`Vår ref. ${caseNumber}`);
    expect(letterText).toContain(`Frist for uttalelse ${deadline.split('-').reverse().join('.')}`);
    expect(letterText).not.toContain(deadline);
    expect((await call(api.baseUrl, `/payments/reclaim-notices/${notice.body.id}`, { token: applicants[0] })).status).toBe(404);

    const early = await post(`/payments/cases/${caseId}/reclaims`, caseworker, {
      amountNok: '5000',
      reason: 'Ubrukte midler ved prosjektslutt.',
      dueOn: '2017-06-30',
      noticeId: notice.body.id,
    });
    expect([early.status, early.body.code]).toEqual([409, 'NOTICE_PERIOD_OPEN']);
    const commented = await call(api.baseUrl, `/payments/reclaim-notices/${notice.body.id}/comments`, {
      method: 'POST',
      token: applicants[1],
      json: { comment: 'Vi er enige i at 5 000 kr ikke ble brukt.' },
    });
    expect(commented.body).toMatchObject({ commentPeriodOver: true, comment: 'Vi er enige i at 5 000 kr ikke ble brukt.' });
    const more = await post(`/payments/cases/${caseId}/reclaims`, caseworker, {
      amountNok: '6000',
      reason: 'Ubrukte midler ved prosjektslutt.',
      dueOn: '2017-06-30',
      noticeId: notice.body.id,
    });
    expect([more.status, more.body.code]).toEqual([422, 'RECLAIM_EXCEEDS_NOTICE']);

    const reclaim = await post(`/payments/cases/${caseId}/reclaims`, caseworker, {
      amountNok: '5000',
      reason: 'Ubrukte midler ved prosjektslutt.',
      dueOn: '2017-06-30',
      noticeId: notice.body.id,
    });
    expect(reclaim.status).toBe(201);
    expect(reclaim.body).toMatchObject({ enkeltvedtak: true, noticeId: notice.body.id, appealDeadline: deadlineOnWorkingDay(inDays(21)), appeal: null });
    // The decision letter (fvl. § 27), as the recipient downloads it from the case page: numbered in the case, with the
    // amount in kroner and øre, the due date, the reasons and the appeal deadline. Another organisation cannot see it.
    const decisionLetter = await call(api.baseUrl, `/payments/reclaims/${reclaim.body.id}/letter.pdf`, { token: applicants[1] });
    expect([decisionLetter.status, decisionLetter.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    const decisionText = await pdfText(decisionLetter.body as Buffer);
    expect(reclaim.body.ourReference).toMatch(new RegExp(`^${caseNumber.replace('/', '\\/')}-\\d+$`));
    expect(reclaim.body.ourReference).not.toBe(notice.body.ourReference);
    expect(decisionText).toContain('Vedtak om tilbakebetaling av tilskudd');
    expect(decisionText).toContain(`Vår ref. ${reclaim.body.ourReference}`);
    expect(decisionText).toContain('Beløp som kreves tilbake 5 000,00 kr');
    expect(decisionText).toContain('Betalingsfrist 30.06.2017');
    expect(decisionText).toContain('Ubrukte midler ved prosjektslutt.');
    expect(decisionText).toContain(`Fristen er ${deadlineOnWorkingDay(inDays(21)).split('-').reverse().join('.')}`);
    const [otherOrganisation, missing] = await Promise.all([
      call(api.baseUrl, `/payments/reclaims/${reclaim.body.id}/letter.pdf`, { token: applicants[0] }),
      call(api.baseUrl, `/payments/reclaims/00000000-0000-4000-8000-000000000000/letter.pdf`, { token: applicants[1] }),
    ]);
    expect([otherOrganisation.status, otherOrganisation.body.code]).toEqual([404, 'RECLAIM_NOT_FOUND']);
    expect([missing.status, missing.body.code]).toEqual([404, 'RECLAIM_NOT_FOUND']);
    const outcome = (await call(api.baseUrl, `/cases/${caseId}/outcome`, { token: applicants[1] })).body;
    expect(outcome.payouts.reclaims).toEqual([expect.objectContaining({ id: reclaim.body.id, ourReference: reclaim.body.ourReference })]);
    const [sent] = await dataSource.query(`SELECT count(*)::int AS count FROM message WHERE kind = 'reclaim-decision' AND reference = $1`, [reclaim.body.id]);
    expect(sent.count).toBe(1);
    const reused = await post(`/payments/cases/${caseId}/reclaims`, caseworker, {
      amountNok: '1',
      reason: 'Ubrukte midler ved prosjektslutt.',
      dueOn: '2017-06-30',
      noticeId: notice.body.id,
    });
    expect([reused.status, reused.body.code]).toEqual([409, 'NOTICE_USED']);

    // The reclaim is itself an enkeltvedtak: the recipient may appeal it, once.
    expect(
      (
        await call(api.baseUrl, `/payments/reclaims/${reclaim.body.id}/appeal`, {
          method: 'POST',
          token: applicants[0],
          json: { grounds: 'Vi mener kravet er feil beregnet.' },
        })
      ).status,
    ).toBe(404);
    const appealed = await call(api.baseUrl, `/payments/reclaims/${reclaim.body.id}/appeal`, {
      method: 'POST',
      token: applicants[1],
      json: { grounds: 'Vi mener kravet er feil beregnet.' },
    });
    expect([appealed.status, appealed.body.appeal]).toEqual([201, expect.objectContaining({ grounds: 'Vi mener kravet er feil beregnet.', late: false })]);
    const again = await call(api.baseUrl, `/payments/reclaims/${reclaim.body.id}/appeal`, {
      method: 'POST',
      token: applicants[1],
      json: { grounds: 'Vi mener kravet er feil beregnet.' },
    });
    expect([again.status, again.body.code]).toEqual([409, 'RECLAIM_ALREADY_APPEALED']);
    const actions = await dataSource.query(`SELECT action FROM audit_entry WHERE entity_id = $1 AND action LIKE 'case.reclaim%' ORDER BY id`, [caseId]);
    expect(actions.map((row: { action: string }) => row.action)).toEqual([
      'case.reclaim-notified',
      'case.reclaim-notice-commented',
      'case.reclaim-demanded',
      'case.reclaim-appealed',
    ]);
  });

  it('reclaims: lists an overdue demand, and a registered repayment reduces what the post has paid', async () => {
    const before = (await call(api.baseUrl, '/budget/2017', { token: financeA })).body.posts.find((entry: any) => entry.budgetPost === '496.73');
    const [{ id: reclaimId }] = await dataSource.query(`SELECT id FROM reclaim WHERE case_id = $1`, [caseIds[1]]);
    clock.set(new Date('2017-07-15T10:00:00Z'));
    expect((await call(api.baseUrl, '/payments/reclaims/overdue', { token: financeA })).body.map((entry: any) => entry.id)).toContain(reclaimId);
    const open = (await call(api.baseUrl, '/payments/reclaims', { token: financeA })).body;
    expect(open.find((entry: { id: string }) => entry.id === reclaimId)).toMatchObject({ outstandingNok: '5000.00', repaidNok: '0.00', overdue: true });
    const wrongStatus = await call(api.baseUrl, '/payments/reclaims?status=betalt', { token: financeA });
    expect([wrongStatus.status, wrongStatus.body.errors?.[0]?.field]).toEqual([400, 'status']);
    const repaid = await post(`/payments/reclaims/${reclaimId}/repayments`, financeA, { amountNok: '5000', receivedOn: '2017-07-14' });
    expect(repaid.body).toMatchObject({ repaidNok: '5000.00', outstandingNok: '0.00', overdue: false });
    expect((await call(api.baseUrl, '/payments/reclaims/overdue', { token: financeA })).body.map((entry: any) => entry.id)).not.toContain(reclaimId);
    expect((await call(api.baseUrl, '/payments/reclaims', { token: financeA })).body.map((entry: { id: string }) => entry.id)).not.toContain(reclaimId);
    expect(
      (await call(api.baseUrl, '/payments/reclaims?status=all', { token: financeA })).body.find((entry: { id: string }) => entry.id === reclaimId),
    ).toMatchObject({
      outstandingNok: '0.00',
      repaidNok: '5000.00',
    });
    const after = (await call(api.baseUrl, '/budget/2017', { token: financeA })).body.posts.find((entry: any) => entry.budgetPost === '496.73');
    const ore = (nok: string): bigint => BigInt(nok.replace('.', ''));
    expect(ore(after.reclaimedNok) - ore(before.reclaimedNok)).toBe(500000n);
    expect(ore(after.availableNok) - ore(before.availableNok)).toBe(500000n);
  });

  async function heldBack(): Promise<number> {
    const [{ held }] = await dataSource.query(
      `SELECT coalesce(sum(amount_ore), 0)::int AS held FROM instalment WHERE case_id = ANY($1::uuid[]) AND due_on IS NULL`,
      [caseIds],
    );
    return held;
  }
});
