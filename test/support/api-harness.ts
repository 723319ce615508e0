import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { LocalIssuer, type TokenRequest } from '@imdi/auth';
import { loadConfig } from '@imdi/platform';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { readyWithin } from './ready-within';

export interface RunningApi {
  readonly app: NestFastifyApplication;
  readonly baseUrl: string;
  close(): Promise<void>;
}

/** The real API on a free loopback port, against this run's database and Redis. */
export async function startApi(): Promise<RunningApi> {
  return readyWithin('the api', 60_000, listening(), (api) => api.close());
}

async function listening(): Promise<RunningApi> {
  const app = await createApiApp({ logs: false });
  try {
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    await app.close();
    throw error;
  }
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { app, baseUrl, close: () => app.close() };
}

let issuer: Promise<LocalIssuer> | undefined;

export async function tokenFor(request: TokenRequest): Promise<string> {
  const config = loadConfig();
  issuer ??= LocalIssuer.open(config.AUTH_LOCAL_KEY_DIR, config.AUTH_ISSUER, config.AUTH_AUDIENCE);
  return (await issuer).sign(request);
}

export interface HttpResult<Body = unknown> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Body;
}

export interface HttpOptions {
  readonly method?: string;
  readonly token?: string;
  readonly json?: unknown;
  readonly headers?: Record<string, string>;
  readonly body?: string | Uint8Array;
}

export async function call<Body = any>(baseUrl: string, path: string, options: HttpOptions = {}): Promise<HttpResult<Body>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body = options.body;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  const response = await fetch(`${baseUrl}${path}`, { method: options.method ?? 'GET', headers, body });
  const type = response.headers.get('content-type') ?? '';
  const parsed = type.includes('json') ? await response.json() : Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, body: parsed as Body };
}
