import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { DomainError, InvalidValueError } from '@imdi/kernel';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { statusOfDomainError } from './domain-error-status.registry';
import { PROBLEM_CONTENT_TYPE, type FieldProblem, type ProblemDetails, problemType } from './problem-details';
import { bodyTooLarge, RequestBodyRefused } from './request-body';
import { InputValidationException } from './validation.problem';

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

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const problem = { ...this.toProblem(bodyTooLarge(exception, request) ?? exception), instance: request.url.split('?')[0] };
    void reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
  }

  toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof InputValidationException) {
      return problem(400, 'VALIDATION_FAILED', 'The request has invalid fields', exception.problems);
    }
    if (exception instanceof RequestBodyRefused) {
      return problem(exception.statusCode, exception.code, exception.message, [{ field: 'body', rule: exception.rule, message: exception.message }]);
    }
    if (exception instanceof DomainError) {
      const status = exception instanceof InvalidValueError ? 400 : statusOfDomainError(exception);
      if (status === undefined) {
        this.logger.error(`domain error ${exception.code} has no HTTP status mapping`);
        return problem(500, 'INTERNAL', 'An unexpected error occurred');
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
      const status = exception.getStatus();
      const response = exception.getResponse();
      const detail =
        typeof response === 'string'
          ? response
          : typeof response === 'object' && response !== null && 'message' in response
            ? [response.message].flat().join('; ')
            : exception.message;
      return problem(status, HTTP_CODES[status] ?? `HTTP_${status}`, detail);
    }
    if (isFastifyClientError(exception)) {
      return problem(exception.statusCode, HTTP_CODES[exception.statusCode] ?? 'BAD_REQUEST', exception.message);
    }
    this.logger.error(exception instanceof Error ? exception.stack ?? exception.message : 'non-error thrown');
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, 'INTERNAL', 'An unexpected error occurred');
  }
}

function problem(status: number, code: string, detail: string, errors: readonly FieldProblem[] = []): ProblemDetails {
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
