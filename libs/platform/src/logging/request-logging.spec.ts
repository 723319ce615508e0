import { Writable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { createRootLogger } from './logger';
import { currentRequestId, logRequests, requestIdOf, REQUEST_ID_HEADER } from './logging.module';

function collectingLogger(level: string): { root: ReturnType<typeof createRootLogger>; lines: () => Array<Record<string, unknown>> } {
  const written: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      written.push(chunk.toString());
      done();
    },
  });
  return {
    root: createRootLogger(level, sink),
    lines: () =>
      written
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe(logRequests.name, () => {
  let fastify: FastifyInstance;
  afterEach(() => fastify.close());

  function serve(level: string) {
    const logs = collectingLogger(level);
    fastify = Fastify({ genReqId: (request) => requestIdOf(request.headers[REQUEST_ID_HEADER]) });
    logRequests(fastify, logs.root);
    // What a service sees after its own awaits and after the body was read: the request's id.
    fastify.post('/records', async (request) => {
      await new Promise((done) => setTimeout(done, 1));
      return { seen: currentRequestId(), body: request.body };
    });
    fastify.get('/broken', async () => {
      throw new Error('boom');
    });
    return logs;
  }

  it('answers the request id, binds it for the handler, and writes one line with method, scrubbed path and status', async () => {
    const { lines } = serve('info');
    const response = await fastify.inject({
      method: 'POST',
      url: '/records?nationalIdNumber=01019012345',
      headers: { 'x-request-id': 'req-1' },
      payload: { a: 1 },
    });
    expect(response.headers['x-request-id']).toBe('req-1');
    expect(response.json()).toEqual({ seen: 'req-1', body: { a: 1 } });
    expect(lines()).toEqual([
      expect.objectContaining({
        level: 30,
        requestId: 'req-1',
        req: { method: 'POST', url: expect.not.stringContaining('01019012345') },
        res: { statusCode: 200 },
        msg: 'request completed',
      }),
    ]);
  });

  it('writes a server error at error level even when info is off, and nothing for a good answer then', async () => {
    const { lines } = serve('warn');
    await fastify.inject({ method: 'POST', url: '/records', payload: {} });
    await fastify.inject({ method: 'GET', url: '/broken', headers: { 'x-request-id': 'req-2' } });
    expect(lines().map((line) => [line.level, line.requestId, line.msg])).toEqual([[50, 'req-2', 'request failed']]);
  });
});
