import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Budget frames per year and kap./post (with earmarks inside a post) and the append-only ledger
 * every figure is summed from. The ledger refuses UPDATE and DELETE: corrections are new entries.
 */
export class CreateBudgetLedger1795000100000 implements MigrationInterface {
  name = 'CreateBudgetLedger1795000100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE allocation_import (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        budget_year integer NOT NULL UNIQUE,
        source      text NOT NULL,
        document    jsonb NOT NULL,
        imported_by text NOT NULL,
        imported_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE budget_line (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        budget_year  integer NOT NULL,
        chapter      text NOT NULL CHECK (chapter ~ '^[1-9][0-9]{2,3}$'),
        post         text NOT NULL CHECK (post ~ '^[0-9]{2}$'),
        name         text NOT NULL,
        frame_ore    bigint NOT NULL CHECK (frame_ore >= 0),
        pending_note text,
        transferable boolean NOT NULL DEFAULT false,
        estimate     boolean NOT NULL DEFAULT false,
        import_id    uuid NOT NULL REFERENCES allocation_import (id),
        created_at   timestamptz NOT NULL DEFAULT now(),
        updated_at   timestamptz NOT NULL DEFAULT now(),
        UNIQUE (budget_year, chapter, post)
      )`);
    await queryRunner.query(`
      CREATE TABLE budget_earmark (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        budget_line_id uuid NOT NULL REFERENCES budget_line (id),
        code           text NOT NULL CHECK (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        name           text NOT NULL,
        amount_ore     bigint NOT NULL CHECK (amount_ore >= 0),
        created_at     timestamptz NOT NULL DEFAULT now(),
        UNIQUE (budget_line_id, code)
      )`);
    await queryRunner.query(`
      CREATE TABLE budget_declared_total (
        id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        import_id             uuid NOT NULL REFERENCES allocation_import (id),
        budget_year           integer NOT NULL,
        chapter               text NOT NULL,
        post                  text,
        declared_ore          bigint NOT NULL,
        acknowledged_mismatch text
      )`);
    await queryRunner.query(`
      CREATE TABLE budget_ledger_entry (
        id             bigserial PRIMARY KEY,
        budget_line_id uuid NOT NULL REFERENCES budget_line (id),
        earmark_id     uuid REFERENCES budget_earmark (id),
        kind           text NOT NULL CHECK (kind IN ('commit', 'uncommit', 'pay', 'reclaim', 'carry-in', 'carry-out')),
        amount_ore     bigint NOT NULL CHECK (amount_ore > 0),
        reference_type text NOT NULL,
        reference_id   text NOT NULL,
        note           text,
        created_by     text NOT NULL,
        created_at     timestamptz NOT NULL DEFAULT now(),
        UNIQUE (reference_type, reference_id, kind)
      )`);
    await queryRunner.query(
      `CREATE INDEX budget_ledger_entry_position_idx ON budget_ledger_entry (budget_line_id, earmark_id, kind) INCLUDE (amount_ore)`,
    );
    await queryRunner.query(`
      CREATE FUNCTION budget_ledger_entry_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'budget_ledger_entry is append-only: % refused (write a correcting entry)', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER budget_ledger_entry_append_only BEFORE UPDATE OR DELETE ON budget_ledger_entry
      FOR EACH ROW EXECUTE FUNCTION budget_ledger_entry_refuse_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE budget_ledger_entry`);
    await queryRunner.query(`DROP FUNCTION budget_ledger_entry_refuse_change()`);
    await queryRunner.query(`DROP TABLE budget_declared_total`);
    await queryRunner.query(`DROP TABLE budget_earmark`);
    await queryRunner.query(`DROP TABLE budget_line`);
    await queryRunner.query(`DROP TABLE allocation_import`);
  }
}
