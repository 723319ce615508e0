import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The case file (saksmappe): its number, its scheme and applicant, and where it stands. */
export class CreateCaseFiles1795000300000 implements MigrationInterface {
  name = 'CreateCaseFiles1795000300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE case_file (
        id                  uuid PRIMARY KEY,
        case_number         text UNIQUE CHECK (case_number ~ '^[0-9]{4}/[0-9]{5,}$'),
        scheme_code         text NOT NULL,
        budget_year         integer NOT NULL,
        scheme_kind         text NOT NULL CHECK (scheme_kind IN ('sokbar', 'rettighet', 'navngitt')),
        organisation_number text NOT NULL CHECK (organisation_number ~ '^[0-9]{9}$'),
        status              text NOT NULL,
        received_at         timestamptz,
        status_changed_at   timestamptz NOT NULL DEFAULT now(),
        created_at          timestamptz NOT NULL DEFAULT now(),
        updated_at          timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'draft') = (case_number IS NULL))
      )`);
    await queryRunner.query(`CREATE INDEX case_file_organisation_idx ON case_file (organisation_number, created_at DESC)`);
    await queryRunner.query(`CREATE INDEX case_file_scheme_status_idx ON case_file (scheme_code, budget_year, status)`);
    await queryRunner.query(`
      CREATE TABLE case_number_counter (
        year        integer PRIMARY KEY,
        last_number integer NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE case_number_counter`);
    await queryRunner.query(`DROP TABLE case_file`);
  }
}
