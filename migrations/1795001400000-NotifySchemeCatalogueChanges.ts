import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every committed change to a scheme version or its rates sends NOTIFY scheme_catalogue_changed, so
 * processes that keep scheme versions in memory for hot reads (a submission reads one) drop them.
 * NOTIFY is delivered on commit only: a rolled-back change clears nothing.
 */
export class NotifySchemeCatalogueChanges1795001400000 implements MigrationInterface {
  name = 'NotifySchemeCatalogueChanges1795001400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION scheme_catalogue_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('scheme_catalogue_changed', TG_TABLE_NAME);
        RETURN NULL;
      END
      $$`);
    for (const table of ['scheme_version', 'scheme_rate']) {
      await queryRunner.query(`
        CREATE TRIGGER ${table}_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION scheme_catalogue_changed()`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['scheme_version', 'scheme_rate']) await queryRunner.query(`DROP TRIGGER ${table}_changed ON ${table}`);
    await queryRunner.query(`DROP FUNCTION scheme_catalogue_changed()`);
  }
}
