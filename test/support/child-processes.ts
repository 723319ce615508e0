import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '@imdi/platform';
import { freePort } from '../../scripts/free-port';
import { eventually } from './eventually';

/**
 * The built api and worker as separate processes on the file's own database and queue prefix (the
 * test environment is inherited), as a deployment runs several replicas of each. Needs `npm run build`.
 */
export interface ChildApp {
  readonly name: string;
  readonly process: ChildProcess;
  readonly output: string[];
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export async function spawnApi(name: string, env: Record<string, string> = {}): Promise<ChildApp & { readonly baseUrl: string }> {
  const port = await freePort();
  const child = spawnBuilt(name, 'apps/api/src/main.js', { ...env, API_PORT: String(port), API_HOST: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${port}`;
  let lastHealth = 'no answer';
  // Booting Nest takes seconds, many more on a busy machine.
  await eventually(async () => {
    if (child.process.exitCode !== null) throw new Error(`${name} exited with ${child.process.exitCode}: ${child.output.join('')}`);
    const health = await fetch(`${baseUrl}/health`).catch(() => undefined);
    if (health) lastHealth = `${health.status} ${await health.text()}`;
    return health?.ok ? true : undefined;
  }, 120_000).catch((error: unknown) => {
    throw new Error(`${name} never became healthy (last /health: ${lastHealth}): ${String(error)}\n${child.output.join('')}`);
  });
  return { ...child, baseUrl };
}

export function spawnWorker(name: string, env: Record<string, string> = {}): ChildApp {
  return spawnBuilt(name, 'apps/worker/src/main.js', env);
}

/** Stops the given processes, or every one this file started (also those whose start failed). */
export async function stopAll(apps: readonly ChildApp[] = [...running].map((process) => ({ name: 'child', process, output: [] }))): Promise<void> {
  await Promise.all(
    apps.map(
      (app) =>
        new Promise<void>((done) => {
          if (app.process.exitCode !== null || app.process.signalCode !== null) return done();
          const timer = setTimeout(() => app.process.kill('SIGKILL'), 10_000);
          app.process.once('exit', () => {
            clearTimeout(timer);
            running.delete(app.process);
            done();
          });
          app.process.kill('SIGTERM');
        }),
    ),
  );
}

function spawnBuilt(name: string, entry: string, env: Record<string, string>): ChildApp {
  const file = join(projectRoot(), 'dist', entry);
  if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build first`);
  const child = spawn(process.execPath, [file], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  return { name, process: child, output };
}
