import { csrfToken } from './session.js';

/** One field-level problem, as the API's RFC 9457 documents list them. */
export interface FieldProblem {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}

/** An application/problem+json answer (or a failure to get any answer), carried as an error. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors: readonly FieldProblem[],
    readonly extensions: Readonly<Record<string, unknown>>,
  ) {
    super(`${status} ${code}: ${detail}`);
    this.name = 'ApiProblem';
  }
}

type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json | undefined };

interface RequestOptions {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly json?: unknown;
  readonly body?: Blob | ArrayBuffer;
  readonly headers?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toFieldProblems(value: unknown): FieldProblem[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((entry) => ({ field: String(entry.field ?? ''), rule: String(entry.rule ?? ''), message: String(entry.message ?? '') }));
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json', ...options.headers };
  const method = options.method ?? 'GET';
  // The session cookie goes with every request; a change also carries the session's CSRF token.
  const csrf = csrfToken();
  if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/octet-stream';
    body = options.body;
  }
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body, signal: options.signal, credentials: 'same-origin' });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiProblem(0, 'NETWORK', 'no answer', [], {});
  }
  if (!response.ok) throw await problemOf(response);
  return response;
}

async function problemOf(response: Response): Promise<ApiProblem> {
  let document: unknown;
  try {
    document = await response.json();
  } catch {
    document = undefined;
  }
  if (!isRecord(document)) return new ApiProblem(response.status, `HTTP_${response.status}`, response.statusText, [], {});
  const { status: _status, code, detail, errors, ...extensions } = document;
  return new ApiProblem(response.status, typeof code === 'string' ? code : `HTTP_${response.status}`, typeof detail === 'string' ? detail : '', toFieldProblems(errors), extensions);
}

/** A JSON request; the caller states the shape it expects, as the API documents it at /docs. */
export async function api<T = Json>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** A file from the API (PDF, XML, CSV) with the name the server suggests. */
export async function file(path: string): Promise<{ blob: Blob; fileName: string | undefined }> {
  const response = await send(path, { headers: { accept: '*/*' } });
  return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('content-disposition')) };
}

function fileNameOf(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded) return decodeURIComponent(encoded[1]);
  return /filename="([^"]+)"/i.exec(disposition)?.[1];
}
