import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { LocalIssuer, type TokenRequest } from '@imdi/auth';
import { dataSourceOptions, projectRoot } from '@imdi/platform';
import { API_NODE_ARGUMENTS } from '../scripts/api-node-arguments';
import { freePort } from '../scripts/free-port';
import { runSeeds } from '../scripts/seed';
import { createBenchDatabase, type BenchDatabase } from './bench-database';
import { deleteRedisKeys } from '../scripts/redis-keys';

export interface BenchSystem {
  readonly baseUrl: string;
  /** The api's process id, to read its CPU time. */
  readonly apiPid: number | undefined;
  token(request: TokenRequest): Promise<string>;
  stop(): Promise<void>;
}

/** A migrated, seeded database of its own and the real api as a separate process on a free port. */
export async function startBenchSystem(): Promise<BenchSystem> {
  const database: BenchDatabase = await createBenchDatabase();
  const keyDirectory = mkdtempSync(join(tmpdir(), 'imdi-bench-keys-'));
  const port = await freePort();
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL: database.url,
    QUEUE_PREFIX: `imdi_bench_${port}`,
    AUTH_LOCAL_KEY_DIR: keyDirectory,
    API_PORT: String(port),
    LOG_LEVEL: 'warn',
    // The seeded programme is 2017's; a past budget year takes no applications.
    CLOCK_START: '2017-01-10T09:00:00+01:00',
  };
  Object.assign(process.env, { DATABASE_URL: database.url, AUTH_LOCAL_KEY_DIR: keyDirectory });
  const dataSource = await new DataSource(dataSourceOptions({ DATABASE_URL: database.url })).initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();
  await runSeeds();
  const issuer = await LocalIssuer.open(keyDirectory, 'imdi-tilskudd-local', 'imdi-tilskudd');
  // The api's own flags, as in production; BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" adds to them (profiles the api under load).
  const nodeArguments = [...API_NODE_ARGUMENTS, ...(process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean)];
  const api: ChildProcess = spawn(process.execPath, [...nodeArguments, join(projectRoot(), 'dist', 'apps', 'api', 'src', 'main.js')], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // A benchmark that dies must not leave its api running (and holding the terminal's pipes).
  const killApi = () => api.kill('SIGTERM');
  process.once('exit', killApi);
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    if (
      await fetch(`${baseUrl}/health`).then(
        (response) => response.ok,
        () => false,
      )
    )
      break;
    if (attempt > 120) throw new Error('the api did not start');
    await new Promise((done) => setTimeout(done, 250));
  }
  return {
    baseUrl,
    apiPid: api.pid,
    token: (request) => issuer.sign(request),
    stop: async () => {
      process.removeListener('exit', killApi);
      api.kill('SIGTERM');
      await new Promise((done) => (api.exitCode !== null ? done(null) : api.once('exit', done)));
      await database.drop();
      await deleteRedisKeys(`${env.QUEUE_PREFIX}:*`);
      rmSync(keyDirectory, { recursive: true, force: true });
    },
  };
}
