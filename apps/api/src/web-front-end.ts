import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import { projectRoot } from '@imdi/platform';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Where `npm run build` (vite build apps/web) puts the web front end. */
export const WEB_ROOT = join(projectRoot(), 'dist', 'apps', 'web', 'public');

/**
 * The front end's own paths (Norwegian, so they never collide with the API's English ones). Each
 * answers with the one HTML page; the page's router shows the view for the path, or its own 404.
 */
export const WEB_PATHS = [
  '/logg-inn',
  '/logget-ut',
  '/velg-organisasjon',
  '/ordninger',
  '/organisasjon',
  '/soknader',
  '/saker',
  '/rapportering',
  '/saksbehandling',
  '/okonomi',
  '/departementet',
  '/rapporter',
  '/godkjenning',
  '/administrasjon',
  '/offentlig-journal',
] as const;

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

const SECURITY_HEADERS = { 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };

/** A page a browser gets when no page or API answer fits: Norwegian HTML, not the API's JSON. */
export function plainPage(title: string, text: string): string {
  return `<!doctype html>
<html lang="nb">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} – IMDi tilskudd</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5">
<main><h1>${title}</h1><p>${text}</p><p><a href="/">Gå til forsiden</a></p></main>
</body>
</html>
`;
}

const NOT_FOUND_PAGE = plainPage('Fant ikke siden', 'Adressen kan være feilskrevet, eller siden kan være flyttet.');
const ERROR_PAGE = plainPage('Noe gikk galt', 'Tjenesten klarte ikke å svare akkurat nå. Prøv igjen om litt.');

/** A person's browser asking for a page (not a program asking for JSON). */
function wantsPage(request: FastifyRequest): boolean {
  return (request.method === 'GET' || request.method === 'HEAD') && (request.headers.accept ?? '').includes('text/html');
}

/** Serves the web front end at `/` beside the API, /docs, /health and /admin/queues. */
export async function mountWebFrontEnd(app: NestFastifyApplication): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  // A browser that lands on a missing address or a failure gets Norwegian HTML instead of problem+json.
  fastify.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const status = reply.statusCode;
    if (!wantsPage(request) || (status !== 404 && status < 500)) return payload;
    if (!String(reply.getHeader('content-type') ?? '').includes('json')) return payload;
    void reply.type('text/html; charset=utf-8').headers(SECURITY_HEADERS);
    return status === 404 ? NOT_FOUND_PAGE : ERROR_PAGE;
  });
  if (!existsSync(join(WEB_ROOT, 'index.html'))) {
    // Tests and `npm start` build first; a bare `jest` run on a clean checkout gets this instead of a blank page.
    fastify.get('/', (_request: FastifyRequest, reply: FastifyReply) =>
      reply.type('text/plain; charset=utf-8').send('Nettsidene er ikke bygget: kjør npm run build'),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root: WEB_ROOT,
    prefix: '/',
    // Routes for the files that exist, not a catch-all that would swallow the API's 404s.
    wildcard: false,
    index: 'index.html',
    setHeaders: (reply, path) => {
      void reply.headers(SECURITY_HEADERS);
      // Vite names its bundles by content: they never change under the same name.
      if (path.includes(`${join('public', 'assets')}`)) void reply.header('cache-control', 'public, max-age=31536000, immutable');
    },
  });
  const page = (_request: FastifyRequest, reply: FastifyReply): FastifyReply => reply.header('cache-control', 'no-cache').sendFile('index.html');
  for (const path of WEB_PATHS) {
    fastify.get(path, page);
    fastify.get(`${path}/*`, page);
  }
}
