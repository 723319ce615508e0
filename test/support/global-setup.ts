import './register-paths';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../libs/platform/src/config/app-config';
import { dataSourceOptions } from '../../libs/platform/src/database/data-source-options';
import { runSeeds } from '../../scripts/seed';
import { startMailServer, type TestMailServer } from './mail-server';
import { applyTestEnvironment, assertTestDatabaseName, newTestRun } from './test-environment';

export default async function globalSetup(): Promise<void> {
  const run = newTestRun();
  assertTestDatabaseName(run.databaseName);
  const admin = new Client({ connectionString: run.adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${run.databaseName}`);
  await admin.end();

  applyTestEnvironment(run);
  const dataSource = new DataSource(dataSourceOptions(loadConfig()));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  // The same programme data npm start seeds: the 2017 frames, the 18 schemes.
  await runSeeds();
  await dataSource.destroy();
  // Every file clones this database (per-file-database.ts); a clone needs its template without connections.
  // Every mail the system sends must reach some server (the ministry gate waits for it); tests that
  // read mail start their own and point SMTP_URL at it.
  const sink = await startMailServer();
  (globalThis as { imdiMailSink?: TestMailServer }).imdiMailSink = sink;
  process.env.SMTP_URL = sink.url;
}
