import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Internal case notes: what staff write down about a case for each other (not sent to the applicant). */
export class CreateCaseNotes1796070000000 implements MigrationInterface {
  name = 'CreateCaseNotes1796070000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE case_note (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id         uuid NOT NULL REFERENCES case_file (id),
        text            text NOT NULL CHECK (length(btrim(text)) BETWEEN 1 AND 10000),
        written_by      text NOT NULL,
        written_by_name text,
        created_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX case_note_case ON case_note (case_id, created_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE case_note`);
  }
}
