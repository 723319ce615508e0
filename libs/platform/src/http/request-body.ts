import { applyDecorators, HttpException } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import type { FastifyBodyParser, FastifyInstance, FastifyRequest } from 'fastify';
import { jsonNestingDepth } from './json-nesting';

/** Every JSON body the api takes fits in this; routes that take files or large imports say so with @BodyLimit. */
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;
/** Our deepest DTO nests 4 levels; the slack keeps scheme forms free, and recursion in validation bounded. */
export const MAX_JSON_DEPTH = 32;

/** A body the api refuses before reading it as a request: too large, too deep, not JSON. */
export class RequestBodyRefused extends Error {
  constructor(
    readonly statusCode: 400 | 413,
    readonly code: 'BODY_TOO_LARGE' | 'JSON_TOO_DEEP' | 'JSON_MALFORMED' | 'JSON_EMPTY',
    readonly rule: string,
    detail: string,
  ) {
    super(detail);
  }
}

/** Raises the body size this route accepts above DEFAULT_BODY_LIMIT_BYTES. */
export function BodyLimit(maxBytes: number): MethodDecorator {
  return RouteConfig({ bodyLimit: maxBytes });
}

/** The route takes a file as the raw request body (not JSON), of at most maxBytes. */
export function AcceptsFile(mediaTypes: readonly [string, ...string[]], maxBytes: number): MethodDecorator {
  return applyDecorators(
    BodyLimit(maxBytes),
    ApiConsumes(...mediaTypes),
    ApiBody({
      required: true,
      description: `Selve filen som forespørselens innhold; ruten leser høyst ${describeBytes(maxBytes)}.`,
      schema: { type: 'string', format: 'binary' },
    }),
  );
}

/**
 * Installs the body limits and the JSON parser on the Fastify instance; call before the routes
 * are registered (before app.init()).
 */
export function installRequestBodyHandling(fastify: FastifyInstance): void {
  fastify.addHook('onRoute', (route) => {
    const limit = (route.config as { bodyLimit?: unknown } | undefined)?.bodyLimit;
    if (typeof limit === 'number') route.bodyLimit = limit;
  });

  // Fastify's own parser (secure-json-parse: refuses __proto__ and constructor.prototype), behind a
  // depth check that costs one pass over the text and no recursion.
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  const parser: FastifyBodyParser<string> = (request, text, done) => {
    if (text.trim() === '') {
      done(
        new RequestBodyRefused(
          400,
          'JSON_EMPTY',
          'json',
          'Forespørselen sier at den inneholder JSON, men er tom. Send et JSON-objekt, eller send uten Content-Type.',
        ),
        undefined,
      );
      return;
    }
    if (jsonNestingDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
      done(
        new RequestBodyRefused(
          400,
          'JSON_TOO_DEEP',
          'max-depth',
          `JSON-innholdet er nøstet for dypt: høyst ${MAX_JSON_DEPTH} nivåer med lister og objekter er tillatt.`,
        ),
        undefined,
      );
      return;
    }
    parseJson(request, text, (error, parsed) => {
      if (error)
        done(
          new RequestBodyRefused(400, 'JSON_MALFORMED', 'json', 'Innholdet i forespørselen er ikke gyldig JSON. Rett opp innholdet og send på nytt.'),
          undefined,
        );
      else done(null, parsed);
    });
  };
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, parser);
  fastify.addContentTypeParser(/^application\/[\w.-]+\+json$/, { parseAs: 'string' }, parser);
}

/**
 * Fastify's own refusal of a body over the route's limit (Nest hands it on as an HttpException
 * with status 413), said in Norwegian with the limit.
 */
export function bodyTooLarge(error: unknown, request: FastifyRequest): RequestBodyRefused | undefined {
  const isTooLarge =
    error instanceof HttpException
      ? error.getStatus() === 413
      : typeof error === 'object' && error !== null && 'code' in error && error.code === 'FST_ERR_CTP_BODY_TOO_LARGE';
  if (!isTooLarge) return undefined;
  const limit = request.routeOptions?.bodyLimit ?? DEFAULT_BODY_LIMIT_BYTES;
  return new RequestBodyRefused(413, 'BODY_TOO_LARGE', 'max-size', `Forespørselen er for stor: høyst ${describeBytes(limit)} kan sendes hit.`);
}

function describeBytes(bytes: number): string {
  const mebibytes = bytes / (1024 * 1024);
  return mebibytes >= 1 ? `${new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 1 }).format(mebibytes)} MB` : `${Math.ceil(bytes / 1024)} kB`;
}
