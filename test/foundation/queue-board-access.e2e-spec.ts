import { request as httpRequest } from 'node:http';
import { QueueName, QueueRegistry } from '@imdi/platform';
import { startApi, tokenFor, type RunningApi } from '../support/api-harness';

interface RawResult {
  readonly status: number;
  readonly type: string;
  readonly text: string;
}

/** Sends the path exactly as written: fetch() would normalise dot segments and slashes before sending. */
function raw(baseUrl: string, path: string, options: { method?: string; token?: string; accept?: string; json?: unknown } = {}): Promise<RawResult> {
  const url = new URL(baseUrl);
  const body = options.json === undefined ? undefined : JSON.stringify(options.json);
  const headers: Record<string, string> = { accept: options.accept ?? 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (body) headers['content-type'] = 'application/json';
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: url.hostname, port: url.port, path, method: options.method ?? 'GET', headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, type: String(response.headers['content-type'] ?? ''), text: Buffer.concat(chunks).toString('utf8') }),
      );
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** Every spelling a router or a proxy may take for the board's prefix. */
const SPELLINGS = [
  '/admin/queues',
  '/admin/%71ueues',
  '/%61dmin/queues',
  '/%61%64%6d%69%6e/%71%75%65%75%65%73',
  '/admin/%71UEUES',
  '/ADMIN/QUEUES',
  '/Admin/Queues',
  '//admin/queues',
  '/admin//queues',
  '/admin/./queues',
  '/x/../admin/queues',
  '/admin/queues/.',
  '/admin/queues%2f',
  '/admin%2fqueues',
];

const QUEUE = QueueName.Reports;

/** The board's own API, the routes that read or change the queues. */
const BOARD_ROUTES: ReadonlyArray<{ method: string; path: string; json?: unknown }> = [
  { method: 'GET', path: '' },
  { method: 'GET', path: '/' },
  { method: 'GET', path: '/api/queues' },
  { method: 'GET', path: '/api/queues/' },
  { method: 'GET', path: '/api/%71ueues' },
  { method: 'PUT', path: '/api/queues/pause' },
  { method: 'PUT', path: `/api/queues/${QUEUE}/pause` },
  { method: 'POST', path: `/api/queues/${QUEUE}/add`, json: { name: 'intruder', data: {} } },
  { method: 'PUT', path: `/api/queues/${QUEUE}/empty` },
  { method: 'PUT', path: `/api/queues/${QUEUE}/obliterate` },
  { method: 'PUT', path: `/api/queues/${QUEUE}/retry/failed` },
  { method: 'PUT', path: `/api/queues/${QUEUE}/clean/completed` },
];

describe('The queue board', () => {
  let api: RunningApi;
  let admin: string;
  let finance: string;
  let applicantAndCaseworker: string;

  beforeAll(async () => {
    admin = await tokenFor({ sub: 'root', roles: ['admin'] });
    finance = await tokenFor({ sub: 'per', roles: ['finance'] });
    applicantAndCaseworker = await tokenFor({ sub: 'ola', roles: ['applicant', 'caseworker'], organisationNumbers: ['974760673'] });
    api = await startApi();
  });
  afterAll(async () => {
    const queue = api.app.get(QueueRegistry).get(QUEUE);
    await queue.resume();
    await api.close();
  });

  const attempts = SPELLINGS.flatMap((prefix) => BOARD_ROUTES.map((route) => ({ ...route, url: `${prefix}${route.path}` })));

  it('serves nothing of the board, under any spelling of its path, to a caller without a token', async () => {
    const served: string[] = [];
    for (const attempt of attempts) {
      const response = await raw(api.baseUrl, attempt.url, { method: attempt.method, json: attempt.json });
      if (response.status !== 401 && response.status !== 404) served.push(`${attempt.method} ${attempt.url} → ${response.status}`);
    }
    expect(served).toEqual([]);
  });

  it('serves nothing of the board, under any spelling, to a token without the admin role', async () => {
    const served: string[] = [];
    for (const token of [finance, applicantAndCaseworker]) {
      for (const attempt of attempts) {
        const response = await raw(api.baseUrl, attempt.url, { method: attempt.method, json: attempt.json, token });
        if (response.status !== 403 && response.status !== 404) served.push(`${attempt.method} ${attempt.url} → ${response.status}`);
      }
    }
    expect(served).toEqual([]);
  });

  it('left the queues untouched after those attempts: not paused, no job added', async () => {
    const queue = api.app.get(QueueRegistry).get(QUEUE);
    expect(await queue.isPaused()).toBe(false);
    expect(await queue.getJobCountByTypes('waiting', 'paused', 'delayed', 'active')).toBe(0);
  });

  it('refuses the board with a problem+json to an API client and names the cause', async () => {
    const anonymous = await raw(api.baseUrl, '/admin/%71ueues/api/queues');
    expect([anonymous.status, anonymous.type]).toEqual([401, expect.stringContaining('application/problem+json')]);
    expect(JSON.parse(anonymous.text)).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    const forbidden = await raw(api.baseUrl, '/%61dmin/queues/api/queues', { token: finance });
    expect([forbidden.status, forbidden.type]).toEqual([403, expect.stringContaining('application/problem+json')]);
    expect(JSON.parse(forbidden.text)).toMatchObject({ status: 403, code: 'FORBIDDEN' });
  });

  it('shows a browser without access a Norwegian page: log in (401) or the admin role is needed (403)', async () => {
    const accept = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    const anonymous = await raw(api.baseUrl, '/admin/queues', { accept });
    expect([anonymous.status, anonymous.type]).toEqual([401, expect.stringContaining('text/html')]);
    expect(anonymous.text).toContain('lang="nb"');
    expect(anonymous.text).toContain('Du må logge inn');
    expect(anonymous.text).toContain('href="/logg-inn"');
    const forbidden = await raw(api.baseUrl, '/admin/queues/', { accept, token: finance });
    expect([forbidden.status, forbidden.type]).toEqual([403, expect.stringContaining('text/html')]);
    expect(forbidden.text).toContain('Du har ikke tilgang');
    expect(forbidden.text).toContain('administrator');
  });

  it('serves the board and its API to an admin, however the path is spelt', async () => {
    expect((await raw(api.baseUrl, '/admin/queues', { token: admin, accept: 'text/html' })).status).toBe(200);
    for (const url of ['/admin/queues/api/queues', '/admin/%71ueues/api/queues', '/%61dmin/queues/api/queues']) {
      const response = await raw(api.baseUrl, url, { token: admin });
      expect([url, response.status]).toEqual([url, 200]);
      expect(JSON.parse(response.text).queues.map((queue: { name: string }) => queue.name)).toContain(QUEUE);
    }
    const paused = await raw(api.baseUrl, `/admin/%71ueues/api/queues/${QUEUE}/pause`, { method: 'PUT', token: admin });
    expect(paused.status).toBe(200);
    expect(await api.app.get(QueueRegistry).get(QUEUE).isPaused()).toBe(true);
  });
});
