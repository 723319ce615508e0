import { AdjustableClock, Clock } from '@imdi/kernel';
import { DataSource } from 'typeorm';
import { call, startApi, tokenFor, type RunningApi } from '../support/api-harness';
import { newAccountNumber, newOrganisationNumber } from '../support/identifiers';

/**
 * Bad input is answered with a named 4xx problem (field and rule, a Norwegian detail) and nothing
 * is stored; never a 500. Each case here answered 500, or something other than problem+json, before.
 */
describe('Bad input never gives a 5xx', () => {
  let api: RunningApi;
  let dataSource: DataSource;
  let admin: string;
  let finance: string;
  let caseworker: string;

  const organisation = (organisationNumber: string, overrides: Record<string, unknown> = {}) => ({
    organisationNumber,
    name: 'Ressurssenter Øst',
    kind: 'organisasjon',
    accountNumber: newAccountNumber(),
    writtenStandard: 'nb',
    contactName: 'Kari Nordmann',
    contactEmail: 'kari@example.no',
    ...overrides,
  });
  const applicantFor = (organisationNumber: string) =>
    tokenFor({ sub: `org-${organisationNumber}`, roles: ['applicant'], organisationNumbers: [organisationNumber] });
  const storedOrganisations = async (organisationNumber: string) =>
    (await dataSource.query(`SELECT count(*)::int AS n FROM organisation WHERE organisation_number = $1`, [organisationNumber]))[0].n as number;

  /** Every refusal: a problem+json 4xx whose detail a Norwegian reader understands. */
  function expectProblem(response: { status: number; headers: Headers; body: any }, status: number, code: string) {
    expect([response.status, response.headers.get('content-type'), response.body.code]).toEqual([status, 'application/problem+json; charset=utf-8', code]);
    expect(response.body.detail).toMatch(/[æøå]|\b(må|ikke|er|og|Sjekk|Fant)\b/);
    expect(response.body.detail).not.toMatch(/\b(must|the|is not|cannot|unexpected)\b/i);
  }

  beforeAll(async () => {
    api = await startApi();
    dataSource = api.app.get(DataSource);
    admin = await tokenFor({ sub: 'ada', roles: ['admin'] });
    finance = await tokenFor({ sub: 'fiona', roles: ['finance'] });
    caseworker = await tokenFor({ sub: 'kaia', roles: ['caseworker'] });
  });
  afterAll(async () => {
    (api.app.get(Clock) as AdjustableClock).set(undefined);
    await api.close();
  });

  describe('control characters, lone surrogates and non-characters', () => {
    it.each([
      ['NUL', 'Ressurs\u0000senter', 'control-character'],
      ['BEL', 'Ressurssenter\u0007', 'control-character'],
      ['DEL', 'Ressurs\u007Fsenter', 'control-character'],
      ['C1 NEL', 'Ressurs\u0085senter', 'control-character'],
      ['a lone high surrogate', 'Ressurs\ud800senter', 'lone-surrogate'],
      ['a lone low surrogate', 'Ressurssenter\udfff', 'lone-surrogate'],
      ['a non-character', 'Ressurs\uFFFEsenter', 'non-character'],
      ['a line break in a name', 'Ressurs\nsenter', 'line-break'],
      ['a tab in a name', 'Ressurs\tsenter', 'line-break'],
    ])('refuses %s in an organisation name, naming field and rule, and stores nothing', async (_what, name, rule) => {
      const organisationNumber = newOrganisationNumber();
      const response = await call(api.baseUrl, '/organisations', {
        method: 'POST',
        token: await applicantFor(organisationNumber),
        json: organisation(organisationNumber, { name }),
      });
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'name', rule })]);
      expect(await storedOrganisations(organisationNumber)).toBe(0);
    });

    it('accepts Norwegian letters, punctuation and emoji (a surrogate pair) in a name', async () => {
      const organisationNumber = newOrganisationNumber();
      const response = await call(api.baseUrl, '/organisations', {
        method: 'POST',
        token: await applicantFor(organisationNumber),
        json: organisation(organisationNumber, { name: 'Æøå – «Bosetting» 😀' }),
      });
      expect([response.status, response.body.name]).toEqual([201, 'Æøå – «Bosetting» 😀']);
    });

    it('names the path of a nested field and an array element', async () => {
      const response = await call(api.baseUrl, '/admin/schemes/jobbsjansen-a/versions/2017', {
        method: 'PATCH',
        token: admin,
        json: { name: { nb: 'Jobbsjansen\u0000', nn: 'Jobbsjansen' }, earmarkCodes: ['ok', 'x\u001by'] },
      });
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(response.body.errors).toEqual([
        expect.objectContaining({ field: 'earmarkCodes.1', rule: 'control-character' }),
        expect.objectContaining({ field: 'name.nb', rule: 'control-character' }),
      ]);
    });

    it('keeps line breaks in a multi-line text but refuses a control character in it', async () => {
      // A version of its own: one that a decision has used (any 2017 one, in a full run) is frozen.
      const created = await call(api.baseUrl, '/admin/schemes/omradesatsing-oslo/versions/2017/next-year', { method: 'POST', token: admin });
      expect(created.status).toBe(201);
      const multiLine = await call(api.baseUrl, '/admin/schemes/omradesatsing-oslo/versions/2018', {
        method: 'PATCH',
        token: admin,
        json: { notes: 'Første linje\r\nAndre linje\tmed tabulator' },
      });
      expect([multiLine.status, multiLine.body.notes]).toEqual([200, 'Første linje\r\nAndre linje\tmed tabulator']);
      const withNul = await call(api.baseUrl, '/admin/schemes/omradesatsing-oslo/versions/2018', {
        method: 'PATCH',
        token: admin,
        json: { notes: 'Første linje\nAndre\u0000linje' },
      });
      expectProblem(withNul, 400, 'VALIDATION_FAILED');
      expect(withNul.body.errors).toEqual([
        expect.objectContaining({ field: 'notes', rule: 'control-character', message: expect.stringContaining('linje 2') }),
      ]);
    });

    it('refuses them in a scheme form answer, in a query and in a path parameter', async () => {
      const organisationNumber = newOrganisationNumber();
      const token = await applicantFor(organisationNumber);
      expect((await call(api.baseUrl, '/organisations', { method: 'POST', token, json: organisation(organisationNumber) })).status).toBe(201);
      const draft = await call(api.baseUrl, '/applications', {
        method: 'POST',
        token,
        json: { organisationNumber, schemeCode: 'nasjonale-ressursmiljoer', budgetYear: 2017, form: { projectTitle: 'Ressurs\u0000senter' } },
      });
      expectProblem(draft, 400, 'VALIDATION_FAILED');
      expect(draft.body.errors).toEqual([expect.objectContaining({ field: 'form.projectTitle', rule: 'control-character' })]);

      const clock = api.app.get(Clock) as AdjustableClock;
      clock.set(new Date(new Date((await call(api.baseUrl, '/schemes/nasjonale-ressursmiljoer?year=2017')).body.window.opensAt).getTime() + 86_400_000));
      const titleOnTwoLines = await call(api.baseUrl, '/applications', {
        method: 'POST',
        token,
        json: { organisationNumber, schemeCode: 'nasjonale-ressursmiljoer', budgetYear: 2017, form: { projectTitle: 'Ressurs\nsenter' } },
      });
      clock.set(undefined);
      expect([titleOnTwoLines.status, titleOnTwoLines.body.code]).toEqual([400, 'FORM_INVALID']);
      expect(titleOnTwoLines.body.errors).toEqual([expect.objectContaining({ field: 'form.projectTitle', rule: 'line-break' })]);

      const query = await call(api.baseUrl, '/casework/queue?scheme=jobbsjansen%00-a', { token: caseworker });
      expectProblem(query, 400, 'VALIDATION_FAILED');
      expect(query.body.errors).toEqual([expect.objectContaining({ field: 'scheme', rule: 'control-character' })]);

      const param = await call(api.baseUrl, '/schemes/jobbsjansen%0A-a', {});
      expectProblem(param, 400, 'VALIDATION_FAILED');
      expect(param.body.errors).toEqual([expect.objectContaining({ field: 'code', rule: 'line-break' })]);
    });

    it('refuses an attachment file name with a control character', async () => {
      const organisationNumber = newOrganisationNumber();
      const token = await applicantFor(organisationNumber);
      await call(api.baseUrl, '/organisations', { method: 'POST', token, json: organisation(organisationNumber) });
      const draft = await call(api.baseUrl, '/applications', {
        method: 'POST',
        token,
        json: { organisationNumber, schemeCode: 'nasjonale-ressursmiljoer', budgetYear: 2017 },
      });
      const upload = await call(api.baseUrl, `/applications/${draft.body.id}/attachments?fileName=${encodeURIComponent('budsjett\u0007.pdf')}`, {
        method: 'POST',
        token,
        body: Buffer.from('%PDF-1.4\n%%EOF\n'),
        headers: { 'content-type': 'application/pdf' },
      });
      expectProblem(upload, 400, 'VALIDATION_FAILED');
      expect(upload.body.errors).toEqual([expect.objectContaining({ field: 'fileName', rule: 'control-character' })]);
    });

    it('refuses a CSV upload with a control character, naming the line, and imports nothing', async () => {
      const response = await call(api.baseUrl, '/payments/per-capita/integreringstilskudd/records/csv', {
        method: 'POST',
        token: finance,
        body: 'nationalIdNumber,organisationNumber,municipalityNumber,settlementDate,category\n12345678901,974760673,0301,2017-03-01,adult\u0000\n',
        headers: { 'content-type': 'text/csv' },
      });
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(response.body.errors).toEqual([
        expect.objectContaining({ field: 'body', rule: 'control-character', message: expect.stringContaining('linje 2') }),
      ]);
    });
  });

  describe('inputs that answered 500', () => {
    it.each([
      ['/payments/runs', { budgetYear: 2017, budgetPost: '496.62', asOf: '2017-02-30' }],
      ['/payments/per-capita/runs', { schemeCode: 'integreringstilskudd', budgetYear: 2017, period: '2017-Q1', asOf: '2017-02-29' }],
    ])('refuses an asOf the calendar lacks on %s', async (path, json) => {
      const response = await call(api.baseUrl, path, { method: 'POST', token: finance, json });
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'asOf', rule: 'isCalendarDate' })]);
    });

    it('refuses asOf 30 February on the budget status and a report order', async () => {
      const status = await call(api.baseUrl, '/budget/2017?asOf=2017-02-30', { token: finance });
      expectProblem(status, 400, 'VALIDATION_FAILED');
      const report = await call(api.baseUrl, '/reports', {
        method: 'POST',
        token: finance,
        json: { kind: 'accounting-status', budgetYear: 2017, asOf: '2017-02-30' },
      });
      expectProblem(report, 400, 'VALIDATION_FAILED');
      expect(report.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'asOf' })]));
    });

    it('refuses per-capita records that are arrays instead of records', async () => {
      const response = await call(api.baseUrl, '/payments/per-capita/integreringstilskudd/records', {
        method: 'POST',
        token: finance,
        json: { records: [[]] },
      });
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'records', rule: 'isObject' })]);
    });

    it('refuses organisationNumber null when correcting a per-capita record', async () => {
      const response = await call(api.baseUrl, '/payments/per-capita/integreringstilskudd/records/0190d1a4-0000-7000-8000-000000000000', {
        method: 'PATCH',
        token: finance,
        json: { organisationNumber: null, reason: 'Feil kommune i NIR' },
      });
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'organisationNumber' })]));
    });

    it('refuses a scheme version name that is a list, and changes nothing', async () => {
      const before = (await call(api.baseUrl, '/schemes/jobbsjansen-a?year=2017')).body.name;
      const response = await call(api.baseUrl, '/admin/schemes/jobbsjansen-a/versions/2017', { method: 'PATCH', token: admin, json: { name: [] } });
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'name', rule: 'isObject' })]);
      expect((await call(api.baseUrl, '/schemes/jobbsjansen-a?year=2017')).body.name).toEqual(before);
    });

    it('refuses an assignment letter with a frame of 0 kr', async () => {
      const organisationNumber = newOrganisationNumber();
      const token = await applicantFor(organisationNumber);
      await call(api.baseUrl, '/organisations', {
        method: 'POST',
        token,
        json: organisation(organisationNumber, { kind: 'kommune', municipalityNumber: '4601' }),
      });
      const response = await call(api.baseUrl, '/casework/assignment-letters', {
        method: 'POST',
        token: caseworker,
        json: { organisationNumber, budgetYear: 2017, frameNok: '0' },
      });
      expectProblem(response, 400, 'INVALID_VALUE');
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'frameNok', rule: 'positive-amount' })]);
    });
  });

  describe('bank account numbers', () => {
    it.each(['7694 05 12057', '7694.05.12057', '7694\u00A005\u00A012057', '76940512057'])('accepts %j and stores the 11 digits', async (accountNumber) => {
      const organisationNumber = newOrganisationNumber();
      const response = await call(api.baseUrl, '/organisations', {
        method: 'POST',
        token: await applicantFor(organisationNumber),
        json: organisation(organisationNumber, { accountNumber }),
      });
      expect([response.status, response.body.accountNumber]).toEqual([201, '76940512057']);
    });
  });

  describe("Fastify's own early answers", () => {
    it('answers an over-long path parameter with problem+json', async () => {
      expectProblem(await call(api.baseUrl, `/schemes/${'a'.repeat(500)}`), 414, 'URI_TOO_LONG');
    });

    it('answers malformed percent-encoding with problem+json', async () => {
      expectProblem(await call(api.baseUrl, '/schemes/%E0%A4%A'), 400, 'BAD_URL');
    });

    it('answers a huge query string with problem+json', async () => {
      expectProblem(await call(api.baseUrl, `/schemes?year=${'1'.repeat(100_000)}`), 431, 'HEADERS_TOO_LARGE');
    });

    it('answers broken and empty JSON with problem+json', async () => {
      expectProblem(
        await call(api.baseUrl, '/organisations', { method: 'POST', token: admin, body: '{"name":', headers: { 'content-type': 'application/json' } }),
        400,
        'JSON_MALFORMED',
      );
      expectProblem(
        await call(api.baseUrl, '/organisations', { method: 'POST', token: admin, body: '', headers: { 'content-type': 'application/json' } }),
        400,
        'JSON_EMPTY',
      );
    });

    it('answers an unknown route in Norwegian', async () => {
      expectProblem(await call(api.baseUrl, '/finnes-ikke'), 404, 'NOT_FOUND');
    });
  });
});
