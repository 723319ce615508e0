import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@imdi/platform';
import { assertTestDatabaseName } from './test-environment';

/**
 * A throw-away migrated database for tests that damage what they touch (tampering with the audit
 * chain), so the file's own database stays trustworthy for the file's other tests.
 */
export async function createScratchDatabase(): Promise<{ dataSource: DataSource; drop(): Promise<void> }> {
  const adminUrl = process.env.IMDI_TEST_ADMIN_URL;
  if (!adminUrl) throw new Error('scratch databases need the global test setup');
  const name = `${process.env.IMDI_TEST_DATABASE}_s${randomBytes(3).toString('hex')}`;
  assertTestDatabaseName(name);
  await withAdmin(adminUrl, (admin) => admin.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const dataSource = await new DataSource(dataSourceOptions({ DATABASE_URL: url.toString() })).initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return {
    dataSource,
    drop: async () => {
      await dataSource.destroy();
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
