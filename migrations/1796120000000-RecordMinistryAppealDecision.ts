import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The ministry's decision, as appeal body, on a klage IMDi upheld and forwarded (fvl. § 34). */
export class RecordMinistryAppealDecision1796120000000 implements MigrationInterface {
  name = 'RecordMinistryAppealDecision1796120000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE appeal
        ADD COLUMN ministry_outcome text CHECK (ministry_outcome IN ('upheld', 'reversed')),
        ADD COLUMN ministry_reasons text,
        ADD COLUMN ministry_decided_by text,
        ADD COLUMN ministry_decided_by_name text,
        ADD COLUMN ministry_decided_at timestamptz,
        ADD CONSTRAINT appeal_ministry_decision_complete CHECK (
          (ministry_outcome IS NULL AND ministry_reasons IS NULL AND ministry_decided_by IS NULL AND ministry_decided_at IS NULL)
          OR (ministry_outcome IS NOT NULL AND forwarded_at IS NOT NULL AND length(btrim(ministry_reasons)) > 0
              AND ministry_decided_by IS NOT NULL AND ministry_decided_at IS NOT NULL)
        )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE appeal
        DROP CONSTRAINT appeal_ministry_decision_complete,
        DROP COLUMN ministry_outcome,
        DROP COLUMN ministry_reasons,
        DROP COLUMN ministry_decided_by,
        DROP COLUMN ministry_decided_by_name,
        DROP COLUMN ministry_decided_at`);
  }
}
