import { randomBytes } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, loadConfig } from '@imdi/platform';
import { runSeeds } from '../../scripts/seed';
import { startApi, type RunningApi } from './api-harness';
import { assertTestDatabaseName } from './test-environment';
import { startWorker } from './worker-harness';

export interface IsolatedSystem {
  readonly api: RunningApi;
  readonly worker: INestApplicationContext;
  stop(): Promise<void>;
}

/**
 * api + worker on a database and queue prefix of their own, migrated and seeded as `npm start`
 * does: for tests that check figures of the 2017 budget by hand, which the run's shared database
 * (where other tests decide and pay on 2017 posts) cannot give.
 */
export async function startIsolatedSystem(): Promise<IsolatedSystem> {
  const adminUrl = process.env.IMDI_TEST_ADMIN_URL;
  if (!adminUrl) throw new Error('an isolated system needs the global test setup');
  const previous = { DATABASE_URL: process.env.DATABASE_URL, QUEUE_PREFIX: process.env.QUEUE_PREFIX };
  const suffix = randomBytes(3).toString('hex');
  const name = `${process.env.IMDI_TEST_DATABASE}_i${suffix}`;
  assertTestDatabaseName(name);
  await withAdmin(adminUrl, (admin) => admin.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  process.env.QUEUE_PREFIX = `${previous.QUEUE_PREFIX}_i${suffix}`;
  const dataSource = await new DataSource(dataSourceOptions(loadConfig())).initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();
  await runSeeds();
  const api = await startApi();
  const worker = await startWorker();
  return {
    api,
    worker,
    stop: async () => {
      await worker.close();
      await api.close();
      process.env.DATABASE_URL = previous.DATABASE_URL;
      process.env.QUEUE_PREFIX = previous.QUEUE_PREFIX;
      await withAdmin(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

async function withAdmin(adminUrl: string, work: (client: Client) => Promise<unknown>): Promise<void> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await work(admin);
  } finally {
    await admin.end();
  }
}
