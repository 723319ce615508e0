import type { Socket } from 'node:net';
import { errorCodes, type FastifyReply, type FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, type ProblemDetails, problemType } from './problem-details';

/** Fastify's own refusals by its error code, said so a person can act on them. */
const FASTIFY_REFUSALS: Record<string, { readonly status: number; readonly code: string; readonly detail: string }> = {
  FST_ERR_BAD_URL: { status: 400, code: 'BAD_URL', detail: 'Adressen inneholder en ugyldig prosentkoding (%). Sjekk at lenken er riktig kopiert.' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, code: 'URI_TOO_LONG', detail: 'En del av adressen er for lang. Sjekk at lenken er riktig kopiert.' },
  FST_ERR_ASYNC_CONSTRAINT: { status: 400, code: 'BAD_REQUEST', detail: 'Forespørselen kunne ikke knyttes til en tjeneste. Sjekk adressen og hodene.' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'INVALID_JSON', detail: 'Innholdet er ikke gyldig JSON. Sjekk klammer, anførselstegn og komma.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'INVALID_JSON',
    detail: 'Innholdet er tomt, men er merket som JSON. Send et JSON-objekt, eller ingen Content-Type.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    detail: 'Innholdstypen støttes ikke her. Send JSON (application/json), eller CSV (text/csv) der det er oppgitt.',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'PAYLOAD_TOO_LARGE', detail: 'Forespørselen er for stor. Send mindre data om gangen.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'BAD_REQUEST', detail: 'Content-Length stemmer ikke med innholdet som ble sendt.' },
  FST_ERR_CTP_INVALID_TYPE: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', detail: 'Content-Type er ugyldig. Send JSON (application/json).' },
};

// Nest turns Fastify's body-parsing errors into an HttpException that keeps only the message.
const BY_MESSAGE = new Map(
  Object.entries(FASTIFY_REFUSALS)
    .filter(([code]) => code.startsWith('FST_ERR_CTP_') && code in errorCodes)
    .map(([code, refusal]) => [new (errorCodes as unknown as Record<string, new () => Error>)[code]().message, refusal]),
);

export function fastifyRefusalOfMessage(message: string): { status: number; code: string; detail: string } | undefined {
  return BY_MESSAGE.get(message);
}

export function fastifyRefusal(error: { code?: unknown; statusCode?: unknown }): { status: number; code: string; detail: string } | undefined {
  return typeof error.code === 'string' ? FASTIFY_REFUSALS[error.code] : undefined;
}

function body(status: number, code: string, detail: string, instance?: string): ProblemDetails {
  const title = code.toLowerCase().split('_').join(' ');
  return {
    type: problemType(code),
    title: title.charAt(0).toUpperCase() + title.slice(1),
    status,
    detail,
    code,
    ...(instance ? { instance } : {}),
    errors: [],
  };
}

/**
 * Fastify answers a malformed URL or an over-long path parameter before any route (and so before
 * Nest's filter) runs; these give the same problem+json.
 */
export function frameworkErrors(error: Error & { code?: string; statusCode?: number }, request: FastifyRequest, reply: FastifyReply): void {
  const refusal = fastifyRefusal(error) ?? {
    status: error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400,
    code: 'BAD_REQUEST',
    detail: 'Forespørselen kunne ikke leses. Sjekk adressen.',
  };
  const path = request.raw.url?.split('?')[0];
  void reply
    .status(refusal.status)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .send(body(refusal.status, refusal.code, refusal.detail, path && path.length <= 200 ? path : undefined));
}

/**
 * Node's HTTP parser refuses some requests (headers or query string too large, broken framing)
 * before Fastify has a request to answer; the answer is written to the socket as problem+json.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason, problem] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [
          431,
          'Request Header Fields Too Large',
          body(431, 'HEADERS_TOO_LARGE', 'Adressen eller hodene i forespørselen er for store (høyst 16 kB). Gjør søket kortere.'),
        ]
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout', body(408, 'REQUEST_TIMEOUT', 'Forespørselen kom ikke fram i tide. Prøv igjen.')]
        : [400, 'Bad Request', body(400, 'BAD_REQUEST', 'Forespørselen kunne ikke leses som HTTP. Sjekk at den er riktig utformet.')];
  const text = JSON.stringify(problem);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Length: ${Buffer.byteLength(text)}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nConnection: close\r\n\r\n${text}`,
    );
  }
  socket.destroy(error);
}
