import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { type DynamicModule, Inject, type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { LoggerModule, PARAMS_PROVIDER_TOKEN, type Params } from 'nestjs-pino';
import { Store, storage } from 'nestjs-pino/storage';
import type { Logger } from 'pino';
import { AppConfig } from '../config/app-config';
import { createRootLogger, scrubSecrets } from './logger';

export const REQUEST_ID_HEADER = 'x-request-id';
/** The log field that carries the request id, in the api's lines and in the worker's lines for the jobs a request caused. */
export const REQUEST_ID_KEY = 'requestId';

/** What a caller (a proxy, another service) may send as its request id: short, printable, no spaces. */
const VALID_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

/** The caller's X-Request-Id when it is a sensible id, else a new one. */
export function requestIdOf(header: string | string[] | undefined): string {
  return typeof header === 'string' && VALID_REQUEST_ID.test(header) ? header : randomUUID();
}

/**
 * Fastify names each request (its `genReqId`, given `requestIdOf`); this answers the name in the
 * X-Request-Id header. Nest's middleware hands the same id to pino-http as `req.id`.
 */
export function answerRequestId(fastify: {
  addHook(name: 'onRequest', hook: (request: { id: string }, reply: { header(name: string, value: string): unknown }, done: () => void) => void): unknown;
}): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('X-Request-Id', request.id);
    done();
  });
}

/** The id of the request (or of the request behind the job) this code runs for, if any. */
export function currentRequestId(): string | undefined {
  const id: unknown = storage.getStore()?.logger.bindings()[REQUEST_ID_KEY];
  return typeof id === 'string' ? id : undefined;
}

/** Runs `work` with `logger` as the logger of every Nest Logger call inside it (what the api's middleware does per request). */
export function runWithLogger<T>(logger: Logger, work: () => T): T {
  return storage.run(new Store(logger), work);
}

/**
 * The api's request logging: one child of the root logger per request, carrying the request id,
 * is every Nest Logger call's logger while the request runs, and writes one line when the answer has
 * gone (method, scrubbed path, status, time; no headers, no bodies), at error for a 5xx. It does
 * what pino-http did here with one logger per request instead of two and none of its per-request
 * serializer work (`npm run bench`'s intake profile shows the difference per submit).
 */
export function requestLogging(root: Logger) {
  return (request: IncomingMessage & { id?: string }, response: ServerResponse, next: () => void): void => {
    const started = performance.now();
    const log = root.child({ [REQUEST_ID_KEY]: request.id ?? requestIdOf(request.headers[REQUEST_ID_HEADER]) });
    const done = (): void => {
      response.removeListener('close', done);
      response.removeListener('finish', done);
      const line = {
        req: { method: request.method, url: scrubSecrets(request.url ?? '') },
        res: { statusCode: response.statusCode },
        responseTime: Math.round(performance.now() - started),
      };
      if (!response.writableFinished) log.warn(line, 'request aborted');
      else if (response.statusCode >= 500) log.error(line, 'request failed');
      else log.info(line, 'request completed');
    };
    response.once('finish', done);
    response.once('close', done);
    storage.run(new Store(log), next);
  };
}

/**
 * nestjs-pino on the root logger (redaction and scrubbing of personal data, see logger.ts): Nest's
 * Logger calls go to pino, and in the api each request's id (see `answerRequestId`) is bound to every
 * line logged while the request runs (`requestLogging`, applied here to every route).
 */
@Module({})
export class LoggingModule implements NestModule {
  constructor(@Inject(PARAMS_PROVIDER_TOKEN) private readonly params: Params) {}

  static forApp(app: 'api' | 'worker'): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [AppConfig],
          // nestjs-pino's own pino-http middleware is mounted on no route: requestLogging does its work.
          useFactory: (config: AppConfig): Params => ({ pinoHttp: { logger: createRootLogger(config.LOG_LEVEL).child({ app }) }, forRoutes: [] }),
        }),
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    const root = (this.params.pinoHttp as { logger: Logger }).logger;
    consumer.apply(requestLogging(root)).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
