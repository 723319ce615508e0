import fastifyCookie from '@fastify/cookie';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { createValidationPipe, type PinoLoggerService } from '@imdi/platform';
import { ApiModule } from './api.module';
import { mountBullBoard } from './bull-board';
import { gateDocs } from './docs-gate';
import { mountWebFrontEnd } from './web-front-end';

/** Builds the HTTP application; used by main.ts and by the end-to-end tests alike. */
export async function createApiApp(logger: PinoLoggerService | false): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    ApiModule,
    new FastifyAdapter({ bodyLimit: 25 * 1024 * 1024, trustProxy: true }),
    { logger: logger === false ? false : logger, bufferLogs: logger !== false },
  );
  app.useGlobalPipes(createValidationPipe());
  // The browser's session id arrives as a cookie (see libs/auth); no signing: the id is random and looked up.
  await app.register(fastifyCookie as never);
  // Allocation letters and settlement records may be imported as CSV.
  app
    .getHttpAdapter()
    .getInstance()
    .addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => done(null, body));
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
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, openApi));
  await mountBullBoard(app);
  await mountWebFrontEnd(app);
  return app;
}
