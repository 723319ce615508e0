import { ROLES } from '@imdi/auth';
import { AdjustableClock, Clock } from '@imdi/kernel';
import { call, startApi, tokenFor, type RunningApi } from '../support/api-harness';
import { hostileFiles, hostileJsonBodies, plausibleValue, type FuzzRequest, type FuzzSchema } from '../support/fuzz-requests';
import { newAccountNumber, newOrganisationNumber } from '../support/identifiers';
import { randomUuid, seededRandom, type Random } from '../support/seeded-random';

interface Parameter {
  readonly name: string;
  readonly in: string;
  readonly required?: boolean;
  readonly schema?: FuzzSchema;
}

interface Operation {
  readonly parameters?: readonly Parameter[];
  readonly requestBody?: { content: Record<string, { schema: FuzzSchema }> };
}

interface OpenApiDocument {
  readonly paths: Record<string, Record<string, Operation>>;
  readonly components: { schemas: Record<string, FuzzSchema> };
}

interface Attempt {
  readonly method: string;
  readonly url: string;
  readonly token?: string;
  readonly request: FuzzRequest;
}

// FUZZ_SEED replays a run; the default keeps CI deterministic.
const SEED = Number(process.env.FUZZ_SEED ?? 21);
const BODIES_PER_JSON_ROUTE = 16;
const CONCURRENCY = 4;
const HOSTILE_PATH_VALUES = ['a'.repeat(300), '%00', '-1', '..', '%E2%80%AE', '99999999999999999999', ' ', '%F0%9F%92%A9'];

/**
 * Sends malformed, deeply nested, oversized and control-character bodies to every POST/PUT/PATCH
 * route in /docs-json (issue 21): no answer may be a 5xx, every 4xx is problem+json, and /health
 * keeps answering in between.
 */
describe('fuzzing every write route in /docs-json', () => {
  let api: RunningApi;
  let document: OpenApiDocument;
  let token: string;
  const known: Record<string, string> = {};

  beforeAll(async () => {
    api = await startApi();
    // Inside the 2017 application window, so that a draft exists and plausible bodies get far.
    const window2017 = (await call<{ window: { opensAt: string } }>(api.baseUrl, '/schemes/mentor-trainee?year=2017')).body.window;
    (api.app.get(Clock) as AdjustableClock).set(new Date(new Date(window2017.opensAt).getTime() + 24 * 3600 * 1000));
    const organisationNumber = newOrganisationNumber();
    token = await tokenFor({ sub: 'fuzz-alle-roller', roles: ROLES, organisationNumbers: [organisationNumber] });
    document = (await call<OpenApiDocument>(api.baseUrl, '/docs-json', { token })).body;
    const registered = await call(api.baseUrl, '/organisations', {
      method: 'POST',
      token,
      json: {
        organisationNumber,
        name: 'Fuzz AS',
        kind: 'organisasjon',
        accountNumber: newAccountNumber(),
        writtenStandard: 'nb',
        contactName: 'Kari',
        contactEmail: 'kari@example.no',
      },
    });
    expect(registered.status).toBe(201);
    const draft = await call<{ id: string }>(api.baseUrl, '/applications', {
      method: 'POST',
      token,
      json: { organisationNumber, schemeCode: 'mentor-trainee', budgetYear: 2017, form: {} },
    });
    expect(draft.status).toBe(201);
    Object.assign(known, { id: draft.body.id, organisationNumber, code: 'mentor-trainee', schemeCode: 'mentor-trainee', year: '2017', budgetPost: '496.73' });
  });
  afterAll(async () => {
    (api.app.get(Clock) as AdjustableClock).set(undefined);
    await api.close();
  });

  it(`answers below 500, in problem+json, and keeps /health up (seed ${SEED})`, async () => {
    console.log(`fuzz seed ${SEED} (replay with FUZZ_SEED=${SEED})`);
    const random = seededRandom(SEED);
    const failures: string[] = [];
    let sent = 0;
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        if (!['post', 'put', 'patch'].includes(method)) continue;
        const attempts = attemptsFor(method.toUpperCase(), path, operation, random);
        for (let start = 0; start < attempts.length; start += CONCURRENCY) {
          const outcomes = await Promise.all(attempts.slice(start, start + CONCURRENCY).map((attempt) => send(attempt)));
          outcomes.forEach((outcome, offset) => {
            if (outcome) failures.push(`#${sent + start + offset} ${outcome}`);
          });
        }
        sent += attempts.length;
        const health = await call(api.baseUrl, '/health');
        if (health.status !== 200) failures.push(`/health answered ${health.status} after ${method.toUpperCase()} ${path}: ${JSON.stringify(health.body)}`);
      }
    }
    console.log(`fuzz seed ${SEED}: ${sent} requests, ${failures.length} failures`);
    expect(sent).toBeGreaterThan(500);
    expect(failures).toEqual([]);
  }, 180_000);

  function attemptsFor(method: string, path: string, operation: Operation, random: Random): Attempt[] {
    const content = operation.requestBody?.content ?? {};
    const jsonSchema = content['application/json']?.schema;
    const fileType = Object.keys(content).find((type) => type !== 'application/json');
    const bodies: FuzzRequest[] = jsonSchema
      ? hostileJsonBodies(jsonSchema, document.components.schemas, random, BODIES_PER_JSON_ROUTE)
      : fileType
        ? hostileFiles(fileType, random)
        : [
            { label: 'no body' },
            { label: 'a body where none is read', contentType: 'application/json', body: '{"unexpected":[[[]]]}' },
            { label: 'deep body where none is read', contentType: 'application/json', body: '['.repeat(5000) },
          ];
    const attempts = bodies.map((request): Attempt => ({
      method,
      url: urlFor(path, operation, random, random.next() < 0.75 ? 'plausible' : 'random'),
      token,
      request,
    }));
    attempts.push({ method, url: urlFor(path, operation, random, 'plausible'), request: bodies[0] });
    for (let index = 0; index < 2 && path.includes('{'); index++)
      attempts.push({ method, url: urlFor(path, operation, random, 'hostile'), token, request: bodies[0] });
    return attempts;
  }

  function urlFor(path: string, operation: Operation, random: Random, kind: 'plausible' | 'random' | 'hostile'): string {
    const parameters = operation.parameters ?? [];
    const valueOf = (parameter: Parameter): string => {
      if (kind === 'hostile') return random.pick(HOSTILE_PATH_VALUES);
      if (kind === 'plausible' && known[parameter.name]) return known[parameter.name];
      if (parameter.schema?.format === 'uuid') return randomUuid(random);
      return encodeURIComponent(String(plausibleValue(parameter.schema ?? {}, document.components.schemas)));
    };
    const filled = path.replace(/\{(\w+)\}/g, (_, name: string) =>
      valueOf(parameters.find((parameter) => parameter.in === 'path' && parameter.name === name) ?? { name, in: 'path' }),
    );
    const query = parameters
      .filter((parameter) => parameter.in === 'query' && (parameter.required || random.next() < 0.5))
      .map(
        (parameter) =>
          `${parameter.name}=${kind === 'hostile' ? random.pick(HOSTILE_PATH_VALUES) : encodeURIComponent(String(plausibleValue(parameter.schema ?? {}, document.components.schemas)))}`,
      );
    return query.length > 0 ? `${filled}?${query.join('&')}` : filled;
  }

  /** The failure, described so it can be replayed, or undefined when the answer is fine. */
  async function send(attempt: Attempt): Promise<string | undefined> {
    const what = `${attempt.method} ${attempt.url.slice(0, 120)} [${attempt.request.label}]${attempt.token ? '' : ' without token'}`;
    const headers: Record<string, string> = { 'idempotency-key': 'fuzz-key' };
    if (attempt.request.contentType) headers['content-type'] = attempt.request.contentType;
    if (attempt.token) headers.authorization = `Bearer ${attempt.token}`;
    try {
      const response = await fetch(`${api.baseUrl}${attempt.url}`, {
        method: attempt.method,
        headers,
        body: attempt.request.body,
        signal: AbortSignal.timeout(20_000),
      });
      const type = response.headers.get('content-type') ?? '';
      const text = await response.text();
      if (response.status >= 500) return `${what} → ${response.status} ${text.slice(0, 200)}`;
      if (response.status >= 400 && !type.startsWith('application/problem+json')) return `${what} → ${response.status} as ${type}: ${text.slice(0, 200)}`;
      return undefined;
    } catch (error) {
      return `${what} → no answer: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
});
