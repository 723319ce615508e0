import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ministry IMDi answers to changes between governments (2017: Justis- og beredskapsdepartementet;
 * later Kunnskapsdepartementet, then Arbeids- og inkluderingsdepartementet). It is the appeal body in
 * every letter and the recipient of pre-notifications, so it is data of the budget year, stated by
 * the year's allocation letter. The 2017 letter, already imported by existing installations, was
 * issued by JD: that row is filled in here.
 */
export class AddResponsibleMinistryPerBudgetYear1795002400000 implements MigrationInterface {
  name = 'AddResponsibleMinistryPerBudgetYear1795002400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE budget_year_ministry (
        budget_year    integer PRIMARY KEY,
        name           text NOT NULL CHECK (length(name) BETWEEN 5 AND 200),
        short_name     text NOT NULL CHECK (length(short_name) BETWEEN 2 AND 20),
        postal_address text NOT NULL CHECK (length(postal_address) BETWEEN 5 AND 300),
        email          text NOT NULL CHECK (email ~ '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$'),
        import_id      uuid REFERENCES allocation_import (id),
        created_at     timestamptz NOT NULL DEFAULT now(),
        updated_at     timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      INSERT INTO budget_year_ministry (budget_year, name, short_name, postal_address, email, import_id)
      SELECT budget_year, 'Justis- og beredskapsdepartementet', 'JD', 'Postboks 8005 Dep, 0030 Oslo', 'postmottak@jd.dep.no', id
      FROM allocation_import WHERE budget_year = 2017`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE budget_year_ministry`);
  }
}
