import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Each test run gets its own template database, queue prefix and token key, so runs (and CI beside a
 * developer) never see each other. Set up once in global-setup and inherited by the test files,
 * each of which clones the template into a database of its own (per-file-database.ts).
 */
export interface TestRun {
  readonly adminUrl: string;
  readonly databaseName: string;
  readonly databaseUrl: string;
  readonly queuePrefix: string;
  readonly keyDirectory: string;
}

export function newTestRun(): TestRun {
  const adminUrl = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const id = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const databaseName = `imdi_test_${id}`;
  const url = new URL(adminUrl);
  url.pathname = `/${databaseName}`;
  return {
    adminUrl,
    databaseName,
    databaseUrl: url.toString(),
    queuePrefix: `imdi_test_${id}`,
    keyDirectory: mkdtempSync(join(tmpdir(), 'imdi-test-keys-')),
  };
}

export function assertTestDatabaseName(name: string): void {
  if (!/^[a-z0-9_]+$/.test(name) || !name.includes('test')) {
    throw new Error(`refusing to use database "${name}": test databases must have "test" in their name`);
  }
}

export function applyTestEnvironment(run: TestRun): void {
  process.env.NODE_ENV = 'test';
  process.env.DATABASE_URL = run.databaseUrl;
  process.env.QUEUE_PREFIX = run.queuePrefix;
  process.env.IMDI_TEST_QUEUE_PREFIX = run.queuePrefix;
  process.env.AUTH_LOCAL_KEY_DIR = run.keyDirectory;
  process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
  process.env.OUTBOX_POLL_MS = '200';
  process.env.IMDI_TEST_DATABASE = run.databaseName;
  process.env.IMDI_TEST_ADMIN_URL = run.adminUrl;
}
