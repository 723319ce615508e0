import Redis from 'ioredis';
import { Client } from 'pg';
import type { TestMailServer } from './mail-server';
import { assertTestDatabaseName } from './test-environment';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { imdiMailSink?: TestMailServer }).imdiMailSink?.close();
  const databaseName = process.env.IMDI_TEST_DATABASE;
  const adminUrl = process.env.IMDI_TEST_ADMIN_URL;
  const prefix = process.env.QUEUE_PREFIX;
  // The files' own prefixes (`<run prefix>_f…`) are removed by each file; this catches what a killed file left.
  if (prefix?.startsWith('imdi_test_')) {
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect().catch(() => undefined);
    if (redis.status === 'ready') {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
        if (keys.length > 0) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
    }
    redis.disconnect();
  }
  if (databaseName && adminUrl && !process.env.KEEP_TEST_DATABASE) {
    assertTestDatabaseName(databaseName);
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    await admin.end();
  }
}
