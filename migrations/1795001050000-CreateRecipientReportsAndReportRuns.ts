import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Recipients' reports on the use of their grants (one per accepted grant, with its deadline and
 * reminders) and the runs of the reporting jobs with their stored results.
 */
export class CreateRecipientReportsAndReportRuns1795001050000 implements MigrationInterface {
  name = 'CreateRecipientReportsAndReportRuns1795001050000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE recipient_report (
        id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id             uuid NOT NULL UNIQUE REFERENCES case_file (id),
        decision_id         uuid NOT NULL REFERENCES decision (id),
        organisation_number text NOT NULL CHECK (organisation_number ~ '^[0-9]{9}$'),
        scheme_code         text NOT NULL,
        budget_year         integer NOT NULL,
        granted_ore         bigint NOT NULL CHECK (granted_ore >= 0),
        due_on              date NOT NULL,
        contents            text[] NOT NULL,
        auditor_required    boolean NOT NULL,
        status              text NOT NULL CHECK (status IN ('due', 'submitted', 'more_requested', 'approved')),
        use_of_funds        text,
        results             text,
        goal_achievement    text,
        spent_ore           bigint CHECK (spent_ore >= 0),
        participants_female integer CHECK (participants_female >= 0),
        participants_male   integer CHECK (participants_male >= 0),
        accounts            jsonb,
        auditor_confirmed   boolean,
        submitted_at        timestamptz,
        submitted_by        text,
        review_comment      text,
        reviewed_by         text,
        reviewed_at         timestamptz,
        created_at          timestamptz NOT NULL DEFAULT now(),
        updated_at          timestamptz NOT NULL DEFAULT now(),
        CHECK (status = 'due' OR submitted_at IS NOT NULL)
      )`);
    await queryRunner.query(`CREATE INDEX recipient_report_open_idx ON recipient_report (due_on) WHERE status <> 'approved'`);
    await queryRunner.query(`CREATE INDEX recipient_report_year_idx ON recipient_report (budget_year, scheme_code)`);
    await queryRunner.query(`
      CREATE TABLE recipient_report_attachment (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_id   uuid NOT NULL REFERENCES recipient_report (id),
        file_name   text NOT NULL,
        media_type  text NOT NULL,
        size_bytes  integer NOT NULL CHECK (size_bytes > 0),
        sha256      text NOT NULL,
        content     bytea NOT NULL,
        uploaded_by text NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE report_reminder (
        report_id  uuid NOT NULL REFERENCES recipient_report (id),
        kind       text NOT NULL CHECK (kind IN ('before-deadline', 'overdue')),
        recipient  text NOT NULL,
        subject    text NOT NULL,
        body       text NOT NULL,
        sent_at    timestamptz NOT NULL,
        PRIMARY KEY (report_id, kind)
      )`);
    await queryRunner.query(`
      CREATE TABLE report_run (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind         text NOT NULL CHECK (kind IN ('accounting-status', 'scheme-statistics', 'person-statistics', 'half-year-pack', 'annual-pack')),
        budget_year  integer NOT NULL,
        chapter      text,
        post         text,
        as_of        date NOT NULL,
        status       text NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'failed')),
        progress     integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        error        text,
        summary      jsonb,
        xlsx         bytea,
        pdf          bytea,
        requested_by text NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        CHECK ((chapter IS NULL) = (post IS NULL)),
        CHECK (status <> 'completed' OR (summary IS NOT NULL AND xlsx IS NOT NULL AND pdf IS NOT NULL))
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE report_run`);
    await queryRunner.query(`DROP TABLE report_reminder`);
    await queryRunner.query(`DROP TABLE recipient_report_attachment`);
    await queryRunner.query(`DROP TABLE recipient_report`);
  }
}
