import { call, tokenFor } from '../support/api-harness';
import { eventually } from '../support/eventually';
import { type ChildApp, spawnApi, spawnWorker, stopAll } from '../support/child-processes';

/** The pino lines (JSON, one per line) a child process has written so far. */
function logLines(app: ChildApp): Array<Record<string, any>> {
  return app.output
    .join('')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, any>);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('request ids in the logs of the api and the worker', () => {
  let api: ChildApp & { readonly baseUrl: string };
  let worker: ChildApp;
  let finance: string;

  beforeAll(async () => {
    // The built programs as deployed, logging at info (the tests' default is silent) so their lines can be read.
    api = await spawnApi('api', { LOG_LEVEL: 'info' });
    worker = spawnWorker('worker', { LOG_LEVEL: 'info' });
    finance = await tokenFor({ sub: 'fiona', roles: ['finance'] });
  }, 180_000);

  afterAll(() => stopAll());

  it("answers with the caller's X-Request-Id, and logs the job the request caused under the same id in the worker", async () => {
    const requestId = `rules-test-${Date.now()}`;
    const requested = await call(api.baseUrl, '/reports', {
      method: 'POST',
      token: finance,
      json: { kind: 'accounting-status', budgetYear: 2017 },
      headers: { 'x-request-id': requestId },
    });
    expect([requested.status, requested.headers.get('x-request-id')]).toEqual([202, requestId]);

    const jobLines = await eventually(async () => {
      const lines = logLines(worker).filter((line) => line.requestId === requestId);
      return lines.some((line) => String(line.msg).includes(' done in ')) ? lines : undefined;
    }, 120_000);
    expect(jobLines.map((line) => [line.app, line.job, line.msg.replace(/\d+ ms$/, 'N ms')])).toEqual([
      ['worker', 'reports/build-report', 'job reports/build-report started (attempt 1)'],
      ['worker', 'reports/build-report', 'job reports/build-report done in N ms'],
    ]);
    const requestLine = logLines(api).find((line) => line.requestId === requestId && line.req);
    expect(requestLine).toMatchObject({ app: 'api', req: { method: 'POST', url: '/reports' }, res: { statusCode: 202 } });
  });

  it('makes its own id when the caller sends none or one that is not a sensible id', async () => {
    const none = await call(api.baseUrl, '/health');
    const odd = await call(api.baseUrl, '/health', { headers: { 'x-request-id': 'two words' } });
    const long = await call(api.baseUrl, '/health', { headers: { 'x-request-id': 'x'.repeat(101) } });
    const ids = [none, odd, long].map((response) => response.headers.get('x-request-id'));
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(3);
  });

  it('keeps tokens, cookies and national identity numbers out of the log', async () => {
    const requestId = `rules-secrets-${Date.now()}`;
    const nationalIdNumber = '01018512345';
    const response = await call(api.baseUrl, `/payments/per-capita/integreringstilskudd/records?nationalIdNumber=${nationalIdNumber}`, {
      token: finance,
      headers: { 'x-request-id': requestId, cookie: '__Host-imdi-sesjon=secret-session-id', 'x-csrf-token': 'secret-csrf-token' },
    });
    expect(response.headers.get('x-request-id')).toBe(requestId);
    await eventually(async () => logLines(api).some((line) => line.requestId === requestId && line.res) || undefined, 10_000);
    const output = api.output.join('');
    expect(output).toContain(requestId);
    for (const secret of [finance, nationalIdNumber, 'secret-session-id', 'secret-csrf-token']) expect(output).not.toContain(secret);
  });
});
