import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Intake publishes who applied, per application (= case id): organisation number and name and the
 * applicant's contact person, so casework's work queue can search them without reading intake's tables.
 */
export class PublishApplicantDirectory1795150000000 implements MigrationInterface {
  name = 'PublishApplicantDirectory1795150000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE VIEW applicant_directory AS
      SELECT a.id AS application_id, o.organisation_number, o.name AS organisation_name,
             coalesce(nullif(a.form->>'contactName', ''), o.contact_name) AS applicant_name,
             a.requested_ore
      FROM application a JOIN organisation o ON o.id = a.organisation_id`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW applicant_directory`);
  }
}
