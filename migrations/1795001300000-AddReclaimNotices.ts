import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reclaims of enkeltvedtak (SPEC §5): forvaltningsloven § 16 requires advance notice, with a
 * deadline to comment, before the reclaim decision is made; the reclaim is itself a decision that
 * can be appealed within three weeks (§ 29). reclaim_notice holds the notice, its letter and any
 * comment; a reclaim of an enkeltvedtak names the notice it follows (one decision per notice).
 */
export class AddReclaimNotices1795001300000 implements MigrationInterface {
  name = 'AddReclaimNotices1795001300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE reclaim_notice (
        id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id               uuid NOT NULL REFERENCES case_file (id),
        amount_ore            bigint NOT NULL CHECK (amount_ore > 0),
        reason                text NOT NULL,
        comment_deadline      date NOT NULL,
        letter_pdf            bytea NOT NULL,
        notified_by           text NOT NULL,
        notified_at           timestamptz NOT NULL DEFAULT now(),
        comment               text,
        comment_received_at   timestamptz,
        comment_registered_by text,
        CHECK ((comment IS NULL) = (comment_received_at IS NULL))
      )`);
    await queryRunner.query(`CREATE INDEX reclaim_notice_case_idx ON reclaim_notice (case_id)`);
    await queryRunner.query(`
      ALTER TABLE reclaim
        ADD COLUMN notice_id       uuid UNIQUE REFERENCES reclaim_notice (id),
        ADD COLUMN enkeltvedtak    boolean NOT NULL DEFAULT false,
        ADD COLUMN appeal_deadline date,
        ADD COLUMN appeal_grounds  text,
        ADD COLUMN appealed_by     text,
        ADD COLUMN appealed_at     timestamptz,
        ADD COLUMN appeal_late     boolean,
        ADD CONSTRAINT reclaim_enkeltvedtak_noticed CHECK (NOT enkeltvedtak OR (notice_id IS NOT NULL AND appeal_deadline IS NOT NULL)),
        ADD CONSTRAINT reclaim_appeal_complete CHECK ((appealed_at IS NULL) = (appeal_grounds IS NULL))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE reclaim
        DROP CONSTRAINT reclaim_appeal_complete,
        DROP CONSTRAINT reclaim_enkeltvedtak_noticed,
        DROP COLUMN appeal_late,
        DROP COLUMN appealed_at,
        DROP COLUMN appealed_by,
        DROP COLUMN appeal_grounds,
        DROP COLUMN appeal_deadline,
        DROP COLUMN enkeltvedtak,
        DROP COLUMN notice_id`);
    await queryRunner.query(`DROP TABLE reclaim_notice`);
  }
}
