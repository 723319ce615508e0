import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A closed case file is reopened when the case is (an appeal, or the ministry reversing IMDi's decision):
 * the instants it was last closed and reopened are kept, so events handled out of order cannot close a
 * reopened file again, nor reopen one that was closed after the appeal.
 */
export class ReopenJournalCaseFiles1796260000000 implements MigrationInterface {
  name = 'ReopenJournalCaseFiles1796260000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE journal_case_file
        ADD COLUMN closed_at timestamptz,
        ADD COLUMN reopened_at timestamptz`);
    // Files closed before this: the day they were closed, at its start in Oslo, is the best instant known.
    await queryRunner.query(`UPDATE journal_case_file SET closed_at = closed_on::timestamp AT TIME ZONE 'Europe/Oslo' WHERE status = 'closed'`);
    await queryRunner.query(`ALTER TABLE journal_case_file ADD CONSTRAINT journal_case_file_closed_at CHECK ((status = 'closed') <= (closed_at IS NOT NULL))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE journal_case_file DROP CONSTRAINT journal_case_file_closed_at, DROP COLUMN closed_at, DROP COLUMN reopened_at`);
  }
}
