import createClient from 'openapi-fetch';
import type { paths } from './schema';

/**
 * The api's client, typed from its OpenAPI document (apps/web/src/api/openapi.json, generated into
 * schema.d.ts at build time): paths, parameters and bodies are checked against what the server takes.
 * The session is an httpOnly cookie; every change also carries the session's CSRF token.
 */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin', headers: { accept: 'application/json, application/problem+json' } });

let csrfToken: string | undefined;

export function rememberCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

api.use({
  onRequest({ request }) {
    if (request.method !== 'GET' && request.method !== 'HEAD' && csrfToken) request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
});

/** One field-level problem, as the api's RFC 9457 documents list them. */
export interface FieldProblem {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}

/** An application/problem+json answer (or no answer at all), carried as an error. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors: readonly FieldProblem[],
  ) {
    super(detail || `${status} ${code}`);
    this.name = 'ApiProblem';
  }
}

/**
 * A field's problem as shown beside the field itself: without the api's name for the field, which
 * means nothing there («name.nn» må være minst 1 tegn. → Må være minst 1 tegn.).
 */
export function messageBesideField(entry: FieldProblem): string {
  const named = `«${entry.field}» `;
  return entry.message.startsWith(named) ? entry.message.charAt(named.length).toUpperCase() + entry.message.slice(named.length + 1) : entry.message;
}

function problemOf(status: number, document: unknown): ApiProblem {
  const record = typeof document === 'object' && document !== null ? (document as Record<string, unknown>) : {};
  const errors = Array.isArray(record.errors)
    ? record.errors.map((entry: Record<string, unknown>) => ({
        field: String(entry.field ?? ''),
        rule: String(entry.rule ?? ''),
        message: String(entry.message ?? ''),
      }))
    : [];
  return new ApiProblem(
    status,
    typeof record.code === 'string' ? record.code : `HTTP_${status}`,
    typeof record.detail === 'string' ? record.detail : '',
    errors,
  );
}

/**
 * The answer's body, or an ApiProblem. The caller names the answer's shape from ./views (or
 * ../staff/views), where the answers are the response types generated from the OpenAPI document.
 */
export async function answer<T>(request: Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: unknown; error?: unknown; response: Response };
  try {
    result = await request;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiProblem(0, 'NETWORK', '', []);
  }
  if (!result.response.ok) throw problemOf(result.response.status, result.error);
  return result.data as T;
}
