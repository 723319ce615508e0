import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
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
 * nestjs-pino on the root logger (redaction and scrubbing of personal data, see logger.ts): Nest's
 * Logger calls go to pino, and in the api each request's id (see `answerRequestId`) is bound to every
 * line logged while the request runs. Request lines carry method, path and status only: no headers,
 * no bodies.
 */
@Module({})
export class LoggingModule {
  static forApp(app: 'api' | 'worker'): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
            pinoHttp: {
              logger: createRootLogger(config.LOG_LEVEL).child({ app }),
              quietReqLogger: true,
              customAttributeKeys: { reqId: REQUEST_ID_KEY },
              serializers: {
                req: (request: { method?: string; url?: string }) => ({ method: request.method, url: scrubSecrets(request.url ?? '') }),
                res: (response: { statusCode?: number }) => ({ statusCode: response.statusCode }),
              },
              customLogLevel: (_request: IncomingMessage, response: ServerResponse, error?: Error) => (error || response.statusCode >= 500 ? 'error' : 'info'),
            },
          }),
        }),
      ],
    };
  }
}
