import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ORGANISATION_DIRECTORY_VIEW } from '../libs/intake/src/infrastructure/intake-read-model.views';

/**
 * Intake publishes its organisation register as a view (its SQL lives in intake's infrastructure/;
 * this only installs it), so payments reads payees' names, accounts and addresses without importing
 * intake or reading its tables.
 */
export class PublishOrganisationDirectory1796330000000 implements MigrationInterface {
  name = 'PublishOrganisationDirectory1796330000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(ORGANISATION_DIRECTORY_VIEW);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW organisation_directory`);
  }
}
