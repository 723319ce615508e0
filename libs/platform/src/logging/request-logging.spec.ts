import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Writable } from 'node:stream';
import { createRootLogger } from './logger';
import { currentRequestId, requestLogging } from './logging.module';

function collectingLogger(): { root: ReturnType<typeof createRootLogger>; lines: () => Array<Record<string, unknown>> } {
  const written: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      written.push(chunk.toString());
      done();
    },
  });
  return {
    root: createRootLogger('info', sink),
    lines: () =>
      written
        .join('')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line)),
  };
}

function exchange(url: string, statusCode: number): { request: IncomingMessage & { id: string }; response: ServerResponse & EventEmitter } {
  const request = { id: 'req-1', method: 'GET', url, headers: {} } as unknown as IncomingMessage & { id: string };
  const response = Object.assign(new EventEmitter(), { statusCode, writableFinished: false }) as unknown as ServerResponse & EventEmitter;
  return { request, response };
}

describe(requestLogging.name, () => {
  it('runs the request with its id bound and writes one line with method, scrubbed path and status once the answer has gone', () => {
    const { root, lines } = collectingLogger();
    const { request, response } = exchange('/records?nationalIdNumber=01019012345', 200);
    let seenInside: string | undefined;
    requestLogging(root)(request, response, () => (seenInside = currentRequestId()));
    expect(seenInside).toBe('req-1');
    expect(lines()).toEqual([]);

    Object.assign(response, { writableFinished: true });
    response.emit('finish');
    response.emit('close');
    expect(lines()).toEqual([
      expect.objectContaining({
        level: 30,
        requestId: 'req-1',
        req: { method: 'GET', url: expect.not.stringContaining('01019012345') },
        res: { statusCode: 200 },
        msg: 'request completed',
      }),
    ]);
  });

  it('writes a server error at error level and a request the caller gave up on as aborted', () => {
    const { root, lines } = collectingLogger();
    const failed = exchange('/a', 500);
    requestLogging(root)(failed.request, failed.response, () => undefined);
    Object.assign(failed.response, { writableFinished: true });
    failed.response.emit('finish');
    const aborted = exchange('/b', 200);
    requestLogging(root)(aborted.request, aborted.response, () => undefined);
    aborted.response.emit('close');
    expect(lines().map((line) => [line.level, line.msg])).toEqual([
      [50, 'request failed'],
      [40, 'request aborted'],
    ]);
  });
});
