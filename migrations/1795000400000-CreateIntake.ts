import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Applicant organisations, applications with their forms and attachments, idempotent submits. */
export class CreateIntake1795000400000 implements MigrationInterface {
  name = 'CreateIntake1795000400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE organisation (
        id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_number text NOT NULL UNIQUE CHECK (organisation_number ~ '^[0-9]{9}$'),
        name                text NOT NULL,
        kind                text NOT NULL CHECK (kind IN ('kommune', 'fylkeskommune', 'organisasjon', 'ks')),
        municipality_number text CHECK (municipality_number ~ '^[0-9]{4}$'),
        account_number      text NOT NULL CHECK (account_number ~ '^[0-9]{11}$'),
        written_standard    text NOT NULL CHECK (written_standard IN ('nb', 'nn')),
        contact_name        text NOT NULL,
        contact_email       text NOT NULL,
        created_at          timestamptz NOT NULL DEFAULT now(),
        updated_at          timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE application (
        id                uuid PRIMARY KEY,
        organisation_id   uuid NOT NULL REFERENCES organisation (id),
        scheme_code       text NOT NULL,
        budget_year       integer NOT NULL,
        scheme_version_id uuid NOT NULL REFERENCES scheme_version (id),
        form              jsonb NOT NULL DEFAULT '{}',
        requested_ore     bigint CHECK (requested_ore >= 0),
        submitted_at      timestamptz,
        submitted_by      text,
        receipt_pdf       bytea,
        receipt_sha256    text,
        created_by        text NOT NULL,
        created_at        timestamptz NOT NULL DEFAULT now(),
        updated_at        timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX application_organisation_idx ON application (organisation_id, created_at DESC)`);
    await queryRunner.query(`
      CREATE TABLE application_attachment (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES application (id),
        file_name      text NOT NULL,
        media_type     text NOT NULL,
        size_bytes     integer NOT NULL CHECK (size_bytes > 0),
        sha256         text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        content        bytea NOT NULL,
        uploaded_by    text NOT NULL,
        created_at     timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX application_attachment_application_idx ON application_attachment (application_id)`);
    await queryRunner.query(`
      CREATE TABLE submission_request (
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        idempotency_key text NOT NULL,
        application_id  uuid NOT NULL REFERENCES application (id),
        created_at      timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organisation_id, idempotency_key)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE submission_request`);
    await queryRunner.query(`DROP TABLE application_attachment`);
    await queryRunner.query(`DROP TABLE application`);
    await queryRunner.query(`DROP TABLE organisation`);
  }
}
