import ExcelJS from 'exceljs';
import { AdjustableClock, Clock } from '@imdi/kernel';
import { DataSource } from 'typeorm';
import { SEND_REPORT_REMINDERS } from '@imdi/recipient-reports';
import { JOB_HANDLER_METADATA } from '@imdi/platform';
import { call, tokenFor } from '../support/api-harness';
import { newAccountNumber, newNationalIdNumber, newOrganisationNumber } from '../support/identifiers';
import { pdfText } from '../support/pdf-text';
import { startSystem, type RunningSystem } from '../support/system-harness';
import { eventsHandled, grantAcceptanceHandled } from '../support/domain-events';
import { eventually } from '../support/worker-harness';

/**
 * A realistic 2017 on kap. 496 post 73 (frame 14 085 000 kr, earmarks integreringsmottak
 * 10 000 000 and mentor-trainee 4 085 000), on the file's own database, so every figure can be
 * worked out by hand:
 *   A granted 100 000,50  → 75 % on acceptance 75 000,38 (the odd øre goes to the first part), 25 % held back 25 000,12
 *   B granted 250 000,00  → 187 500,00 + 62 500,00 held back
 *   C refused (asked 50 000)
 *   run per 30.06: pays 75 000,38 + 187 500,00 = 262 500,38
 *   B repays 10 000,00 on 15.09 (reclaim)
 *   A's report approved 02.10 → its 25 000,12 falls due; run per 01.11 pays it
 *   B's report (project ended 30.09) was due 30.12 and never came: overdue at year end
 */
describe('Accounting status, statistics and packs for 2017, checked by hand', () => {
  let system: RunningSystem;
  let dataSource: DataSource;
  let clock: AdjustableClock;
  let finance: string;
  let ministry: string;
  const cases: Record<'A' | 'B' | 'C', string> = { A: '', B: '', C: '' };
  const applicants: Record<'A' | 'B' | 'C', string> = { A: '', B: '', C: '' };

  const base = () => system.api.baseUrl;
  const post = (path: string, token: string, json: object = {}) => call(base(), path, { method: 'POST', token, json });
  const at = (isoInstant: string) => clock.set(new Date(isoInstant));

  async function runPayouts(asOf: string): Promise<void> {
    const run = await post('/payments/runs', finance, { budgetYear: 2017, budgetPost: '496.73', asOf });
    expect(run.status).toBe(202);
    await eventually(async () => ((await call(base(), `/payments/runs/${run.body.id}`, { token: finance })).body.status === 'completed' ? true : undefined));
  }

  async function report(kind: string, extra: object = {}): Promise<any> {
    const requested = await post('/reports', finance, { kind, budgetYear: 2017, ...extra });
    expect([requested.status, requested.body.errors]).toEqual([202, undefined]);
    return eventually(async () => {
      const run = await call(base(), `/reports/${requested.body.id}`, { token: ministry });
      if (run.body.status === 'failed') throw new Error(run.body.error);
      return run.body.status === 'completed' ? run.body : undefined;
    }, 30000);
  }

  beforeAll(async () => {
    system = await startSystem();
    dataSource = system.api.app.get(DataSource);
    clock = system.api.app.get(Clock) as AdjustableClock;
    // The worker has a clock of its own in this process; keep both at the same instant.
    const workerClock = system.worker.get(Clock) as AdjustableClock;
    const set = clock.set.bind(clock);
    clock.set = (instant: Date | undefined) => {
      set(instant);
      workerClock.set(instant);
    };
    finance = await tokenFor({ sub: 'fiona', roles: ['finance'] });
    ministry = await tokenFor({ sub: 'departementet', roles: ['ministry'] });
    const admin = await tokenFor({ sub: 'ada', roles: ['admin'] });
    const caseworker = await tokenFor({ sub: 'rep-saksbehandler', roles: ['caseworker'] });
    const approver = await tokenFor({ sub: 'rep-godkjenner', roles: ['approver'] });
    await post('/admin/delegations', admin, { approverId: 'rep-godkjenner', budgetPost: '496.73', maxAmountNok: '1000000', reference: 'Delegering R' });
    const scheme = (await call(base(), '/schemes/mentor-trainee?year=2017')).body;

    at('2017-02-01T09:00:00Z');
    for (const [key, amount] of [
      ['A', '100000.50'],
      ['B', '250000'],
      ['C', '50000'],
    ] as const) {
      const organisationNumber = newOrganisationNumber();
      applicants[key] = await tokenFor({ sub: `rep-${key}`, roles: ['applicant'], organisationNumbers: [organisationNumber] });
      await post('/organisations', applicants[key], {
        organisationNumber,
        name: `Mentorlaget ${key}`,
        kind: 'organisasjon',
        accountNumber: newAccountNumber(),
        writtenStandard: 'nb',
        contactName: 'Kari',
        contactEmail: 'kari@example.no',
      });
      const form: Record<string, unknown> = {
        projectTitle: 'Mentorprogram',
        description: 'Mentorer fra arbeidslivet for personer med innvandrerbakgrunn.',
        periodStart: '2017-03-01',
        periodEnd: '2017-09-30',
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
      const created = await post('/applications', applicants[key], { organisationNumber, schemeCode: 'mentor-trainee', budgetYear: 2017, form });
      cases[key] = created.body.id;
      const submittedApplication = await call(base(), `/applications/${cases[key]}/submit`, {
        method: 'POST',
        token: applicants[key],
        headers: { 'idempotency-key': `report-test-${key}` },
      });
      expect([submittedApplication.status, submittedApplication.body.detail]).toEqual([201, undefined]);
    }

    at('2017-03-13T09:00:00Z');
    for (const [key, amount] of [
      ['A', '100000.50'],
      ['B', '250000'],
      ['C', '0'],
    ] as const) {
      expect(
        (await post(`/casework/cases/${cases[key]}/proposal`, caseworker, { amountNok: amount, reasons: 'Vurdert etter kriteriene i regelverket.' })).status,
      ).toBe(201);
      expect((await post(`/casework/cases/${cases[key]}/approve`, approver)).status).toBe(200);
    }
    await post('/casework/ministry-notifications', caseworker, { schemeCode: 'mentor-trainee', budgetYear: 2017 });
    for (const key of ['A', 'B'] as const) {
      await eventually(async () =>
        (await dataSource.query('SELECT status FROM case_file WHERE id = $1', [cases[key]]))[0].status === 'ministry_notified' ? true : undefined,
      );
      expect((await post(`/casework/cases/${cases[key]}/letters`, caseworker)).status).toBe(201);
      expect((await post(`/cases/${cases[key]}/accept`, applicants[key])).body.status).toBe('accepted');
    }
    await grantAcceptanceHandled(dataSource, [cases.A, cases.B]);

    at('2017-06-30T10:00:00Z');
    await runPayouts('2017-06-30');

    // B's grant is an enkeltvedtak: advance notice with time to comment first (fvl. § 16), then the reclaim decision.
    at('2017-08-01T10:00:00Z');
    const notice = await post(`/payments/cases/${cases.B}/reclaim-notices`, caseworker, {
      amountNok: '10000',
      reason: 'Ubrukte midler ved prosjektslutt.',
      commentDeadline: '2017-08-22',
    });
    expect(notice.status).toBe(201);
    // The recipient is told by e-mail that a notice waits, and by when to comment; the amount stays in the letter.
    const [noticeMail] = await dataSource.query(`SELECT recipient, subject, body FROM message WHERE kind = 'reclaim-notice' AND reference = $1`, [
      notice.body.id,
    ]);
    expect(noticeMail).toMatchObject({ recipient: 'kari@example.no', subject: expect.stringMatching(/^Varsel fra IMDi om mulig tilbakebetaling i sak /) });
    expect(noticeMail.body).toContain('innen 22.08.2017');
    expect(noticeMail.body).not.toContain('10 000');
    at('2017-09-01T10:00:00Z');
    const reclaim = await post(`/payments/cases/${cases.B}/reclaims`, caseworker, {
      amountNok: '10000',
      reason: 'Ubrukte midler ved prosjektslutt.',
      dueOn: '2017-09-30',
      noticeId: notice.body.id,
    });
    expect(reclaim.status).toBe(201);
    expect((await post(`/payments/reclaims/${reclaim.body.id}/repayments`, finance, { amountNok: '10000', receivedOn: '2017-09-15' })).status).toBe(201);

    at('2017-10-02T10:00:00Z');
    const submitted = await post(`/cases/${cases.A}/report`, applicants.A, {
      useOfFunds: 'Midlene er brukt til koordinator og samlinger.',
      spentNok: '100000.50',
      results: 'Tolv deltakere fikk mentor; sju er i arbeid.',
      participantsFemale: 7,
      participantsMale: 5,
      accounts: [{ description: 'Koordinator', amountNok: '100000.50' }],
    });
    expect([submitted.status, submitted.body.status]).toEqual([201, 'submitted']);
    const approvedReport = await post(`/casework/cases/${cases.A}/report/approve`, caseworker, { comment: 'Rapporten er godkjent.' });
    expect([approvedReport.status, approvedReport.body.status]).toEqual([201, 'approved']);
    // Payments releases the held-back share as ReportApproved's subscriber, after the approval commits.
    await eventsHandled(dataSource, 'ReportApproved', [cases.A], ['payments.release-held-back']);

    at('2017-11-01T10:00:00Z');
    await runPayouts('2017-11-01');

    // Persons behind 496.60: two women (one settled under the special criterion) and a man.
    const municipality = newOrganisationNumber();
    const records = [
      { nationalIdNumber: newNationalIdNumber('1990-02-03', 'female'), settlementDate: '2017-03-01', category: 'single-adult', specialCriterion: true },
      { nationalIdNumber: newNationalIdNumber('1988-07-14', 'female'), settlementDate: '2016-05-10', category: 'single-adult', specialCriterion: false },
      { nationalIdNumber: newNationalIdNumber('1985-11-20', 'male'), settlementDate: '2017-04-02', category: 'single-adult', specialCriterion: false },
    ].map((record) => ({ ...record, organisationNumber: municipality, municipalityNumber: '1520' }));
    const imported = await call(base(), '/payments/per-capita/integreringstilskudd/records', { method: 'POST', token: finance, json: { records } });
    expect([imported.status, imported.body.errors]).toEqual([201, undefined]);
    at('2018-01-05T10:00:00Z');
  }, 120000);

  afterAll(async () => {
    clock?.set(undefined);
    await system?.stop();
  });

  const PAID_ORE = 7500038n + 18750000n + 2500012n;
  const GRANTED_ORE = 10000050n + 25000000n;
  const FRAME_ORE = 1408500000n;
  const nokOf = (ore: bigint) => `${ore / 100n}.${String(ore % 100n).padStart(2, '0')}`;

  it('gives the status of 496.73 per 31 December to the øre: frame, committed, paid, reclaimed, available', async () => {
    const done = await report('accounting-status', { budgetPost: '496.73', asOf: '2017-12-31' });
    const status = done.report.sections.find((section: any) => section.key === 'accounting-status').table.rows[0];
    expect(status).toEqual({
      budgetPost: '496.73',
      name: 'Tilskudd',
      frame: nokOf(FRAME_ORE),
      earmarked: nokOf(FRAME_ORE),
      committed: nokOf(GRANTED_ORE - PAID_ORE), // 0,00: everything granted has been paid
      paid: nokOf(PAID_ORE), // 287 500,50
      reclaimed: '10000.00',
      available: nokOf(FRAME_ORE - GRANTED_ORE + 1000000n), // 13 745 999,50
      exceeded: '0.00',
    });
    const budget = (await call(base(), '/budget/2017?asOf=2017-12-31', { token: ministry })).body.posts.find((entry: any) => entry.budgetPost === '496.73');
    expect([budget.paidNok, budget.availableNok]).toEqual([status.paid, status.available]);
  });

  it('gives the half-year pack per 30 June: only the first run and no repayment yet, and a forecast of the held-back share', async () => {
    const pack = await report('half-year-pack');
    expect(pack.asOf).toBe('2017-06-30');
    const sections = Object.fromEntries(pack.report.sections.map((section: any) => [section.key, section]));
    const post73 = sections['accounting-status'].table.rows.find((row: any) => row.budgetPost === '496.73');
    expect(post73).toMatchObject({ committed: nokOf(2500012n + 6250000n), paid: '262500.38', reclaimed: '0.00', available: nokOf(FRAME_ORE - GRANTED_ORE) });
    const forecast = sections.forecast.table.rows.find((row: any) => row.budgetPost === '496.73');
    // The forecast uses the payout plan as it stands when the report is run (January 2018): A's
    // held-back share was released on 2 October, so from 30 June it is planned for later in the
    // year; B's is still held back waiting for a report.
    expect(forecast).toMatchObject({ paid: '262500.38', dueUnpaid: '0.00', plannedRestOfYear: '25000.12', heldBack: '62500.00', paidByYearEnd: '287500.50' });
    // The budget page shows the same forecast, by the same rule.
    const posts = (await call(base(), '/budget/2017?asOf=2017-06-30', { token: finance })).body.posts as Array<{
      budgetPost: string;
      forecast: Record<string, string>;
    }>;
    const onPage = posts.find((entry) => entry.budgetPost === '496.73')?.forecast;
    expect(onPage).toMatchObject({
      dueUnpaidNok: forecast.dueUnpaid,
      plannedRestOfYearNok: forecast.plannedRestOfYear,
      paidByYearEndNok: forecast.paidByYearEnd,
      remainingAtYearEndNok: forecast.unusedAtYearEnd,
      heldBackNok: forecast.heldBack,
    });
    // The 2017 per-capita rates are seeded provisional: the expected runs on 496.60 cannot be forecast, and the report says so.
    expect(sections.forecast.note).toContain('Per capita-prognosen for integreringstilskudd mangler: årets satser er ikke bekreftet');
    const mentor = sections['scheme-statistics'].table.rows.find((row: any) => row.scheme.startsWith('Tilskudd til mentor'));
    expect(mentor).toMatchObject({
      received: 3,
      requested: '400000.50',
      granted: 2,
      grantedAmount: '350000.50',
      refused: 1,
      rejectedFormally: 0,
      medianDays: '40.0',
      reportsReceived: 0,
      reportsOverdue: 0,
    });
  });

  it('gives the annual pack: statistics by scheme, persons by gender and the special criterion of 496.60', async () => {
    const pack = await report('annual-pack');
    const sections = Object.fromEntries(pack.report.sections.map((section: any) => [section.key, section]));
    const mentor = sections['scheme-statistics'].table.rows.find((row: any) => row.scheme.startsWith('Tilskudd til mentor'));
    // B's project ended 30 September: its report was due 30 December and has not come.
    expect(mentor).toMatchObject({ received: 3, granted: 2, refused: 1, reportsReceived: 1, reportsOverdue: 1 });
    const persons = sections['person-statistics'].table.rows;
    expect(persons).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ budgetPost: '496.60', female: 2, male: 1, total: 3 }),
        expect.objectContaining({ budgetPost: '496.73', female: 7, male: 5, total: 12 }),
      ]),
    );
    expect(sections['special-criterion'].table.rows).toEqual([expect.objectContaining({ female: 1, male: 0, total: 1 })]);
  });

  it('writes an Excel workbook with real numbers whose totals match the API, and a PDF with the figures', async () => {
    const done = await report('accounting-status', { asOf: '2017-12-31' });
    const xlsx = await call(base(), done.downloads.xlsx, { token: ministry });
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (xlsx.body as Buffer).buffer.slice((xlsx.body as Buffer).byteOffset, (xlsx.body as Buffer).byteOffset + (xlsx.body as Buffer).length) as ArrayBuffer,
    );
    const sheet = workbook.worksheets[0];
    const header = (sheet.getRow(4).values as unknown[]).slice(1);
    const paidColumn = header.indexOf('Utbetalt') + 1;
    const rows = sheet.getRows(5, sheet.rowCount - 4)!;
    const row73 = rows.find((row) => row.getCell(1).value === '496.73')!;
    expect(typeof row73.getCell(paidColumn).value).toBe('number');
    expect(String(row73.getCell(paidColumn).value)).toBe('287500.5');
    expect(row73.getCell(paidColumn).numFmt).toContain('#,##0.00');
    const totalsRow = rows.find((row) => row.getCell(1).value === 'Sum')!;
    const api = (await call(base(), '/budget/2017?asOf=2017-12-31', { token: finance })).body.totals;
    const result = (cell: ExcelJS.Cell) => String((cell.value as ExcelJS.CellFormulaValue).result);
    expect((totalsRow.getCell(paidColumn).value as ExcelJS.CellFormulaValue).formula).toMatch(/^SUM\(/);
    expect(result(totalsRow.getCell(paidColumn))).toBe(String(Number(api.paidNok)));
    expect(result(totalsRow.getCell(header.indexOf('Ramme') + 1))).toBe(String(Number(api.frameNok)));
    expect(result(totalsRow.getCell(header.indexOf('Disponibelt') + 1))).toBe(String(Number(api.availableNok)));

    const pdf = await call(base(), done.downloads.pdf, { token: ministry });
    const text = await pdfText(pdf.body as Buffer);
    expect(text).toContain('Regnskapsstatus per kap./post per 31.12.2017');
    expect(text).toContain('287 500,50 kr');
    expect(text).toContain('Bruk av bevilgningen per kap./post');
  });

  it('keeps reports to those who may read them and names bad requests', async () => {
    const applicant = applicants.A;
    expect((await post('/reports', applicant, { kind: 'annual-pack', budgetYear: 2017 })).status).toBe(403);
    const badKind = await post('/reports', finance, { kind: 'everything', budgetYear: 2017 });
    expect([badKind.status, badKind.body.errors[0].field]).toEqual([400, 'kind']);
    const noPost = await post('/reports', finance, { kind: 'accounting-status', budgetYear: 2017, budgetPost: '999.99' });
    expect([noPost.status, noPost.body.code, noPost.body.errors[0].field]).toEqual([422, 'BUDGET_POST_NOT_FOUND', 'budgetPost']);
    expect((await call(base(), '/reports/8d5e6a43-0d7e-4a1f-9d43-2b0f0e4a9c11', { token: ministry })).status).toBe(404);
  });
  it('keeps the day totals every status reads equal to the ledger entries, and names a day that drifts', async () => {
    const admin = await tokenFor({ sub: 'ada', roles: ['admin'] });
    expect((await call(base(), '/admin/budget/day-totals/verify', { token: admin })).body).toEqual({ consistent: true, differences: [] });
    await dataSource.query(`UPDATE budget_ledger_day_total SET amount_ore = amount_ore + 1 WHERE booked_on = '2017-06-30' AND kind = 'pay'`);
    const tampered = (await call(base(), '/admin/budget/day-totals/verify', { token: admin })).body;
    await dataSource.query(`UPDATE budget_ledger_day_total SET amount_ore = amount_ore - 1 WHERE booked_on = '2017-06-30' AND kind = 'pay'`);
    expect(tampered.consistent).toBe(false);
    expect(tampered.differences).toEqual([
      expect.objectContaining({ kind: 'pay', bookedOn: '2017-06-30', totalOre: String(7500038 + 18750000 + 1), entriesOre: String(7500038 + 18750000) }),
    ]);
  });

  describe("recipients' reports", () => {
    it('shows a report only to its own organisation and lists the overdue one for the caseworker', async () => {
      expect((await call(base(), `/cases/${cases.A}/report`, { token: applicants.B })).status).toBe(404);
      expect((await call(base(), `/cases/${cases.B}/report`, { token: applicants.B })).body).toMatchObject({
        status: 'due',
        dueOn: '2017-12-30',
        overdue: true,
        auditorRequired: false,
      });
      const caseworker = await tokenFor({ sub: 'rep-saksbehandler', roles: ['caseworker'] });
      const overdue = (await call(base(), '/casework/recipient-reports?overdue=true', { token: caseworker })).body.map((report: any) => report.caseId);
      expect(overdue).toEqual([cases.B]);
    });

    it('sends each reminder once: two weeks before the deadline and after it', async () => {
      const handler = [...(system.worker as any).container.getModules().values()]
        .flatMap((module: any) => [...module.providers.values()])
        .map((wrapper: any) => wrapper.instance)
        .find((instance: any) => instance && Reflect.getMetadata(JOB_HANDLER_METADATA, instance.constructor) === SEND_REPORT_REMINDERS);
      const context = { jobId: 'test', attempt: 1, updateProgress: async () => undefined };
      await handler.handle({ asOf: '2017-12-01' }, context);
      await handler.handle({ asOf: '2017-12-20' }, context);
      await handler.handle({ asOf: '2017-12-21' }, context);
      await handler.handle({ asOf: '2018-01-02' }, context);
      const reminders = await dataSource.query(
        `SELECT m.kind, m.recipient FROM report_reminder m JOIN recipient_report r ON r.id = m.report_id WHERE r.case_id = $1 ORDER BY m.kind`,
        [cases.B],
      );
      expect(reminders).toEqual([
        { kind: 'before-deadline', recipient: 'kari@example.no' },
        { kind: 'overdue', recipient: 'kari@example.no' },
      ]);
      const mails = await dataSource.query(`SELECT subject FROM message WHERE kind = 'report-reminder' AND case_id = $1 ORDER BY created_at`, [cases.B]);
      expect(mails).toEqual([{ subject: 'Påminnelse: rapport om bruk av tilskudd' }, { subject: 'Rapport om bruk av tilskudd er ikke mottatt' }]);
    });

    it('refuses an incomplete report naming the missing field, and lets a caseworker ask for more', async () => {
      const caseworker = await tokenFor({ sub: 'rep-saksbehandler', roles: ['caseworker'] });
      const content = {
        useOfFunds: 'Midlene er brukt til mentorer.',
        spentNok: '240000',
        results: 'Tjue deltakere fikk mentor.',
        accounts: [{ description: 'Mentorer', amountNok: '240000' }],
      };
      const incomplete = await post(`/cases/${cases.B}/report`, applicants.B, content);
      expect([incomplete.status, incomplete.body.code, incomplete.body.errors[0].field]).toEqual([422, 'REPORT_INCOMPLETE', 'participantsFemale']);
      const badAmount = await post(`/cases/${cases.B}/report`, applicants.B, { ...content, participantsFemale: 9, participantsMale: 11, spentNok: '12,5x' });
      expect([badAmount.status, badAmount.body.errors[0].field]).toEqual([400, 'spentNok']);
      expect((await call(base(), `/cases/${cases.B}/report`, { token: applicants.B })).body.status).toBe('due');
      expect((await post(`/cases/${cases.B}/report`, applicants.B, { ...content, participantsFemale: 9, participantsMale: 11 })).body.status).toBe('submitted');
      const more = await post(`/casework/cases/${cases.B}/report/request-more`, caseworker, { comment: 'Send regnskapet signert av styret.' });
      expect(more.body).toMatchObject({ status: 'more_requested', reviewComment: 'Send regnskapet signert av styret.' });
      const attachment = await call(base(), `/cases/${cases.B}/report/attachments?fileName=regnskap.pdf`, {
        method: 'POST',
        token: applicants.B,
        headers: { 'content-type': 'application/octet-stream' },
        body: Buffer.from('%PDF-1.4\n%signert regnskap\n'),
      });
      expect(attachment.status).toBe(201);
      const opened = await call(base(), `/cases/${cases.B}/report/attachments/${attachment.body.id}`, { token: caseworker });
      expect([opened.status, opened.headers.get('content-type'), (opened.body as Buffer).toString()]).toEqual([
        200,
        'application/pdf',
        '%PDF-1.4\n%signert regnskap\n',
      ]);
      expect(opened.headers.get('content-disposition')).toContain("filename*=UTF-8''regnskap.pdf");
      expect((await call(base(), `/cases/${cases.B}/report/attachments/${attachment.body.id}`, { token: applicants.A })).status).toBe(404);
      const unknown = await call(base(), `/cases/${cases.B}/report/attachments/8d5e6a43-0d7e-4a1f-9d43-2b0f0e4a9c11`, { token: caseworker });
      expect([unknown.status, unknown.body.code]).toEqual([404, 'REPORT_ATTACHMENT_NOT_FOUND']);
      expect((await post(`/cases/${cases.B}/report`, applicants.B, { ...content, participantsFemale: 9, participantsMale: 11 })).body).toMatchObject({
        status: 'submitted',
        attachments: [expect.objectContaining({ fileName: 'regnskap.pdf' })],
      });
      expect((await post(`/casework/cases/${cases.B}/report/approve`, applicants.B, { comment: 'Godkjent av meg selv.' })).status).toBe(403);
    });
  });
});
