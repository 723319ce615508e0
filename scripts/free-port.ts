import { createServer } from 'node:net';

/**
 * A TCP port on 127.0.0.1 that nothing listens on now: `preferred` if it is free, otherwise one the
 * system hands out. It is free when asked, not reserved, so the caller binds it at once. A random
 * port instead may be taken, and a server that cannot bind it exits while its client talks to
 * whatever holds the port.
 */
export async function freePort(preferred = 0): Promise<number> {
  const tryListen = (port: number): Promise<number | undefined> =>
    new Promise((done) => {
      const server = createServer();
      server.once('error', () => done(undefined));
      server.listen(port, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => done(typeof address === 'object' && address ? address.port : undefined));
      });
    });
  const port = (await tryListen(preferred)) ?? (await tryListen(0));
  if (port === undefined) throw new Error('no free TCP port on 127.0.0.1');
  return port;
}
