import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every submission of a recipient's report as it was sent: a report sent again after the caseworker asked
 * for more replaces the report's content, but the archive must keep what each journal entry recorded.
 */
export class KeepReportSubmissions1796260200000 implements MigrationInterface {
  name = 'KeepReportSubmissions1796260200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE recipient_report_submission (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_id      uuid NOT NULL REFERENCES recipient_report (id),
        snapshot       jsonb NOT NULL,
        attachment_ids uuid[] NOT NULL,
        submitted_at   timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX recipient_report_submission_report_idx ON recipient_report_submission (report_id, submitted_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE recipient_report_submission`);
  }
}
