import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Formal letters leave as digital post through eFormidling's integration point, next to e-mail.
 *
 * A digital-post message carries its document (the letter's PDF, copied here: messaging never reads
 * another context's tables) and what its arkivmelding says (`letter`). Its `message_id` is the
 * integration point's messageId (a UUID), fixed per attempt series so a retry after an unknown outcome
 * is recognised there as a repeat; `conversation_id` stays the same for the message's whole life.
 * The integration point reports what the receiver did: delivered (LEVERT) and read (LEST) become
 * states; `channel_status` keeps its last word for people to read.
 */
export class AddDigitalPostToMessages1795110000000 implements MigrationInterface {
  name = 'AddDigitalPostToMessages1795110000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE message DROP CONSTRAINT message_channel_check`);
    await queryRunner.query(`ALTER TABLE message ADD CONSTRAINT message_channel_check CHECK (channel IN ('email', 'eformidling'))`);
    await queryRunner.query(`ALTER TABLE message DROP CONSTRAINT message_state_check`);
    await queryRunner.query(`ALTER TABLE message ADD CONSTRAINT message_state_check CHECK (state IN ('queued', 'sending', 'handed_over', 'delivered', 'read', 'failed'))`);
    await queryRunner.query(`
      ALTER TABLE message
        ADD COLUMN conversation_id   uuid NOT NULL DEFAULT gen_random_uuid(),
        ADD COLUMN letter            jsonb,
        ADD COLUMN document          bytea,
        ADD COLUMN document_name     text,
        ADD COLUMN channel_status    text,
        ADD COLUMN delivered_at      timestamptz,
        ADD COLUMN read_at           timestamptz,
        ADD COLUMN status_checked_at timestamptz,
        ADD CONSTRAINT message_digital_post_check CHECK (channel <> 'eformidling' OR (letter IS NOT NULL AND document IS NOT NULL AND document_name IS NOT NULL AND recipient ~ '^[0-9]{9}$'))`);
    // The status poll walks the digital-post messages the receiver has not read (or refused) yet.
    await queryRunner.query(`CREATE INDEX message_awaiting_receipt_idx ON message (status_checked_at NULLS FIRST) WHERE channel = 'eformidling' AND state IN ('handed_over', 'delivered')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM message WHERE channel = 'eformidling'`);
    await queryRunner.query(`UPDATE message SET state = 'delivered' WHERE state = 'read'`);
    await queryRunner.query(`DROP INDEX message_awaiting_receipt_idx`);
    await queryRunner.query(`
      ALTER TABLE message
        DROP CONSTRAINT message_digital_post_check,
        DROP COLUMN conversation_id, DROP COLUMN letter, DROP COLUMN document, DROP COLUMN document_name,
        DROP COLUMN channel_status, DROP COLUMN delivered_at, DROP COLUMN read_at, DROP COLUMN status_checked_at`);
    await queryRunner.query(`ALTER TABLE message DROP CONSTRAINT message_state_check`);
    await queryRunner.query(`ALTER TABLE message ADD CONSTRAINT message_state_check CHECK (state IN ('queued', 'sending', 'handed_over', 'delivered', 'failed'))`);
    await queryRunner.query(`ALTER TABLE message DROP CONSTRAINT message_channel_check`);
    await queryRunner.query(`ALTER TABLE message ADD CONSTRAINT message_channel_check CHECK (channel IN ('email'))`);
  }
}
