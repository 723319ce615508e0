import type { IncomingMessage } from 'node:http';
import fastifyCookie from '@fastify/cookie';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { BANK_FILE_ROUTE } from '@imdi/payments';
import {
  clientErrorHandler,
  createValidationPipe,
  DEFAULT_BODY_LIMIT_BYTES,
  frameworkErrors,
  installRequestBodyHandling,
  installRequestLogging,
  REQUEST_ID_HEADER,
  requestIdOf,
} from '@imdi/platform';
import { ApiModule } from './api.module';
import { mountBullBoard } from './bull-board';
import { describeValidatedDtos, routeParameterClasses } from './openapi/validated-dto-openapi';
import { gateDocs } from './docs-gate';
import { mountWebFrontEnd } from './web-front-end';

/**
 * Builds the HTTP application; used by main.ts and by the end-to-end tests alike. With `logs`, Nest's
 * own lines go to pino too (nestjs-pino); request lines are pino's in any case, at LOG_LEVEL.
 */
export async function createApiApp({ logs }: { logs: boolean }): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    ApiModule,
    new FastifyAdapter({
      bodyLimit: DEFAULT_BODY_LIMIT_BYTES,
      trustProxy: true,
      frameworkErrors,
      clientErrorHandler,
      genReqId: (request: IncomingMessage) => requestIdOf(request.headers[REQUEST_ID_HEADER]),
    }),
    // Our JSON parser (installRequestBodyHandling) replaces Nest's, which would check neither depth nor say why in Norwegian.
    { ...(logs ? { bufferLogs: true } : { logger: false }), bodyParser: false },
  );
  if (logs) app.useLogger(app.get(Logger));
  installRequestLogging(app);
  app.useGlobalPipes(createValidationPipe());
  installRequestBodyHandling(app.getHttpAdapter().getInstance());
  // The browser's session id arrives as a cookie (see libs/auth); no signing: the id is random and looked up.
  // No parsing hook: only the routes that ask for a cookie parse the header (readCookie), so the calls of
  // system clients, which carry a bearer token, pay for no cookie parsing.
  await app.register(fastifyCookie as never, { hook: false });
  // Allocation letters and settlement records may be imported as CSV.
  app
    .getHttpAdapter()
    .getInstance()
    .addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  // The bank's return files (pain.002, camt.054) may be hundreds of megabytes: the route gets the raw
  // stream and spools it to disk itself, with its own size limit, instead of a buffer in memory.
  // Other routes (an XML attachment) get the buffer every raw body gets, within the same limit.
  const bodyLimit = app.getHttpAdapter().getInstance().initialConfig.bodyLimit ?? 25 * 1024 * 1024;
  app
    .getHttpAdapter()
    .getInstance()
    .addContentTypeParser(['application/xml', 'text/xml'], (request, payload, done) => {
      if (request.routeOptions.url === BANK_FILE_ROUTE) return done(null, payload);
      const parts: Buffer[] = [];
      let size = 0;
      payload.on('data', (part: Buffer) => {
        size += part.length;
        if (size > bodyLimit) {
          payload.destroy();
          done(Object.assign(new Error(`Request body is larger than ${bodyLimit} bytes`), { statusCode: 413 }), undefined);
        } else parts.push(part);
      });
      payload.on('end', () => size <= bodyLimit && done(null, Buffer.concat(parts)));
      payload.on('error', (error) => done(error, undefined));
    });
  // Attachments arrive as raw bodies; their type is judged by content, not by the declared header.
  app
    .getHttpAdapter()
    .getInstance()
    .addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  app.enableShutdownHooks();

  const openApi = new DocumentBuilder()
    .setTitle('IMDi tilskuddsforvaltning')
    .setDescription('Grant administration: schemes, applications, decisions, payouts, reports')
    .addBearerAuth()
    .addCookieAuth('__Host-imdi-sesjon')
    .build();
  gateDocs(app);
  SwaggerModule.setup('docs', app, () => {
    describeValidatedDtos(routeParameterClasses(app));
    return SwaggerModule.createDocument(app, openApi);
  });
  await mountBullBoard(app);
  await mountWebFrontEnd(app);
  return app;
}
