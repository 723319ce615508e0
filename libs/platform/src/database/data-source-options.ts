import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/app-config';

const DIST_ROOT = join(__dirname, '..', '..', '..', '..');

/**
 * One definition of how we reach PostgreSQL, used by the apps, the migration command and the tests.
 * The schema belongs to migrations/ alone: synchronize stays off.
 */
export function dataSourceOptions(config: Pick<AppConfig, 'DATABASE_URL'> & Partial<Pick<AppConfig, 'DATABASE_POOL_MAX'>>): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.DATABASE_URL,
    synchronize: false,
    migrationsRun: false,
    // Every file migrations/<13-digit timestamp>-<Name>, in timestamp order: adding a migration is adding
    // its file, with no list to edit (a landed file in migrations/ is never changed, see check-migrations).
    migrations: [join(DIST_ROOT, 'migrations', '[0-9]*-*.{js,ts}')],
    migrationsTableName: 'schema_migrations',
    entities: [join(DIST_ROOT, 'libs', '*', 'src', '**', 'infrastructure', '*.entity.{js,ts}')],
    // Every transaction is READ COMMITTED, set once per connection rather than by a second statement
    // after each BEGIN (TypeORM sends SET TRANSACTION as a round trip of its own).
    extra: {
      max: config.DATABASE_POOL_MAX ?? new AppConfig().DATABASE_POOL_MAX,
      application_name: 'imdi-tilskudd',
      options: '-c default_transaction_isolation=read\\ committed',
    },
    logging: false,
  };
}
