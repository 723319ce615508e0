import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Persons settled in a municipality, the basis of per-capita grants. The national identity number is
 * stored encrypted (AES-256-GCM) and found through a keyed hash; birth year and gender are kept in the
 * clear only because the allocation letter asks for statistics by gender.
 */
export class CreateSettledPersons1795000900000 implements MigrationInterface {
  name = 'CreateSettledPersons1795000900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE settled_person (
        id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        scheme_code           text NOT NULL,
        organisation_number   text NOT NULL CHECK (organisation_number ~ '^[0-9]{9}$'),
        municipality_number   text NOT NULL CHECK (municipality_number ~ '^[0-9]{4}$'),
        national_id_encrypted text NOT NULL,
        national_id_index     text NOT NULL,
        birth_date            date NOT NULL,
        gender                text NOT NULL CHECK (gender IN ('female', 'male')),
        settlement_date       date NOT NULL,
        category              text NOT NULL,
        special_criterion     boolean NOT NULL DEFAULT false,
        imported_by           text NOT NULL,
        created_at            timestamptz NOT NULL DEFAULT now(),
        updated_at            timestamptz NOT NULL DEFAULT now(),
        UNIQUE (scheme_code, national_id_index)
      )`);
    await queryRunner.query(`CREATE INDEX settled_person_municipality_idx ON settled_person (scheme_code, organisation_number)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE settled_person`);
  }
}
