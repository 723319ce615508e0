import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every ledger entry gets the Oslo date it is booked on (a payment on its execution date), so a
 * status can be taken per 30 June or 31 December. Day totals per post, earmark and kind are kept
 * by a statement trigger in the writing transaction: a status reads a few hundred day rows instead
 * of summing millions of entries, and it is exact because it commits or rolls back with them.
 */
export class AddLedgerBookingDayTotals1795001000000 implements MigrationInterface {
  name = 'AddLedgerBookingDayTotals1795001000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE budget_ledger_entry ADD COLUMN booked_on date`);
    // The ledger refuses updates; this one-off backfill of a new column is the migration's, not the product's.
    await queryRunner.query(`ALTER TABLE budget_ledger_entry DISABLE TRIGGER budget_ledger_entry_append_only`);
    await queryRunner.query(`UPDATE budget_ledger_entry SET booked_on = (created_at AT TIME ZONE 'Europe/Oslo')::date`);
    await queryRunner.query(`ALTER TABLE budget_ledger_entry ENABLE TRIGGER budget_ledger_entry_append_only`);
    await queryRunner.query(`ALTER TABLE budget_ledger_entry ALTER COLUMN booked_on SET DEFAULT ((now() AT TIME ZONE 'Europe/Oslo')::date)`);
    await queryRunner.query(`ALTER TABLE budget_ledger_entry ALTER COLUMN booked_on SET NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE budget_ledger_day_total (
        budget_line_id uuid NOT NULL REFERENCES budget_line (id),
        -- The unearmarked rest of a post is the nil uuid, so one primary key covers both.
        earmark_key    uuid NOT NULL,
        kind           text NOT NULL,
        booked_on      date NOT NULL,
        amount_ore     bigint NOT NULL,
        entries        bigint NOT NULL,
        PRIMARY KEY (budget_line_id, earmark_key, kind, booked_on)
      )`);
    await queryRunner.query(`
      CREATE FUNCTION budget_ledger_day_total_add() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Sorted, so two transactions adding to the same days take the row locks in the same order.
        INSERT INTO budget_ledger_day_total AS total (budget_line_id, earmark_key, kind, booked_on, amount_ore, entries)
        SELECT budget_line_id, coalesce(earmark_id, '00000000-0000-0000-0000-000000000000'::uuid), kind, booked_on, sum(amount_ore), count(*)
        FROM new_entries
        GROUP BY 1, 2, 3, 4
        ORDER BY 1, 2, 3, 4
        ON CONFLICT (budget_line_id, earmark_key, kind, booked_on)
        DO UPDATE SET amount_ore = total.amount_ore + EXCLUDED.amount_ore, entries = total.entries + EXCLUDED.entries;
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER budget_ledger_entry_day_totals AFTER INSERT ON budget_ledger_entry
      REFERENCING NEW TABLE AS new_entries FOR EACH STATEMENT EXECUTE FUNCTION budget_ledger_day_total_add()`);
    await queryRunner.query(`
      INSERT INTO budget_ledger_day_total (budget_line_id, earmark_key, kind, booked_on, amount_ore, entries)
      SELECT budget_line_id, coalesce(earmark_id, '00000000-0000-0000-0000-000000000000'::uuid), kind, booked_on, sum(amount_ore), count(*)
      FROM budget_ledger_entry GROUP BY 1, 2, 3, 4`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER budget_ledger_entry_day_totals ON budget_ledger_entry`);
    await queryRunner.query(`DROP FUNCTION budget_ledger_day_total_add()`);
    await queryRunner.query(`DROP TABLE budget_ledger_day_total`);
    await queryRunner.query(`ALTER TABLE budget_ledger_entry DROP COLUMN booked_on`);
  }
}
