import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { bearerToken, TokenVerifier } from '@imdi/auth';
import { PROBLEM_CONTENT_TYPE, problemType, QueueRegistry } from '@imdi/platform';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const BULL_BOARD_PATH = '/admin/queues';
const TOKEN_COOKIE = 'imdi_token';

/** Bull Board is a Fastify plugin outside Nest's guards, so it gets its own admin-only gate. */
export async function mountBullBoard(app: NestFastifyApplication): Promise<void> {
  const verifier = app.get(TokenVerifier);
  const queues = app.get(QueueRegistry);
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(BULL_BOARD_PATH);
  createBullBoard({ queues: queues.all().map((queue) => new BullMQAdapter(queue)), serverAdapter });

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.url.startsWith(BULL_BOARD_PATH)) return;
    const token = bearerToken(request.headers.authorization) ?? cookie(request.headers.cookie, TOKEN_COOKIE);
    const refuse = (status: 401 | 403, detail: string): FastifyReply =>
      reply
        .status(status)
        .header('content-type', PROBLEM_CONTENT_TYPE)
        .send({ type: problemType(status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN'), title: status === 401 ? 'Unauthenticated' : 'Forbidden', status, detail, code: status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN', errors: [] });
    if (!token) return refuse(401, 'A bearer token is required');
    const result = await verifier.verify(token);
    if (!result.ok) return refuse(401, 'The token is not valid');
    if (!result.principal.roles.includes('admin')) return refuse(403, 'The queue board requires the admin role');
  });
  await app.register(serverAdapter.registerPlugin() as never, { prefix: BULL_BOARD_PATH });
}

function cookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}
