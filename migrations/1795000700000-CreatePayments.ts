import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Instalments planned from accepted decisions, payout runs per kap./post, payments (one per
 * instalment, ever: the unique key is what makes a retried or doubled run harmless) and batches.
 */
export class CreatePayments1795000700000 implements MigrationInterface {
  name = 'CreatePayments1795000700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE instalment (
        id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id             uuid NOT NULL REFERENCES case_file (id),
        decision_id         uuid NOT NULL REFERENCES decision (id),
        sequence            integer NOT NULL CHECK (sequence > 0),
        amount_ore          bigint NOT NULL CHECK (amount_ore > 0),
        due_on              date,
        held_until          text CHECK (held_until IN ('report-approved')),
        budget_year         integer NOT NULL,
        chapter             text NOT NULL,
        post                text NOT NULL,
        earmark_code        text,
        scheme_code         text NOT NULL,
        case_number         text NOT NULL,
        organisation_number text NOT NULL,
        account_number      text NOT NULL CHECK (account_number ~ '^[0-9]{11}$'),
        created_at          timestamptz NOT NULL DEFAULT now(),
        UNIQUE (decision_id, sequence),
        CHECK ((due_on IS NULL) = (held_until IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX instalment_due_idx ON instalment (budget_year, chapter, post, id) INCLUDE (due_on) WHERE due_on IS NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE payout_run (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        budget_year      integer NOT NULL,
        chapter          text NOT NULL,
        post             text NOT NULL,
        as_of            date NOT NULL,
        status           text NOT NULL CHECK (status IN ('queued', 'running', 'completed')),
        payments_created integer NOT NULL DEFAULT 0,
        requested_by     text NOT NULL,
        created_at       timestamptz NOT NULL DEFAULT now(),
        heartbeat_at     timestamptz,
        completed_at     timestamptz
      )`);
    await queryRunner.query(`
      CREATE TABLE payment_batch (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        run_id      uuid NOT NULL UNIQUE REFERENCES payout_run (id),
        budget_year integer NOT NULL,
        chapter     text NOT NULL,
        post        text NOT NULL,
        status      text NOT NULL CHECK (status IN ('prepared', 'approved')),
        prepared_by text NOT NULL,
        approved_by text,
        approved_at timestamptz,
        created_at  timestamptz NOT NULL DEFAULT now(),
        CHECK (approved_by IS NULL OR approved_by <> prepared_by),
        CHECK ((status = 'approved') = (approved_by IS NOT NULL))
      )`);
    await queryRunner.query(`
      CREATE TABLE payment (
        id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        end_to_end_id       bigserial UNIQUE,
        instalment_id       uuid NOT NULL UNIQUE REFERENCES instalment (id),
        run_id              uuid NOT NULL REFERENCES payout_run (id),
        batch_id            uuid REFERENCES payment_batch (id),
        amount_ore          bigint NOT NULL CHECK (amount_ore > 0),
        execution_date      date NOT NULL,
        budget_year         integer NOT NULL,
        chapter             text NOT NULL,
        post                text NOT NULL,
        scheme_code         text NOT NULL,
        case_number         text NOT NULL,
        organisation_number text NOT NULL,
        account_number      text NOT NULL,
        created_at          timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX payment_run_idx ON payment (run_id)`);
    await queryRunner.query(`CREATE INDEX payment_batch_idx ON payment (batch_id, execution_date, end_to_end_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE payment`);
    await queryRunner.query(`DROP TABLE payment_batch`);
    await queryRunner.query(`DROP TABLE payout_run`);
    await queryRunner.query(`DROP TABLE instalment`);
  }
}
