import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { DomainError, InvalidValueError } from '@imdi/kernel';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { DomainErrorStatuses } from './domain-error-statuses';
import { PROBLEM_CONTENT_TYPE, type FieldProblem, type ProblemDetails, problemType } from './problem-details';
import { bodyTooLarge, RequestBodyRefused } from './request-body';
import { fastifyRefusal, fastifyRefusalOfMessage } from './framework-problems';
import { InputValidationException } from './validation.problem';

/** What a person can do about each refusal the framework (not a context) makes. */
const HTTP_DETAILS: Record<number, string> = {
  400: 'Forespørselen kunne ikke leses. Sjekk at den er riktig utformet og prøv igjen.',
  401: 'Du er ikke logget inn, eller innloggingen er utløpt. Logg inn på nytt.',
  403: 'Du har ikke tilgang til dette med rollene du er logget inn med.',
  404: 'Fant ikke det du ba om. Sjekk adressen.',
  405: 'Denne handlingen kan ikke brukes på denne adressen.',
  406: 'Tjenesten kan ikke svare i formatet forespørselen ber om.',
  409: 'Forespørselen er i konflikt med det som allerede er registrert. Last inn på nytt og prøv igjen.',
  413: 'Forespørselen er for stor. Send mindre data om gangen.',
  414: 'Adressen er for lang. Sjekk at lenken er riktig.',
  415: 'Innholdstypen støttes ikke her. Send JSON (application/json), eller CSV (text/csv) der det er oppgitt.',
  422: 'Forespørselen kan ikke behandles slik den er.',
  429: 'For mange forespørsler på kort tid. Vent litt og prøv igjen.',
  431: 'Adressen eller hodene i forespørselen er for store. Gjør søket kortere.',
};

export function httpDetail(status: number): string {
  return HTTP_DETAILS[status] ?? (status >= 500 ? INTERNAL_DETAIL : 'Forespørselen ble avvist. Sjekk den og prøv igjen.');
}

const INTERNAL_DETAIL = 'Noe gikk galt hos oss. Prøv igjen om litt; hvis feilen vedvarer, kontakt IMDi og oppgi tidspunktet.';

/**
 * A database constraint that refuses a value is input the code failed to check: it is answered as
 * a client error (and logged, so the missing check is found), never as a 500. Known cases are
 * checked at their cause; this is the net under them.
 */
const DATABASE_REFUSALS: Record<string, { status: number; code: string; detail: string }> = {
  '23505': {
    status: 409,
    code: 'ALREADY_EXISTS',
    detail: 'Dette er allerede registrert og kan ikke registreres to ganger. Last inn på nytt for å se det som finnes.',
  },
  '23503': { status: 409, code: 'REFERENCE_NOT_FOUND', detail: 'Forespørselen viser til noe som ikke finnes (lenger). Last inn på nytt og prøv igjen.' },
  '23514': {
    status: 422,
    code: 'VALUE_NOT_ALLOWED',
    detail: 'En av verdiene er utenfor det som er tillatt (for eksempel et beløp som må være større enn 0). Rett verdien og prøv igjen.',
  },
  '23502': { status: 400, code: 'VALUE_MISSING', detail: 'Et påkrevd felt mangler eller er tomt (null). Fyll det ut og prøv igjen.' },
  '22P02': { status: 400, code: 'VALUE_MALFORMED', detail: 'En av verdiene har feil format. Sjekk tall, datoer og id-er og prøv igjen.' },
  '22007': { status: 400, code: 'DATE_INVALID', detail: 'En dato har feil format. Skriv datoer som ÅÅÅÅ-MM-DD.' },
  '22008': { status: 400, code: 'DATE_INVALID', detail: 'En dato finnes ikke i kalenderen (for eksempel 30. februar). Rett datoen og prøv igjen.' },
  '22003': { status: 400, code: 'NUMBER_OUT_OF_RANGE', detail: 'Et tall eller beløp er for stort. Rett verdien og prøv igjen.' },
  '22001': { status: 400, code: 'VALUE_TOO_LONG', detail: 'En tekst er for lang. Gjør den kortere og prøv igjen.' },
  '22021': { status: 400, code: 'VALUE_MALFORMED', detail: 'En tekst inneholder tegn som ikke kan lagres. Fjern spesielle tegn og prøv igjen.' },
  '54001': { status: 400, code: 'VALUE_TOO_COMPLEX', detail: 'Forespørselen er for sammensatt til å behandles. Del den opp og prøv igjen.' },
};

const HTTP_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'TOO_MANY_REQUESTS',
};

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  constructor(private readonly statuses: DomainErrorStatuses) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const problem = { ...this.toProblem(bodyTooLarge(exception, request) ?? exception), instance: request.url.split('?')[0] };
    void reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
  }

  toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof InputValidationException) {
      return problem(400, 'VALIDATION_FAILED', validationDetail(exception.problems), exception.problems);
    }
    if (exception instanceof RequestBodyRefused) {
      return problem(exception.statusCode, exception.code, exception.message, [{ field: 'body', rule: exception.rule, message: exception.message }]);
    }
    if (exception instanceof DomainError) {
      const status = exception instanceof InvalidValueError ? 400 : this.statuses.statusOf(exception);
      if (status === undefined) {
        this.logger.error(`domain error ${exception.code} has no HTTP status mapping`);
        return problem(500, 'INTERNAL', INTERNAL_DETAIL);
      }
      const errors: FieldProblem[] = exception.field
        ? [{ field: exception.field, rule: 'rule' in exception ? String(exception.rule) : exception.code, message: exception.message }]
        : [];
      const extensions = ('details' in exception && typeof exception.details === 'object' ? exception.details : {}) as Record<string, unknown>;
      const listed = Array.isArray(extensions.errors) ? (extensions.errors as FieldProblem[]) : errors;
      // The standard members win over a context's details of the same name.
      return { ...extensions, ...problem(status, exception.code, exception.message, listed) };
    }
    if (exception instanceof HttpException) {
      // The framework's own sentences are English and for developers; a person reads the status's.
      const status = exception.getStatus();
      const refusal = fastifyRefusalOfMessage(exception.message);
      if (refusal) return problem(refusal.status, refusal.code, refusal.detail);
      // Our own guards say why in bokmål as { detail }; only the framework's own sentences are replaced.
      const response = exception.getResponse();
      const own =
        typeof response === 'object' && response !== null && 'detail' in response && typeof response.detail === 'string' ? response.detail : undefined;
      if (own) return problem(status, HTTP_CODES[status] ?? `HTTP_${status}`, own);
      return problem(status, HTTP_CODES[status] ?? `HTTP_${status}`, httpDetail(status));
    }
    if (exception instanceof QueryFailedError) {
      const sqlState = (exception.driverError as { code?: unknown } | undefined)?.code;
      const refusal = typeof sqlState === 'string' ? DATABASE_REFUSALS[sqlState] : undefined;
      if (refusal) {
        const constraint = (exception.driverError as { constraint?: unknown }).constraint;
        this.logger.error(
          `database refused input (${sqlState}${typeof constraint === 'string' ? ` ${constraint}` : ''}) that no check caught: ${exception.message}`,
        );
        return problem(refusal.status, refusal.code, refusal.detail);
      }
    }
    if (isFastifyClientError(exception)) {
      const refusal = fastifyRefusal(exception);
      if (refusal) return problem(refusal.status, refusal.code, refusal.detail);
      return problem(exception.statusCode, HTTP_CODES[exception.statusCode] ?? 'BAD_REQUEST', httpDetail(exception.statusCode));
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : 'non-error thrown');
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, 'INTERNAL', INTERNAL_DETAIL);
  }
}

function validationDetail(problems: readonly FieldProblem[]): string {
  const fields = [...new Set(problems.map((entry) => `«${entry.field}»`))];
  return fields.length === 1
    ? `Feltet ${fields[0]} er ikke riktig utfylt. Rett det og send på nytt.`
    : `Feltene ${fields.slice(0, -1).join(', ')} og ${fields.at(-1)} er ikke riktig utfylt. Rett dem og send på nytt.`;
}

export function problem(status: number, code: string, detail: string, errors: readonly FieldProblem[] = []): ProblemDetails {
  return { type: problemType(code), title: titleOf(code), status, detail, code, errors };
}

function titleOf(code: string): string {
  const words = code.toLowerCase().split('_').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function isFastifyClientError(error: unknown): error is { statusCode: number; message: string } {
  return (
    typeof error === 'object' &&
    error !== null &&
    'statusCode' in error &&
    typeof error.statusCode === 'number' &&
    error.statusCode >= 400 &&
    error.statusCode < 500 &&
    'message' in error &&
    typeof error.message === 'string'
  );
}
