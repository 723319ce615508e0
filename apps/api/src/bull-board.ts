import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { Authenticator } from '@imdi/auth';
import { PROBLEM_CONTENT_TYPE, problemType, QueueRegistry } from '@imdi/platform';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const BULL_BOARD_PATH = '/admin/queues';

/** Bull Board is a Fastify plugin outside Nest's guards, so it gets its own admin-only gate. */
export async function mountBullBoard(app: NestFastifyApplication): Promise<void> {
  const authenticator = app.get(Authenticator);
  const queues = app.get(QueueRegistry);
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(BULL_BOARD_PATH);
  createBullBoard({ queues: queues.all().map((queue) => new BullMQAdapter(queue)), serverAdapter });

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.url.startsWith(BULL_BOARD_PATH)) return;
    const refuse = (status: 401 | 403, detail: string): FastifyReply =>
      reply
        .status(status)
        .header('content-type', PROBLEM_CONTENT_TYPE)
        .send({ type: problemType(status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN'), title: status === 401 ? 'Unauthenticated' : 'Forbidden', status, detail, code: status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN', errors: [] });
    // A bearer token, or the browser's session (the board's own scripts cannot send our CSRF header).
    const authentication = await authenticator.authenticate(request, { sameOriginProof: true });
    if (!authentication.ok) return refuse(401, authentication.error.message);
    if (!authentication.principal.roles.includes('admin')) return refuse(403, 'The queue board requires the admin role');
  });
  await app.register(serverAdapter.registerPlugin() as never, { prefix: BULL_BOARD_PATH });
}
