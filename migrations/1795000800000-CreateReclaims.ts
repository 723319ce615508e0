import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Demands for repayment (tilbakebetaling) of unused or misused funds, and the repayments received. */
export class CreateReclaims1795000800000 implements MigrationInterface {
  name = 'CreateReclaims1795000800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE reclaim (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id      uuid NOT NULL REFERENCES case_file (id),
        decision_id  uuid NOT NULL REFERENCES decision (id),
        amount_ore   bigint NOT NULL CHECK (amount_ore > 0),
        reason       text NOT NULL,
        due_on       date NOT NULL,
        budget_year  integer NOT NULL,
        chapter      text NOT NULL,
        post         text NOT NULL,
        earmark_code text,
        demanded_by  text NOT NULL,
        demanded_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE repayment (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reclaim_id    uuid NOT NULL REFERENCES reclaim (id),
        amount_ore    bigint NOT NULL CHECK (amount_ore > 0),
        received_on   date NOT NULL,
        registered_by text NOT NULL,
        registered_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE repayment`);
    await queryRunner.query(`DROP TABLE reclaim`);
  }
}
