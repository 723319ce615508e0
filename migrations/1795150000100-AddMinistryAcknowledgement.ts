import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The ministry acknowledges a pre-notification it has read (Instruks 6.1), with an optional comment. */
export class AddMinistryAcknowledgement1795150000100 implements MigrationInterface {
  name = 'AddMinistryAcknowledgement1795150000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE ministry_notification
        ADD COLUMN acknowledged_at timestamptz,
        ADD COLUMN acknowledged_by text,
        ADD COLUMN acknowledged_by_name text,
        ADD COLUMN acknowledgement_comment text,
        ADD CONSTRAINT ministry_notification_acknowledged CHECK ((acknowledged_at IS NULL) = (acknowledged_by IS NULL)),
        ADD CONSTRAINT ministry_notification_acknowledged_after_delivery CHECK (acknowledged_at IS NULL OR delivered_at IS NOT NULL)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE ministry_notification
        DROP CONSTRAINT ministry_notification_acknowledged_after_delivery,
        DROP CONSTRAINT ministry_notification_acknowledged,
        DROP COLUMN acknowledgement_comment,
        DROP COLUMN acknowledged_by_name,
        DROP COLUMN acknowledged_by,
        DROP COLUMN acknowledged_at`);
  }
}
