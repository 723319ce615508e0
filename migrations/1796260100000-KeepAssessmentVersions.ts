import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every assessment as it was recorded: a case assessed again (after the ministry reversed its decision)
 * replaces its current assessment, but the archive must keep the note each journal entry recorded.
 */
export class KeepAssessmentVersions1796260100000 implements MigrationInterface {
  name = 'KeepAssessmentVersions1796260100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE assessment_version (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id     uuid NOT NULL REFERENCES case_file (id),
        scores      jsonb NOT NULL,
        total_score integer NOT NULL,
        comment     text NOT NULL,
        assessed_by text NOT NULL,
        assessed_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX assessment_version_case_idx ON assessment_version (case_id, assessed_at)`);
    await queryRunner.query(`
      INSERT INTO assessment_version (case_id, scores, total_score, comment, assessed_by, assessed_at)
      SELECT case_id, scores, total_score, comment, assessed_by, assessed_at FROM assessment`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE assessment_version`);
  }
}
