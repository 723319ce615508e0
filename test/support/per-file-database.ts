import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { deleteRedisKeys } from '../../scripts/redis-keys';
import { assertTestDatabaseName } from './test-environment';

/**
 * Every e2e file gets a database of its own, cloned from the run's migrated and seeded template
 * (CREATE DATABASE … TEMPLATE copies files, far faster than migrating and seeding again), and a
 * queue prefix of its own. So a file sees only what it made itself: any file passes alone and in
 * any order. Both are removed after the file, also when it fails.
 */
const template = process.env.IMDI_TEST_DATABASE;
const adminUrl = process.env.IMDI_TEST_ADMIN_URL;
const runPrefix = process.env.IMDI_TEST_QUEUE_PREFIX;
if (!template || !adminUrl || !runPrefix) throw new Error('per-file databases need the global test setup');

const suffix = randomBytes(4).toString('hex');
const databaseName = `${template}_f${suffix}`;
const queuePrefix = `${runPrefix}_f${suffix}`;
assertTestDatabaseName(databaseName);
const url = new URL(adminUrl);
url.pathname = `/${databaseName}`;
process.env.DATABASE_URL = url.toString();
process.env.QUEUE_PREFIX = queuePrefix;
process.env.IMDI_TEST_FILE_DATABASE = databaseName;

beforeAll(async () => {
  await withAdmin(adminUrl, (admin) => admin.query(`CREATE DATABASE ${databaseName} TEMPLATE ${template}`));
});

afterAll(async () => {
  if (!process.env.KEEP_TEST_DATABASE) {
    await withAdmin(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`));
  }
  // BullMQ keys are `<prefix>:<queue>:…`; a file's prefix is its own, so nothing else is touched.
  await deleteRedisKeys(`${queuePrefix}:*`);
});

async function withAdmin(connectionString: string, work: (client: Client) => Promise<unknown>): Promise<void> {
  const admin = new Client({ connectionString });
  await admin.connect();
  try {
    await work(admin);
  } finally {
    await admin.end();
  }
}
