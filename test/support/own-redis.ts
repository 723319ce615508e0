import { type ChildProcess, spawn } from 'node:child_process';
import { createConnection } from 'node:net';
import { eventually } from './eventually';

/**
 * A Redis server of the test's own (nothing persisted), so stopping or restarting it disturbs nobody
 * else and loses its jobs. Give it a port from freePort (scripts/free-port).
 */
export async function startRedis(port: number): Promise<ChildProcess> {
  const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  await eventually(async () => {
    // A server that could not take the port has exited: whatever answers there is not ours.
    if (server.exitCode !== null || server.signalCode !== null) throw new Error(`redis-server on port ${port} exited at start`);
    return (await new Promise<boolean>((resolve) => {
      const socket = createConnection(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    }))
      ? true
      : undefined;
  }, 10000);
  return server;
}

/** Kills a server and waits until it has gone (at once if it already has). */
export async function kill(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const gone = new Promise((done) => server.once('exit', done));
  server.kill('SIGKILL');
  await gone;
}
