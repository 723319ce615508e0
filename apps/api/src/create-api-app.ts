import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { clientErrorHandler, createValidationPipe, DEFAULT_BODY_LIMIT_BYTES, frameworkErrors, installRequestBodyHandling, type PinoLoggerService } from '@imdi/platform';
import { ApiModule } from './api.module';
import { mountBullBoard } from './bull-board';
import { describeValidatedDtos, routeParameterClasses } from './openapi/validated-dto-openapi';
import { mountWebFrontEnd } from './web-front-end';

/** Builds the HTTP application; used by main.ts and by the end-to-end tests alike. */
export async function createApiApp(logger: PinoLoggerService | false): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    ApiModule,
    new FastifyAdapter({ bodyLimit: DEFAULT_BODY_LIMIT_BYTES, trustProxy: true, frameworkErrors, clientErrorHandler }),
    // Our JSON parser (installRequestBodyHandling) replaces Nest's, which would check neither depth nor say why in Norwegian.
    { logger: logger === false ? false : logger, bufferLogs: logger !== false, bodyParser: false },
  );
  app.useGlobalPipes(createValidationPipe());
  installRequestBodyHandling(app.getHttpAdapter().getInstance());
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
    .build();
  SwaggerModule.setup('docs', app, () => {
    describeValidatedDtos(routeParameterClasses(app));
    return SwaggerModule.createDocument(app, openApi);
  });
  await mountBullBoard(app);
  await mountWebFrontEnd(app);
  return app;
}
