import { verifyAuditChain } from '@imdi/audit';
import { auditChainKey, loadConfig } from '@imdi/platform';
import { AdjustableClock, Clock } from '@imdi/kernel';
import { PDFDocument } from 'pdf-lib';
import { DataSource, type QueryRunner } from 'typeorm';
import { call, startApi, tokenFor, type RunningApi } from '../support/api-harness';
import { newAccountNumber, newOrganisationNumber, withWrongCheckDigit } from '../support/identifiers';
import { eventually } from '../support/eventually';

const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

const jobbsjansenForm = (overrides: Record<string, unknown> = {}) => ({
  projectTitle: 'Jobbsjansen i Nordby',
  description: 'Et toårig program for hjemmeværende innvandrerkvinner som står langt fra arbeidslivet.',
  periodStart: '2017-03-01',
  periodEnd: '2018-02-28',
  budget: [
    { description: 'Programrådgivere', amountNok: '900000' },
    { description: 'Kursmateriell', amountNok: '100000' },
  ],
  requestedAmountNok: '750000',
  contactName: 'Kari Nordmann',
  contactEmail: 'kari@nordby.kommune.no',
  plannedParticipants: 20,
  expectedTransitionPercent: 65,
  ...overrides,
});

describe('Application intake', () => {
  let api: RunningApi;
  let clock: AdjustableClock;
  let dataSource: DataSource;
  const municipalityA = newOrganisationNumber();
  const municipalityB = newOrganisationNumber();
  const association = newOrganisationNumber();
  let applicantA: string;
  let applicantB: string;
  let applicantC: string;
  let admin: string;
  let window2017: { opensAt: string; deadlineAt: string };

  const register = (token: string, organisationNumber: string, kind: string, overrides: object = {}) =>
    call(api.baseUrl, '/organisations', {
      method: 'POST',
      token,
      json: {
        organisationNumber,
        name: `Testorganisasjon ${organisationNumber}`,
        kind,
        municipalityNumber: kind === 'organisasjon' ? undefined : '3005',
        accountNumber: newAccountNumber(),
        writtenStandard: 'nn',
        contactName: 'Kari',
        contactEmail: 'kari@example.no',
        ...overrides,
      },
    });
  const draft = (token: string, organisationNumber: string, form: object = {}, schemeCode = 'jobbsjansen-a', budgetYear = 2017) =>
    call(api.baseUrl, '/applications', { method: 'POST', token, json: { organisationNumber, schemeCode, budgetYear, form } });
  const submit = (token: string, id: string, key: string) =>
    call(api.baseUrl, `/applications/${id}/submit`, { method: 'POST', token, headers: { 'idempotency-key': key } });
  const upload = (token: string, id: string, fileName: string, content: Buffer) =>
    call(api.baseUrl, `/applications/${id}/attachments?fileName=${encodeURIComponent(fileName)}`, {
      method: 'POST',
      token,
      body: content,
      headers: { 'content-type': 'application/octet-stream' },
    });
  /** Submits while another transaction holds the case; `meanwhile` runs in it once the submit's write waits, then it commits. */
  const submitWhileCaseHeld = async (id: string, key: string, meanwhile: (holder: QueryRunner) => Promise<unknown>) => {
    const holder = dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    try {
      await holder.query(`SELECT id FROM case_file WHERE id = $1 FOR UPDATE`, [id]);
      const pending = submit(applicantA, id, key);
      await eventually(async () => {
        const [{ waiting }] = await dataSource.query(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%submit_applications(%'`,
        );
        return waiting > 0 ? true : undefined;
      });
      await meanwhile(holder);
      await holder.commitTransaction();
      return await pending;
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
    }
  };
  const caseFiles = async (id: string) =>
    (await dataSource.query('SELECT status, case_number FROM case_file WHERE id = $1', [id])) as Array<{ status: string; case_number: string | null }>;

  beforeAll(async () => {
    api = await startApi();
    clock = api.app.get(Clock) as AdjustableClock;
    dataSource = api.app.get(DataSource);
    applicantA = await tokenFor({ sub: 'kari', roles: ['applicant'], organisationNumbers: [municipalityA] });
    applicantB = await tokenFor({ sub: 'bjorn', roles: ['applicant'], organisationNumbers: [municipalityB] });
    applicantC = await tokenFor({ sub: 'cecilie', roles: ['applicant'], organisationNumbers: [association] });
    admin = await tokenFor({ sub: 'ada', roles: ['admin'] });
    expect((await register(applicantA, municipalityA, 'kommune')).status).toBe(201);
    expect((await register(applicantB, municipalityB, 'kommune')).status).toBe(201);
    expect((await register(applicantC, association, 'organisasjon')).status).toBe(201);
    window2017 = (await call(api.baseUrl, '/schemes/jobbsjansen-a?year=2017')).body.window;
  });
  // Every test stands one day into the 2017 window unless it moves the clock itself.
  beforeEach(() => clock.set(new Date(new Date(window2017.opensAt).getTime() + 24 * 3600 * 1000)));
  afterAll(async () => {
    clock.set(undefined);
    await api.close();
  });

  describe('organisations', () => {
    it('refuses an invalid organisation number and an invalid account number, naming the field, and stores nothing', async () => {
      const organisationNumber = newOrganisationNumber();
      const token = await tokenFor({ sub: 'x', roles: ['applicant'], organisationNumbers: [withWrongCheckDigit(organisationNumber), organisationNumber] });
      const badOrganisation = await register(token, withWrongCheckDigit(organisationNumber), 'kommune');
      expect(badOrganisation.status).toBe(400);
      expect(badOrganisation.body.errors).toEqual([expect.objectContaining({ field: 'organisationNumber', rule: 'mod11-check-digit' })]);
      const badAccount = await register(token, organisationNumber, 'kommune', { accountNumber: withWrongCheckDigit(newAccountNumber()) });
      expect(badAccount.status).toBe(400);
      expect(badAccount.body.errors).toEqual([expect.objectContaining({ field: 'accountNumber', rule: 'mod11-check-digit' })]);
      expect((await call(api.baseUrl, '/organisations/mine', { token })).body).toEqual([]);
    });

    it('refuses to register an organisation the token does not act for', async () => {
      const response = await register(applicantA, newOrganisationNumber(), 'kommune');
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('NOT_ACTING_FOR_ORGANISATION');
    });
  });

  describe('a municipality applies', () => {
    let id: string;

    it('drafts, saves, attaches, submits and gets a receipt', async () => {
      const created = await draft(applicantA, municipalityA, { projectTitle: 'Utkast' });
      expect(created.status).toBe(201);
      id = created.body.id;
      const saved = await call(api.baseUrl, `/applications/${id}/form`, { method: 'PUT', token: applicantA, json: { form: jobbsjansenForm() } });
      expect(saved.status).toBe(204);
      const attached = await upload(applicantA, id, 'budsjett.pdf', PDF_BYTES);
      expect(attached.status).toBe(201);
      expect(attached.body).toMatchObject({
        fileName: 'budsjett.pdf',
        mediaType: 'application/pdf',
        sizeBytes: PDF_BYTES.length,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      });

      const submitted = await submit(applicantA, id, 'submit-happy-path-1');
      expect(submitted.status).toBe(201);
      expect(submitted.body).toMatchObject({
        applicationId: id,
        status: 'submitted',
        caseNumber: expect.stringMatching(/^\d{4}\/\d{5}$/),
        requestedNok: '750000.00',
      });

      const receipt = await call(api.baseUrl, `/applications/${id}/receipt`, { token: applicantA });
      expect(receipt.status).toBe(200);
      expect(receipt.headers.get('content-type')).toBe('application/pdf');
      const pdf = await PDFDocument.load(receipt.body as Buffer);
      expect(pdf.getTitle()).toContain(submitted.body.caseNumber);
      expect(pdf.getTitle()).toContain('Kvittering for motteken søknad');
      const again = await call(api.baseUrl, `/applications/${id}/receipt`, { token: applicantA });
      expect(again.headers.get('x-content-sha256')).toBe(receipt.headers.get('x-content-sha256'));
    });

    it('shows the applicant the status and the history of the application', async () => {
      const detail = await call(api.baseUrl, `/applications/${id}`, { token: applicantA });
      expect(detail.status).toBe(200);
      expect(detail.body).toMatchObject({ status: 'submitted', attachments: [expect.objectContaining({ fileName: 'budsjett.pdf' })] });
      expect(detail.body.history.map((entry: any) => entry.action)).toEqual([
        'case.opened',
        'application.draft-saved',
        'application.attachment-added',
        'case.submit',
      ]);
      const list = await call(api.baseUrl, '/applications', { token: applicantA });
      expect(list.body.map((application: any) => application.id)).toContain(id);
    });

    it('hides the application from another organisation with 404, for every action', async () => {
      for (const [method, path, extra] of [
        ['GET', `/applications/${id}`, {}],
        ['GET', `/applications/${id}/receipt`, {}],
        ['PUT', `/applications/${id}/form`, { json: { form: {} } }],
        ['POST', `/applications/${id}/submit`, { headers: { 'idempotency-key': 'stranger-key-1' } }],
        ['POST', `/applications/${id}/withdraw`, { json: {} }],
      ] as const) {
        const response = await call(api.baseUrl, path, { method, token: applicantB, ...extra });
        expect([path, response.status]).toEqual([path, 404]);
      }
      expect((await call(api.baseUrl, '/applications', { token: applicantB })).body.map((application: any) => application.id)).not.toContain(id);
      expect((await call(api.baseUrl, `/applications/${id}`, { token: applicantA })).body.status).toBe('submitted');
    });

    it('lets a caseworker read it, but not an applicant of another organisation', async () => {
      const caseworker = await tokenFor({ sub: 'kari-saksbehandler', roles: ['caseworker'] });
      expect((await call(api.baseUrl, `/applications/${id}`, { token: caseworker })).status).toBe(200);
    });
  });

  it('opens one case when the same submit is retried 5 times at once with one key', async () => {
    const { id } = (await draft(applicantA, municipalityA, jobbsjansenForm())).body;
    const responses = await Promise.all(Array.from({ length: 5 }, () => submit(applicantA, id, 'retry-key-0001')));
    expect(responses.map((response) => response.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(responses.map((response) => response.body.caseNumber)).size).toBe(1);
    const [{ submits }] = await dataSource.query(`SELECT count(*)::int AS submits FROM audit_entry WHERE entity_id = $1 AND action = 'case.submit'`, [id]);
    expect(submits).toBe(1);
    const [{ receipts }] = await dataSource.query(`SELECT count(*)::int AS receipts FROM outbox_message WHERE payload->>'applicationId' = $1`, [id]);
    expect(receipts).toBe(1);
  });

  it('gives submissions arriving together consecutive case numbers, one audit entry and one receipt job each, in an intact chain', async () => {
    const organisations = Array.from({ length: 8 }, () => newOrganisationNumber());
    const tokens = await Promise.all(
      organisations.map((number, index) => tokenFor({ sub: `together-${index}`, roles: ['applicant'], organisationNumbers: [number] })),
    );
    for (const [index, number] of organisations.entries()) expect((await register(tokens[index], number, 'kommune')).status).toBe(201);
    const drafts = await Promise.all(
      Array.from({ length: 40 }, async (_, index) => ({
        index,
        id: (await draft(tokens[index % 8], organisations[index % 8], jobbsjansenForm())).body.id as string,
      })),
    );

    const responses = await Promise.all(drafts.map(({ index, id }) => submit(tokens[index % 8], id, `together-${id}`)));

    expect(responses.map((response) => response.status)).toEqual(drafts.map(() => 201));
    const numbers = responses.map((response) => Number(String(response.body.caseNumber).split('/')[1])).sort((a, b) => a - b);
    expect(numbers[numbers.length - 1] - numbers[0]).toBe(numbers.length - 1);
    expect(new Set(numbers).size).toBe(40);
    const ids = drafts.map(({ id }) => id);
    const [{ audits }] = await dataSource.query(`SELECT count(*)::int AS audits FROM audit_entry WHERE entity_id = ANY($1) AND action = 'case.submit'`, [ids]);
    const [{ receipts }] = await dataSource.query(`SELECT count(*)::int AS receipts FROM outbox_message WHERE payload->>'applicationId' = ANY($1)`, [ids]);
    expect([audits, receipts]).toEqual([40, 40]);
    expect((await verifyAuditChain(dataSource, auditChainKey(loadConfig()))).intact).toBe(true);
  });

  it('checks the draft again when it was saved after the checks and before the write, and leaves nothing behind when it now fails', async () => {
    const { id } = (await draft(applicantA, municipalityA, jobbsjansenForm())).body;
    // A draft save holds the case the same way.
    const response = await submitWhileCaseHeld(id, 'changed-meanwhile-1', (holder) =>
      holder.query(`UPDATE application SET form = form - 'contactEmail', updated_at = now() WHERE id = $1`, [id]),
    );

    expect([response.status, response.body.code]).toEqual([400, 'FORM_INVALID']);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual(['form.contactEmail']);
    expect((await caseFiles(id))[0]).toEqual({ status: 'draft', case_number: null });
    const [{ claims }] = await dataSource.query(`SELECT count(*)::int AS claims FROM submission_request WHERE application_id = $1`, [id]);
    const [{ audits }] = await dataSource.query(`SELECT count(*)::int AS audits FROM audit_entry WHERE entity_id = $1 AND action = 'case.submit'`, [id]);
    expect([claims, audits]).toEqual([0, 0]);
  });

  it('refuses a submission whose case was submitted with another key between its checks and its write, and releases its key', async () => {
    const { id } = (await draft(applicantA, municipalityA, jobbsjansenForm())).body;
    // What a submit with another key commits while this one waits for the case.
    const response = await submitWhileCaseHeld(id, 'overtaken-key-2', (holder) =>
      holder.query(`UPDATE case_file SET status = 'submitted', case_number = '2016/99999', received_at = now() WHERE id = $1`, [id]),
    );

    expect([response.status, response.body.code]).toEqual([409, 'NOT_A_DRAFT']);
    expect(response.body).toMatchObject({ currentStatus: 'submitted', caseNumber: '2016/99999' });
    const [{ claims }] = await dataSource.query(`SELECT count(*)::int AS claims FROM submission_request WHERE idempotency_key = 'overtaken-key-2'`);
    const [{ audits }] = await dataSource.query(`SELECT count(*)::int AS audits FROM audit_entry WHERE entity_id = $1 AND action = 'case.submit'`, [id]);
    const [{ receipts }] = await dataSource.query(`SELECT count(*)::int AS receipts FROM outbox_message WHERE payload->>'applicationId' = $1`, [id]);
    expect([claims, audits, receipts]).toEqual([0, 0, 0]);
  });

  it('records the submission in the audit trail: from draft to submitted, with the case number, the receipt time, the amount and who submitted by name', async () => {
    const { id } = (await draft(applicantA, municipalityA, jobbsjansenForm())).body;
    const submitted = await submit(applicantA, id, 'audited-key-01');
    expect(submitted.status).toBe(201);
    const entries = await dataSource.query(`SELECT actor_id, actor_roles, before, after FROM audit_entry WHERE entity_id = $1 AND action = 'case.submit'`, [
      id,
    ]);
    expect(entries).toEqual([
      {
        actor_id: 'kari',
        actor_roles: ['applicant'],
        before: { status: 'draft' },
        // The token has no name claim, so the name is the user id.
        after: {
          status: 'submitted',
          caseNumber: submitted.body.caseNumber,
          receivedAt: submitted.body.receivedAt,
          requestedNok: '750000.00',
          submittedByName: 'kari',
        },
      },
    ]);
  });

  it('refuses a key reused for another application', async () => {
    const first = (await draft(applicantA, municipalityA, jobbsjansenForm())).body.id;
    const second = (await draft(applicantA, municipalityA, jobbsjansenForm())).body.id;
    expect((await submit(applicantA, first, 'reused-key-0001')).status).toBe(201);
    const reused = await submit(applicantA, second, 'reused-key-0001');
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await caseFiles(second))[0]).toEqual({ status: 'draft', case_number: null });
  });

  it('refuses a submit without an Idempotency-Key', async () => {
    const { id } = (await draft(applicantA, municipalityA, jobbsjansenForm())).body;
    const response = await call(api.baseUrl, `/applications/${id}/submit`, { method: 'POST', token: applicantA });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe('Idempotency-Key');
  });

  describe('the deadline, to the second in Oslo time, in the week clocks go forward', () => {
    beforeAll(async () => {
      const created = await call(api.baseUrl, '/admin/schemes/jobbsjansen-a/versions/2017/next-year', { method: 'POST', token: admin });
      expect(created.status).toBe(201);
      // Summer time began on Sunday 25 March 2018; the deadline is the Tuesday after.
      const amended = await call(api.baseUrl, '/admin/schemes/jobbsjansen-a/versions/2018', {
        method: 'PATCH',
        token: admin,
        json: { window: { opens: '2018-01-02T08:00:00', deadline: '2018-03-27T23:59:59' } },
      });
      expect(amended.body.window.deadlineAt).toBe('2018-03-27T21:59:59.000Z');
    });

    it('accepts 23:59:59 on deadline day', async () => {
      clock.set(new Date('2018-03-20T12:00:00Z'));
      const { id } = (await draft(applicantA, municipalityA, jobbsjansenForm(), 'jobbsjansen-a', 2018)).body;
      clock.set(new Date('2018-03-27T21:59:59.999Z'));
      const response = await submit(applicantA, id, 'deadline-key-ok-1');
      expect(response.status).toBe(201);
      expect(response.body.caseNumber).toMatch(/^2018\//);
    });

    it("numbers a case by the Oslo year it was received in: 23:59:59 on New Year's Eve is the old year, a second later the new", async () => {
      const widened = await call(api.baseUrl, '/admin/schemes/jobbsjansen-a/versions/2018', {
        method: 'PATCH',
        token: admin,
        json: { window: { opens: '2017-12-01T08:00:00', deadline: '2018-03-27T23:59:59' } },
      });
      expect(widened.body.window.opensAt).toBe('2017-12-01T07:00:00.000Z');
      clock.set(new Date('2017-12-20T12:00:00Z'));
      const oldYear = (await draft(applicantA, municipalityA, jobbsjansenForm(), 'jobbsjansen-a', 2018)).body.id;
      const newYear = (await draft(applicantA, municipalityA, jobbsjansenForm(), 'jobbsjansen-a', 2018)).body.id;
      clock.set(new Date('2017-12-31T22:59:59.999Z'));
      const lastSecond = await submit(applicantA, oldYear, 'new-year-key-1');
      clock.set(new Date('2017-12-31T23:00:00.000Z'));
      const firstSecond = await submit(applicantA, newYear, 'new-year-key-2');
      expect(lastSecond.body.caseNumber).toMatch(/^2017\/\d{5}$/);
      expect(firstSecond.body.caseNumber).toMatch(/^2018\/\d{5}$/);
    });

    it('refuses 00:00:00 the next day, naming the deadline, and leaves the draft as it was', async () => {
      clock.set(new Date('2018-03-20T12:00:00Z'));
      const { id } = (await draft(applicantA, municipalityA, jobbsjansenForm(), 'jobbsjansen-a', 2018)).body;
      clock.set(new Date('2018-03-27T22:00:00.000Z'));
      const response = await submit(applicantA, id, 'deadline-key-late-1');
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('DEADLINE_PASSED');
      expect(response.body.detail).toContain('gikk ut 27.03.2018 kl. 23.59.59');
      expect((await caseFiles(id))[0]).toEqual({ status: 'draft', case_number: null });
      const [{ claims }] = await dataSource.query(`SELECT count(*)::int AS claims FROM submission_request WHERE application_id = $1`, [id]);
      expect(claims).toBe(0);
    });
  });

  describe('a past budget year takes no new applications', () => {
    it('refuses drafts and submissions to a continuous (rettighet) scheme once its year is over', async () => {
      clock.set(new Date('2017-06-01T10:00:00Z'));
      const open = await draft(applicantA, municipalityA, {}, 'frivillige-lokale', 2017);
      expect(open.status).toBe(201);
      clock.set(new Date('2026-03-01T10:00:00Z'));
      const late = await draft(applicantA, municipalityA, {}, 'frivillige-lokale', 2017);
      expect([late.status, late.body.code]).toEqual([422, 'BUDGET_YEAR_CLOSED']);
      expect(late.body.detail).toContain('Budsjettåret 2017 er avsluttet');
      const submitted = await submit(applicantA, open.body.id, 'year-closed-key-1');
      expect([submitted.status, submitted.body.code]).toEqual([422, 'BUDGET_YEAR_CLOSED']);
      expect((await caseFiles(open.body.id))[0]).toEqual({ status: 'draft', case_number: null });
    });

    it("closes the year at midnight Oslo time on New Year's Eve, and says so for a windowed scheme too", async () => {
      clock.set(new Date('2017-12-31T22:59:59Z'));
      expect((await draft(applicantA, municipalityA, {}, 'frivillige-lokale', 2017)).status).toBe(201);
      clock.set(new Date('2017-12-31T23:00:00Z'));
      expect((await draft(applicantA, municipalityA, {}, 'frivillige-lokale', 2017)).body.code).toBe('BUDGET_YEAR_CLOSED');
      expect((await draft(applicantA, municipalityA, jobbsjansenForm(), 'jobbsjansen-a', 2017)).body.code).toBe('BUDGET_YEAR_CLOSED');
    });

    it("no longer lists the year's continuous scheme as open", async () => {
      clock.set(new Date('2026-03-01T10:00:00Z'));
      const scheme = await call(api.baseUrl, '/schemes/frivillige-lokale?year=2017');
      expect(scheme.body.window.status).toBe('closed');
    });
  });

  describe('bad input gets a named 4xx and leaves nothing behind', () => {
    it('refuses an organisation of the wrong kind for the scheme', async () => {
      const before = await dataSource.query('SELECT count(*)::int AS n FROM application');
      const response = await draft(applicantC, association, jobbsjansenForm());
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({ code: 'NOT_ELIGIBLE', errors: [expect.objectContaining({ field: 'organisationNumber' })] });
      expect(await dataSource.query('SELECT count(*)::int AS n FROM application')).toEqual(before);
    });

    it('refuses to submit a form missing a required field', async () => {
      const form = jobbsjansenForm();
      delete (form as Record<string, unknown>).projectTitle;
      const { id } = (await draft(applicantA, municipalityA, form)).body;
      const response = await submit(applicantA, id, 'missing-field-1');
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('FORM_INVALID');
      expect(response.body.errors.map((error: any) => error.field)).toContain('form.projectTitle');
      expect((await caseFiles(id))[0].status).toBe('draft');
    });

    it('refuses a draft field of the wrong type at once', async () => {
      const response = await draft(applicantA, municipalityA, { plannedParticipants: 'many', unknownField: 1 });
      expect(response.status).toBe(400);
      expect(response.body.errors.map((error: any) => error.field)).toEqual(expect.arrayContaining(['form.plannedParticipants', 'form.unknownField']));
    });

    it('refuses an oversized attachment and a disguised one', async () => {
      const { id } = (await draft(applicantA, municipalityA, jobbsjansenForm())).body;
      const oversized = await upload(applicantA, id, 'stor.pdf', Buffer.concat([PDF_BYTES, Buffer.alloc(10 * 1024 * 1024)]));
      expect(oversized.status).toBe(413);
      expect(oversized.body.code).toBe('ATTACHMENT_TOO_LARGE');
      const executable = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(200, 0)]);
      const disguised = await upload(applicantA, id, 'budsjett.pdf', executable);
      expect(disguised.status).toBe(415);
      expect(disguised.body).toMatchObject({ code: 'ATTACHMENT_TYPE_NOT_ALLOWED', errors: [expect.objectContaining({ field: 'file' })] });
      const pngCallingItselfPdf = await upload(applicantA, id, 'scan.pdf', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
      expect(pngCallingItselfPdf.status).toBe(415);
      expect((await call(api.baseUrl, `/applications/${id}`, { token: applicantA })).body.attachments).toEqual([]);
    });
  });

  it('lets the applicant withdraw before a decision, and not submit afterwards', async () => {
    const { id } = (await draft(applicantA, municipalityA, jobbsjansenForm())).body;
    expect((await submit(applicantA, id, 'withdraw-key-0001')).status).toBe(201);
    const withdrawn = await call(api.baseUrl, `/applications/${id}/withdraw`, { method: 'POST', token: applicantA, json: { reason: 'Prosjektet er avlyst' } });
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn' });
    const again = await submit(applicantA, id, 'withdraw-key-0002');
    expect(again.status).toBe(409);
  });
});
