import { randomUUID } from 'node:crypto';
import { call, startApi, tokenFor, type HttpResult, type RunningApi } from '../support/api-harness';

const MiB = 1024 * 1024;
const deepArrays = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);

/** Bodies are refused by size and nesting before anything recursive reads them (issue 21). */
describe('request bodies', () => {
  let api: RunningApi;
  let finance: string;
  let admin: string;
  const delegation = (reference: string): string => `{"approverId":"grenser-godkjenner","budgetPost":"496.62","maxAmountNok":"1000","reference":${reference}}`;

  beforeAll(async () => {
    api = await startApi();
    finance = await tokenFor({ sub: 'grenser-okonomi', roles: ['finance'] });
    admin = await tokenFor({ sub: 'grenser-admin', roles: ['admin'] });
  });
  afterAll(() => api.close());

  const postJson = (path: string, body: string | Uint8Array, token?: string, contentType = 'application/json'): Promise<HttpResult> =>
    call(api.baseUrl, path, { method: 'POST', token, headers: { 'content-type': contentType }, body });

  const expectProblem = (response: HttpResult, status: number, code: string): void => {
    expect({ status: response.status, code: (response.body as { code?: string }).code }).toEqual({ status, code });
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  };

  it('refuses JSON nested deeper than 32 levels with 400 JSON_TOO_DEEP, in Norwegian and naming the limit', async () => {
    const response = await postJson('/admin/delegations', deepArrays(10_000));
    expectProblem(response, 400, 'JSON_TOO_DEEP');
    expect(response.body).toMatchObject({ detail: expect.stringContaining('høyst 32 nivåer'), errors: [{ field: 'body', rule: 'max-depth' }] });

    const insideAnObject = await postJson('/admin/delegations', delegation(deepArrays(33)), admin);
    expectProblem(insideAnObject, 400, 'JSON_TOO_DEEP');
  });

  it('lets 32 levels through to validation, and does not count brackets inside strings', async () => {
    expectProblem(await postJson('/admin/delegations', delegation(deepArrays(31)), admin), 400, 'VALIDATION_FAILED');
    const bracketsInText = await postJson('/admin/delegations', delegation(JSON.stringify('['.repeat(150))), admin);
    expect(bracketsInText.status).toBe(201);
  });

  it('refuses malformed and empty JSON with 400 and a Norwegian detail', async () => {
    const malformed = await postJson('/admin/delegations', '{"role": "admin",');
    expectProblem(malformed, 400, 'JSON_MALFORMED');
    expect(malformed.body).toMatchObject({ detail: expect.stringContaining('ikke gyldig JSON') });
    expectProblem(await postJson('/admin/delegations', ''), 400, 'JSON_EMPTY');
    expectProblem(await postJson('/admin/delegations', '{"__proto__":{"role":"admin"}}'), 400, 'JSON_MALFORMED');
  });

  it('reads +json media types as JSON, with the same checks', async () => {
    const created = await postJson('/admin/delegations', delegation('"Delegering sendt som merge-patch+json"'), admin, 'application/merge-patch+json');
    expect(created.status).toBe(201);
    expectProblem(await postJson('/admin/delegations', deepArrays(100), undefined, 'application/merge-patch+json'), 400, 'JSON_TOO_DEEP');
  });

  it('refuses a JSON body over 1 MB with 413 BODY_TOO_LARGE naming the limit', async () => {
    const big = delegation(JSON.stringify('x'.repeat(MiB)));
    const response = await postJson('/admin/delegations', big);
    expectProblem(response, 413, 'BODY_TOO_LARGE');
    expect(response.body).toMatchObject({ detail: 'Forespørselen er for stor: høyst 1 MB kan sendes hit.' });
  });

  it('refuses an over-large body sent without a length (chunked) once it passes the limit', async () => {
    const chunk = new TextEncoder().encode('['.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 64) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const response = await fetch(`${api.baseUrl}/admin/delegations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: 'BODY_TOO_LARGE' });
  });

  it('takes larger bodies only where files and large imports arrive', async () => {
    // 2 MB of settlement records reaches validation (one bad record among them), where any other JSON route refuses it.
    const records = Array.from({ length: 9000 }, () => ({
      nationalIdNumber: '0'.repeat(11),
      organisationNumber: '0'.repeat(9),
      municipalityNumber: '0301',
      settlementDate: '2017-01-01',
      category: 'child',
      specialCriterion: false,
    }));
    records.push({ ...records[0], settlementDate: 'ikke en dato' });
    const body = JSON.stringify({ records });
    expect(body.length).toBeGreaterThan(MiB);
    const imported = await postJson('/payments/per-capita/integreringstilskudd/records', body, finance);
    expectProblem(imported, 400, 'VALIDATION_FAILED');
    expectProblem(await postJson('/payments/runs', body, finance), 413, 'BODY_TOO_LARGE');

    const applicant = await tokenFor({ sub: 'grenser-soker', roles: ['applicant'], organisationNumbers: ['974760673'] });
    const file = await call(api.baseUrl, `/applications/${randomUUID()}/attachments?fileName=stor.pdf`, {
      method: 'POST',
      token: applicant,
      headers: { 'content-type': 'application/octet-stream' },
      body: new Uint8Array(3 * MiB),
    });
    // Read in full and judged by its content (zeros are no PDF), not refused for its size.
    expectProblem(file, 415, 'ATTACHMENT_TYPE_NOT_ALLOWED');
    // Just over the attachment rule's 10 MB, the rule answers with its own code; far beyond, the body is not read.
    const overTheRule = await call(api.baseUrl, `/applications/${randomUUID()}/attachments?fileName=stor.pdf`, {
      method: 'POST',
      token: applicant,
      headers: { 'content-type': 'application/octet-stream' },
      body: new Uint8Array(10 * MiB + 1),
    });
    expectProblem(overTheRule, 413, 'ATTACHMENT_TOO_LARGE');
    const tooLarge = await call(api.baseUrl, `/applications/${randomUUID()}/attachments?fileName=stor.pdf`, {
      method: 'POST',
      token: applicant,
      headers: { 'content-type': 'application/octet-stream' },
      body: new Uint8Array(20 * MiB + 1),
    });
    expectProblem(tooLarge, 413, 'BODY_TOO_LARGE');
    expect(tooLarge.body).toMatchObject({ detail: 'Forespørselen er for stor: høyst 20 MB kan sendes hit.' });
  });

  it('keeps answering /health while megabytes of deep nesting arrive from callers without a token', async () => {
    const justUnderTheLimit = deepArrays(MiB / 2 - 16);
    const attacks = Array.from({ length: 12 }, (_, index) => postJson('/admin/delegations', index % 3 === 0 ? deepArrays(2 * MiB) : justUnderTheLimit));
    const health = Array.from({ length: 12 }, () => call(api.baseUrl, '/health'));
    const [refused, healthy] = await Promise.all([Promise.all(attacks), Promise.all(health)]);
    expect(healthy.map((response) => response.status)).toEqual(Array(12).fill(200));
    expect(refused.map((response) => `${response.status} ${(response.body as { code: string }).code}`)).toEqual(
      Array.from({ length: 12 }, (_, index) => (index % 3 === 0 ? '413 BODY_TOO_LARGE' : '400 JSON_TOO_DEEP')),
    );
  });
});
