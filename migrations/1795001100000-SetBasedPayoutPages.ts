import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A payout run writes a page of payments in one statement and books it with one ledger posting.
 *
 * - `posting_id`: the ledger posting (`payment-posting`) that booked the payment as paid.
 * - The foreign keys from payment to instalment, payout_run and payment_batch are dropped: each was
 *   checked row by row (an index probe and a row lock on the parent per payment), more than half
 *   of the cost of a run of a million payments. Payments are only ever written by the run, from
 *   the instalment rows it selects and the run and batch it holds, in the same statement. What
 *   the keys protected against — a parent that disappears — is refused instead by triggers: no
 *   instalment, run, batch or payment is ever deleted.
 * - The run index goes: a run's payments are found through its batch (one batch per run).
 * - New instalments get time-ordered ids (UUID version 7): a run pages through instalments by id
 *   and a payment takes the id of the instalment it pays, so with random ids every page would
 *   read the instalment table and grow the payment keys at random places; ordered by time, a run
 *   reads the table front to back and the keys grow at their end.
 */
export class SetBasedPayoutPages1795001100000 implements MigrationInterface {
  name = 'SetBasedPayoutPages1795001100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // RFC 9562 version 7: 48 bits of Unix milliseconds, then random bits (PostgreSQL 18 has uuidv7()).
    await queryRunner.query(`
      CREATE FUNCTION uuid_v7() RETURNS uuid LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
        SELECT encode(
          set_bit(set_bit(
            overlay(uuid_send(gen_random_uuid())
                    PLACING substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
                    FROM 1 FOR 6),
            52, 1), 53, 1),
          'hex')::uuid
      $$`);
    await queryRunner.query(`ALTER TABLE instalment ALTER COLUMN id SET DEFAULT uuid_v7()`);
    await queryRunner.query(`ALTER TABLE payment ADD COLUMN posting_id uuid`);
    await queryRunner.query(`
      ALTER TABLE payment
        DROP CONSTRAINT payment_instalment_id_fkey,
        DROP CONSTRAINT payment_run_id_fkey,
        DROP CONSTRAINT payment_batch_id_fkey`);
    await queryRunner.query(`DROP INDEX payment_run_idx`);
    await queryRunner.query(`
      CREATE FUNCTION payment_history_refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is part of the payment history: % refused', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    for (const table of ['instalment', 'payout_run', 'payment_batch', 'payment']) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_never_deleted BEFORE DELETE OR TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION payment_history_refuse_delete()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['instalment', 'payout_run', 'payment_batch', 'payment']) {
      await queryRunner.query(`DROP TRIGGER ${table}_never_deleted ON ${table}`);
    }
    await queryRunner.query(`DROP FUNCTION payment_history_refuse_delete()`);
    await queryRunner.query(`CREATE INDEX payment_run_idx ON payment (run_id)`);
    await queryRunner.query(`
      ALTER TABLE payment
        ADD CONSTRAINT payment_instalment_id_fkey FOREIGN KEY (instalment_id) REFERENCES instalment (id),
        ADD CONSTRAINT payment_run_id_fkey FOREIGN KEY (run_id) REFERENCES payout_run (id),
        ADD CONSTRAINT payment_batch_id_fkey FOREIGN KEY (batch_id) REFERENCES payment_batch (id)`);
    await queryRunner.query(`ALTER TABLE payment DROP COLUMN posting_id`);
    await queryRunner.query(`ALTER TABLE instalment ALTER COLUMN id SET DEFAULT gen_random_uuid()`);
    await queryRunner.query(`DROP FUNCTION uuid_v7()`);
  }
}
