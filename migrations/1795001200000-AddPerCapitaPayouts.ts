import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-capita grants become periodic payouts.
 *
 * - settled_person keeps its history: a correction writes a new revision (settled_person_revision,
 *   append-only) instead of overwriting what an earlier run paid from; a record found to be wrong
 *   altogether is voided, not deleted.
 * - per_capita_payout: per scheme, municipality and period, each time a run finds that what is
 *   owed differs from what was settled before, one row with the new total and the difference.
 *   The sequence in the unique key is what makes a retried or doubled run harmless: two runs that
 *   compute the same difference compete for the same key, and one of them writes nothing.
 *   A negative difference is never paid: it is held as a credit and set off against the next
 *   positive difference of the same municipality, scheme and year (offset_ore); what is left at
 *   the end of the year is listed for a reclaim.
 * - payment: a payment pays an instalment or a per-capita difference, never both.
 * - payout_run: per-capita runs name their scheme and period; a run whose rates are not all
 *   confirmed is refused, and says which.
 */
export class AddPerCapitaPayouts1795001200000 implements MigrationInterface {
  name = 'AddPerCapitaPayouts1795001200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE settled_person
        ADD COLUMN revision  integer NOT NULL DEFAULT 1 CHECK (revision > 0),
        ADD COLUMN voided_at timestamptz`);
    await queryRunner.query(`
      CREATE TABLE settled_person_revision (
        id                  bigserial PRIMARY KEY,
        settled_person_id   uuid NOT NULL REFERENCES settled_person (id),
        revision            integer NOT NULL CHECK (revision > 0),
        organisation_number text NOT NULL,
        municipality_number text NOT NULL,
        settlement_date     date NOT NULL,
        category            text NOT NULL,
        special_criterion   boolean NOT NULL,
        voided              boolean NOT NULL,
        reason              text NOT NULL,
        changed_by          text NOT NULL,
        changed_at          timestamptz NOT NULL DEFAULT now(),
        UNIQUE (settled_person_id, revision)
      )`);
    await queryRunner.query(`
      INSERT INTO settled_person_revision (settled_person_id, revision, organisation_number, municipality_number, settlement_date, category, special_criterion, voided, reason, changed_by, changed_at)
      SELECT id, 1, organisation_number, municipality_number, settlement_date, category, special_criterion, false, 'imported', imported_by, updated_at FROM settled_person`);
    await queryRunner.query(`
      CREATE TABLE per_capita_payout (
        id                  uuid PRIMARY KEY DEFAULT uuid_v7(),
        scheme_code         text NOT NULL,
        budget_year         integer NOT NULL,
        period              text NOT NULL,
        organisation_number text NOT NULL CHECK (organisation_number ~ '^[0-9]{9}$'),
        sequence            integer NOT NULL CHECK (sequence > 0),
        owed_ore            bigint NOT NULL CHECK (owed_ore >= 0),
        difference_ore      bigint NOT NULL CHECK (difference_ore <> 0),
        offset_ore          bigint NOT NULL DEFAULT 0 CHECK (offset_ore >= 0),
        paid_ore            bigint NOT NULL CHECK (paid_ore >= 0),
        basis               jsonb NOT NULL,
        run_id              uuid NOT NULL REFERENCES payout_run (id),
        created_at          timestamptz NOT NULL DEFAULT now(),
        UNIQUE (scheme_code, organisation_number, period, sequence),
        CHECK ((difference_ore < 0 AND offset_ore = 0 AND paid_ore = 0) OR (difference_ore > 0 AND offset_ore + paid_ore = difference_ore))
      )`);
    await queryRunner.query(`CREATE INDEX per_capita_payout_year_idx ON per_capita_payout (scheme_code, budget_year, organisation_number)`);
    for (const table of ['settled_person_revision', 'per_capita_payout']) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION payment_history_refuse_delete()`,
      );
    }
    await queryRunner.query(`
      ALTER TABLE payment
        ALTER COLUMN instalment_id DROP NOT NULL,
        ALTER COLUMN case_number DROP NOT NULL,
        ADD COLUMN per_capita_payout_id uuid,
        ADD COLUMN reference text,
        ADD CONSTRAINT payment_pays_one_thing CHECK (num_nonnulls(instalment_id, per_capita_payout_id) = 1),
        ADD CONSTRAINT payment_per_capita_reference CHECK ((per_capita_payout_id IS NULL) = (reference IS NULL))`);
    // Partial and without a foreign key, so that the million instalment payments of a run pay
    // nothing for it (see SetBasedPayoutPages); per-capita lines are never deleted either.
    await queryRunner.query(`CREATE UNIQUE INDEX payment_per_capita_payout_key ON payment (per_capita_payout_id) WHERE per_capita_payout_id IS NOT NULL`);
    await queryRunner.query(`
      ALTER TABLE payout_run
        ADD COLUMN kind        text NOT NULL DEFAULT 'instalments' CHECK (kind IN ('instalments', 'per-capita')),
        ADD COLUMN scheme_code text,
        ADD COLUMN period      text,
        ADD COLUMN outcome     jsonb,
        ADD CONSTRAINT payout_run_per_capita_period CHECK ((kind = 'per-capita') = (scheme_code IS NOT NULL AND period IS NOT NULL)),
        DROP CONSTRAINT payout_run_status_check,
        ADD CONSTRAINT payout_run_status_check CHECK (status IN ('queued', 'running', 'completed', 'refused'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE payout_run
        DROP CONSTRAINT payout_run_status_check,
        ADD CONSTRAINT payout_run_status_check CHECK (status IN ('queued', 'running', 'completed')),
        DROP CONSTRAINT payout_run_per_capita_period,
        DROP COLUMN outcome,
        DROP COLUMN period,
        DROP COLUMN scheme_code,
        DROP COLUMN kind`);
    await queryRunner.query(`DROP INDEX payment_per_capita_payout_key`);
    await queryRunner.query(`
      ALTER TABLE payment
        DROP CONSTRAINT payment_per_capita_reference,
        DROP CONSTRAINT payment_pays_one_thing,
        DROP COLUMN reference,
        DROP COLUMN per_capita_payout_id,
        ALTER COLUMN case_number SET NOT NULL,
        ALTER COLUMN instalment_id SET NOT NULL`);
    await queryRunner.query(`DROP TABLE per_capita_payout`);
    await queryRunner.query(`DROP TABLE settled_person_revision`);
    await queryRunner.query(`ALTER TABLE settled_person DROP COLUMN voided_at, DROP COLUMN revision`);
  }
}
