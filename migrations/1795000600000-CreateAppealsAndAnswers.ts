import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Appeals and requests for renewed assessment, provisional answers (fvl. § 11a) and assignment letters. */
export class CreateAppealsAndAnswers1795000600000 implements MigrationInterface {
  name = 'CreateAppealsAndAnswers1795000600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE appeal (
        id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id              uuid NOT NULL REFERENCES case_file (id),
        decision_id          uuid NOT NULL REFERENCES decision (id),
        kind                 text NOT NULL CHECK (kind IN ('klage', 'renewed-assessment')),
        grounds              text NOT NULL,
        received_at          timestamptz NOT NULL,
        deadline_at          timestamptz NOT NULL,
        late                 boolean NOT NULL,
        submitted_by         text NOT NULL,
        outcome              text CHECK (outcome IN ('reversed', 'upheld')),
        summary_for_ministry text,
        forwarded_at         timestamptz,
        decided_by           text,
        decided_at           timestamptz,
        UNIQUE (decision_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE provisional_answer (
        case_id                uuid PRIMARY KEY REFERENCES case_file (id),
        expected_decision_date date NOT NULL,
        pdf                    bytea NOT NULL,
        sha256                 text NOT NULL,
        sent_at                timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE assignment_letter (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        scheme_code     text NOT NULL,
        budget_year     integer NOT NULL,
        frame_ore       bigint NOT NULL CHECK (frame_ore > 0),
        pdf             bytea NOT NULL,
        sha256          text NOT NULL,
        produced_by     text NOT NULL,
        produced_at     timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, scheme_code, budget_year)
      )`);
    // What leaves the system for another agency (the ministry's postmottak); one row per job, ever.
    await queryRunner.query(`
      CREATE TABLE outgoing_message (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        job_id       text NOT NULL UNIQUE,
        recipient    text NOT NULL,
        subject      text NOT NULL,
        body         text NOT NULL,
        reference    text NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE outgoing_message`);
    await queryRunner.query(`DROP TABLE assignment_letter`);
    await queryRunner.query(`DROP TABLE provisional_answer`);
    await queryRunner.query(`DROP TABLE appeal`);
  }
}
