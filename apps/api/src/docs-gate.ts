import { RequestAuthenticator } from '@imdi/auth';
import { PROBLEM_CONTENT_TYPE, problemType } from '@imdi/platform';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const DOCS_PATH = '/docs';

/**
 * Compared as the router sees it: percent-decoded with dot segments resolved, so `/%64ocs-json` or
 * `/x/../docs` cannot pass the gate and still reach the page.
 */
function isDocsPath(url: string): boolean {
  const path = url.split('?')[0];
  // Letters, digits, - and _ between single slashes: nothing to decode or resolve, the router sees it as written.
  if (PLAIN_PATH.test(path)) return isDocsRoute(path);
  try {
    return isDocsRoute(new URL(decodeURIComponent(path), 'http://gate.invalid').pathname);
  } catch {
    return true;
  }
}

const PLAIN_PATH = /^(\/[A-Za-z0-9_-]+)*\/?$/;

function isDocsRoute(path: string): boolean {
  return path === DOCS_PATH || path.startsWith(`${DOCS_PATH}/`) || path === `${DOCS_PATH}-json` || path === `${DOCS_PATH}-yaml`;
}

/**
 * The OpenAPI pages are Swagger's, outside Nest's guards: open to anyone signed in (session or
 * bearer token). A browser that is not is sent to login and back; a program gets 401.
 */
export function gateDocs(app: NestFastifyApplication): void {
  const authenticator = app.get(RequestAuthenticator);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      if (!isDocsPath(request.url)) return;
      const authentication = await authenticator.authenticate(request);
      if (authentication.ok) return;
      if ((request.headers.accept ?? '').includes('text/html')) return reply.redirect(`/logg-inn?neste=${encodeURIComponent(request.url)}`, 302);
      return reply
        .status(401)
        .header('content-type', PROBLEM_CONTENT_TYPE)
        .send({
          type: problemType('UNAUTHENTICATED'),
          title: 'Unauthenticated',
          status: 401,
          detail: 'The API documentation is for signed-in users: log in, or send a bearer token',
          code: 'UNAUTHENTICATED',
          errors: [],
        });
    });
}
