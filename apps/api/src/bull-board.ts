import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { RequestAuthenticator } from '@imdi/auth';
import { PROBLEM_CONTENT_TYPE, problemType, QueueRegistry } from '@imdi/platform';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';

export const BULL_BOARD_PATH = '/admin/queues';

/**
 * Bull Board is a Fastify plugin outside Nest's guards. Its gate is a hook of the plugin context that
 * registers the board, so it runs for every route the router matched there however the URL was spelt
 * (percent-encoded letters, dot segments): no string comparison of the URL can be bypassed.
 */
export async function mountBullBoard(app: NestFastifyApplication): Promise<void> {
  const authenticator = app.get(RequestAuthenticator);
  const queues = app.get(QueueRegistry);
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(BULL_BOARD_PATH);
  createBullBoard({ queues: queues.all().map((queue) => new BullMQAdapter(queue)), serverAdapter });
  const board = serverAdapter.registerPlugin() as unknown as FastifyPluginAsync;

  const guarded: FastifyPluginAsync = async (scope: FastifyInstance) => {
    scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      // A bearer token, or the browser's session (the board's own scripts cannot send our CSRF header).
      const decision = await authenticator.authorise(request, ['admin'], { sameOriginProof: true });
      if (decision.ok) return;
      return refuse(request, reply, decision.status);
    });
    await scope.register(board);
  };
  await app.register(guarded as never, { prefix: BULL_BOARD_PATH });
}

const PAGES = {
  401: {
    title: 'Du må logge inn',
    text: 'Køoversikten er bare for administratorer. Logg inn for å se den.',
    link: '<p><a href="/logg-inn">Logg inn</a></p>',
    detail: 'Køoversikten krever innlogging. Send et gyldig token.',
  },
  403: {
    title: 'Du har ikke tilgang',
    text: 'Køoversikten krever rollen administrator. Du er logget inn, men har ikke den rollen. Be en administrator om tilgang.',
    link: '<p><a href="/">Til forsiden</a></p>',
    detail: 'Køoversikten krever rollen admin.',
  },
} as const;

function refuse(request: FastifyRequest, reply: FastifyReply, status: 401 | 403): FastifyReply {
  const page = PAGES[status];
  if (wantsHtml(request.headers.accept)) {
    return reply
      .status(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(
        `<!doctype html>\n<html lang="nb"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${page.title} – IMDi tilskudd</title></head>` +
          `<body><main><h1>${page.title}</h1><p>${page.text}</p>${page.link}</main></body></html>\n`,
      );
  }
  const code = status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN';
  return reply
    .status(status)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .send({
      type: problemType(code),
      title: status === 401 ? 'Unauthenticated' : 'Forbidden',
      status,
      detail: page.detail,
      code,
      errors: [],
      instance: BULL_BOARD_PATH,
    });
}

/** A browser navigating asks for HTML first; an API client asks for JSON or anything. */
function wantsHtml(accept: string | undefined): boolean {
  return /\btext\/html\b/i.test(accept ?? '');
}
