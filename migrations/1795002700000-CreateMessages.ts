import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the system sends (messaging context): one row per message, its delivery a state. A sender's
 * dedupe key makes a second request for the same message a no-op; the Message-ID is fixed when
 * the row is made so that every attempt carries the same one and a receiver can drop a repeat.
 * `sending` with a lease marks the one attempt in flight; an expired lease is a crashed sender.
 * The ministry notification keeps why its e-mail failed, for the case overview; outgoing_message,
 * which only recorded what was meant to leave, gives way to the message table.
 */
export class CreateMessages1795002700000 implements MigrationInterface {
  name = 'CreateMessages1795002700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE message (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dedupe_key       text NOT NULL UNIQUE,
        channel          text NOT NULL CHECK (channel IN ('email')),
        kind             text NOT NULL,
        recipient        text NOT NULL,
        language         text NOT NULL CHECK (language IN ('nb', 'nn')),
        subject          text NOT NULL,
        body             text NOT NULL,
        case_id          uuid,
        reference        text,
        report_to        text,
        state            text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sending', 'handed_over', 'delivered', 'failed')),
        failure_reason   text,
        last_error       text,
        server_response  text,
        attempts         integer NOT NULL DEFAULT 0,
        lease_until      timestamptz,
        message_id       text NOT NULL UNIQUE,
        handed_over_at   timestamptz,
        failed_at        timestamptz,
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now(),
        CHECK ((state = 'failed') = (failure_reason IS NOT NULL)),
        CHECK ((state = 'sending') = (lease_until IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX message_case_idx ON message (case_id, created_at) WHERE case_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX message_failed_idx ON message (failed_at) WHERE state = 'failed'`);
    await queryRunner.query(`
      ALTER TABLE ministry_notification
        ADD COLUMN message_id          uuid,
        ADD COLUMN delivery_failure    text,
        ADD COLUMN delivery_failed_at  timestamptz`);
    await queryRunner.query(`DROP TABLE outgoing_message`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
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
    await queryRunner.query(`
      ALTER TABLE ministry_notification
        DROP COLUMN delivery_failed_at,
        DROP COLUMN delivery_failure,
        DROP COLUMN message_id`);
    await queryRunner.query(`DROP TABLE message`);
  }
}
