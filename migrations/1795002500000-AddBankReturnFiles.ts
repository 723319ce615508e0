import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The bank's answers to our pain.001 files: payment status reports (pain.002) and debit
 * notifications (camt.054).
 *
 * - `bank_file`: every imported file, stored gzip-compressed, once: its SHA-256 is unique, so a
 *   re-import is recognised before anything is read.
 * - `payment_batch.sent_at`: the pain.001 has been handed out for the bank; `bank_accepted_at`:
 *   the bank accepted the file (pain.002 group status), which accepts every payment it does not
 *   name as rejected.
 * - `payment_bank_status`: a payment's own answer from the bank (accepted, booked with date and
 *   amount, or rejected with the reason code). A payment without a row takes its batch's status;
 *   a million booked payments are a million inserts, never updates of the payment table.
 * - `bank_discrepancy`: what the bank did that differs from what we sent (amount, date, an entry
 *   we cannot match, a booking of a rejected payment): listed for finance, never silently taken.
 * - `pay-reversal`: a ledger entry kind that takes back a `pay` (a rejected payment, or a payment
 *   moved to the date the bank booked it). The ledger stays append-only.
 * - A rejected instalment is paid again by a new instalment (`reissue_of` the rejected payment);
 *   when the bank said the account was wrong, it waits (`account-corrected`) until the
 *   recipient's account has changed.
 */
export class AddBankReturnFiles1795002500000 implements MigrationInterface {
  name = 'AddBankReturnFiles1795002500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE budget_ledger_entry DROP CONSTRAINT budget_ledger_entry_kind_check`);
    await queryRunner.query(
      `ALTER TABLE budget_ledger_entry ADD CONSTRAINT budget_ledger_entry_kind_check CHECK (kind IN ('commit', 'uncommit', 'pay', 'pay-reversal', 'reclaim', 'carry-in', 'carry-out'))`,
    );
    await queryRunner.query(`ALTER TABLE instalment DROP CONSTRAINT instalment_held_until_check`);
    await queryRunner.query(`ALTER TABLE instalment ADD CONSTRAINT instalment_held_until_check CHECK (held_until IN ('report-approved', 'account-corrected'))`);
    await queryRunner.query(`ALTER TABLE instalment ADD COLUMN reissue_of uuid`);
    await queryRunner.query(`CREATE UNIQUE INDEX instalment_reissue_key ON instalment (reissue_of) WHERE reissue_of IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX instalment_held_account_idx ON instalment (budget_year, chapter, post) WHERE held_until = 'account-corrected'`);
    await queryRunner.query(`ALTER TABLE payment_batch ADD COLUMN sent_at timestamptz, ADD COLUMN sent_by text, ADD COLUMN bank_accepted_at timestamptz`);
    await queryRunner.query(`CREATE UNIQUE INDEX payment_batch_message_id_key ON payment_batch ((replace(id::text, '-', '')))`);
    await queryRunner.query(`
      CREATE TABLE bank_file (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind         text NOT NULL CHECK (kind IN ('pain.002', 'camt.054')),
        sha256       text NOT NULL UNIQUE CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        message_id   text NOT NULL,
        batch_ids    uuid[] NOT NULL,
        size_bytes   bigint NOT NULL CHECK (size_bytes > 0),
        content_gzip bytea NOT NULL,
        summary      jsonb NOT NULL,
        imported_by  text NOT NULL,
        imported_at  timestamptz NOT NULL DEFAULT now(),
        UNIQUE (kind, message_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE payment_bank_status (
        payment_id        uuid PRIMARY KEY,
        batch_id          uuid NOT NULL,
        status            text NOT NULL CHECK (status IN ('accepted', 'booked', 'rejected')),
        reason_code       text,
        booked_on         date,
        booked_amount_ore bigint CHECK (booked_amount_ore > 0),
        -- No foreign key: checked row by row it would cost more than the rest of a million-row import;
        -- the import writes the file's row first in the same transaction, and bank files are never deleted.
        file_id           uuid NOT NULL,
        updated_at        timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'booked') = (booked_on IS NOT NULL AND booked_amount_ore IS NOT NULL)),
        CHECK ((status = 'rejected') = (reason_code IS NOT NULL))
      )`);
    await queryRunner.query(`
      CREATE TABLE bank_discrepancy (
        id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        file_id           uuid NOT NULL REFERENCES bank_file (id),
        batch_id          uuid,
        payment_id        uuid,
        kind              text NOT NULL CHECK (kind IN ('amount', 'booking-date', 'unmatched-entry', 'booked-after-rejection', 'rejected-after-booking', 'booked-twice', 'credit-entry')),
        end_to_end_id     text,
        sent_amount_ore   bigint,
        booked_amount_ore bigint,
        execution_date    date,
        booked_on         date,
        created_at        timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX bank_discrepancy_batch_idx ON bank_discrepancy (batch_id, kind)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE bank_discrepancy`);
    await queryRunner.query(`DROP TABLE payment_bank_status`);
    await queryRunner.query(`DROP TABLE bank_file`);
    await queryRunner.query(`DROP INDEX payment_batch_message_id_key`);
    await queryRunner.query(`ALTER TABLE payment_batch DROP COLUMN bank_accepted_at, DROP COLUMN sent_by, DROP COLUMN sent_at`);
    await queryRunner.query(`DROP INDEX instalment_held_account_idx`);
    await queryRunner.query(`DROP INDEX instalment_reissue_key`);
    await queryRunner.query(`ALTER TABLE instalment DROP COLUMN reissue_of`);
    await queryRunner.query(`ALTER TABLE instalment DROP CONSTRAINT instalment_held_until_check`);
    await queryRunner.query(`ALTER TABLE instalment ADD CONSTRAINT instalment_held_until_check CHECK (held_until IN ('report-approved'))`);
    await queryRunner.query(`ALTER TABLE budget_ledger_entry DROP CONSTRAINT budget_ledger_entry_kind_check`);
    await queryRunner.query(
      `ALTER TABLE budget_ledger_entry ADD CONSTRAINT budget_ledger_entry_kind_check CHECK (kind IN ('commit', 'uncommit', 'pay', 'reclaim', 'carry-in', 'carry-out'))`,
    );
  }
}
