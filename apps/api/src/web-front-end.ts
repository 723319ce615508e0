import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import { projectRoot } from '@imdi/platform';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Where `npm run build` puts the web front end: its compiled modules and its HTML and CSS. */
export const WEB_ROOT = join(projectRoot(), 'dist', 'apps', 'web', 'public');

/**
 * The front end's own paths (Norwegian, so they never collide with the API's English ones). Each
 * answers with the one HTML page, whose script renders the view for the path.
 */
export const WEB_PATHS = ['/logg-inn', '/logget-ut', '/velg-organisasjon', '/ordninger', '/organisasjon', '/soknader', '/rapportering', '/saksbehandling', '/okonomi', '/departementet', '/rapporter'] as const;

/*
 * The session is an httpOnly cookie no script can read, but an injected script could still act with
 * it: only our own scripts and styles may run, and the page may not be framed.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Serves the web front end at `/` beside the API, /docs, /health and /admin/queues. */
export async function mountWebFrontEnd(app: NestFastifyApplication): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  if (!existsSync(join(WEB_ROOT, 'index.html'))) {
    // Tests and `npm start` build first; a bare `jest` run on a clean checkout gets this instead of a blank page.
    fastify.get('/', (_request: FastifyRequest, reply: FastifyReply) => reply.type('text/plain; charset=utf-8').send('The web front end is not built: run npm run build'));
    return;
  }
  await app.register(fastifyStatic, {
    root: WEB_ROOT,
    prefix: '/',
    // Routes for the files that exist, not a catch-all that would swallow the API's 404s.
    wildcard: false,
    index: 'index.html',
    setHeaders: (reply) => {
      void reply.header('content-security-policy', CONTENT_SECURITY_POLICY).header('x-content-type-options', 'nosniff').header('referrer-policy', 'no-referrer');
    },
  });
  const page = (_request: FastifyRequest, reply: FastifyReply): FastifyReply => reply.sendFile('index.html');
  for (const path of WEB_PATHS) {
    fastify.get(path, page);
    fastify.get(`${path}/*`, page);
  }
}
