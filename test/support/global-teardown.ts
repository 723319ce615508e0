import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname } from 'node:path';
import { Client } from 'pg';
import { deleteRedisKeys } from '../../scripts/redis-keys';
import type { TestMailServer } from './mail-server';
import { assertTestDatabaseName } from './test-environment';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { imdiMailSink?: TestMailServer }).imdiMailSink?.close();
  const databaseName = process.env.IMDI_TEST_DATABASE;
  const adminUrl = process.env.IMDI_TEST_ADMIN_URL;
  const prefix = process.env.QUEUE_PREFIX;
  // The files' own prefixes (`<run prefix>_f…`) are removed by each file; this catches what a killed file left.
  if (prefix?.startsWith('imdi_test_')) await deleteRedisKeys(`${prefix}*`);
  // The run's token key directory (test-environment.ts), and only that: a developer's own AUTH_LOCAL_KEY_DIR stays.
  const keyDirectory = process.env.AUTH_LOCAL_KEY_DIR;
  if (keyDirectory && dirname(keyDirectory) === tmpdir() && basename(keyDirectory).startsWith('imdi-test-keys-')) {
    rmSync(keyDirectory, { recursive: true, force: true });
  }
  if (databaseName && adminUrl && !process.env.KEEP_TEST_DATABASE) {
    assertTestDatabaseName(databaseName);
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    await admin.end();
  }
}
