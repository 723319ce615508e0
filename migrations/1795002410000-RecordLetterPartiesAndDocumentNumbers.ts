import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a letter needs to name people and be referred to, as a Norwegian public letter does:
 * - the caseworker's and the approver's names as they signed in when they acted (`*_by` keeps the
 *   user id for the four-eyes rule; a letter names people, never ids);
 * - the recipient's postal address and the contact person's phone (optional: rows registered before
 *   this have none, and the letter then shows the name and att. only);
 * - a document number within the case for "Vår ref." (case number + document number). There is no
 *   archive numbering yet, so casework numbers its own outgoing letters per case from 2 (document 1
 *   is the application received); existing letters get numbers in the order they were produced.
 */
export class RecordLetterPartiesAndDocumentNumbers1795002410000 implements MigrationInterface {
  name = 'RecordLetterPartiesAndDocumentNumbers1795002410000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE decision
        ADD COLUMN proposed_by_name text CHECK (length(proposed_by_name) BETWEEN 1 AND 200),
        ADD COLUMN approved_by_name text CHECK (length(approved_by_name) BETWEEN 1 AND 200)`);
    await queryRunner.query(`
      ALTER TABLE organisation
        ADD COLUMN postal_address text CHECK (length(postal_address) BETWEEN 2 AND 200),
        ADD COLUMN postal_code    text CHECK (postal_code ~ '^[0-9]{4}$'),
        ADD COLUMN postal_place   text CHECK (length(postal_place) BETWEEN 2 AND 100),
        ADD COLUMN contact_phone  text CHECK (contact_phone ~ '^\\+?[0-9 ]{8,20}$'),
        ADD CONSTRAINT organisation_postal_address_whole CHECK ((postal_address IS NULL) = (postal_code IS NULL) AND (postal_code IS NULL) = (postal_place IS NULL))`);
    await queryRunner.query(`
      CREATE TABLE case_document_counter (
        case_id     uuid PRIMARY KEY REFERENCES case_file (id),
        last_number integer NOT NULL CHECK (last_number >= 1),
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`ALTER TABLE letter ADD COLUMN document_number integer CHECK (document_number >= 2)`);
    await queryRunner.query(`
      UPDATE letter l SET document_number = numbered.n
      FROM (SELECT id, 1 + row_number() OVER (PARTITION BY case_id ORDER BY produced_at, id) AS n FROM letter) numbered
      WHERE numbered.id = l.id`);
    await queryRunner.query(`
      INSERT INTO case_document_counter (case_id, last_number)
      SELECT case_id, max(document_number) FROM letter GROUP BY case_id`);
    await queryRunner.query(`ALTER TABLE letter ALTER COLUMN document_number SET NOT NULL, ADD CONSTRAINT letter_document_number_unique UNIQUE (case_id, document_number)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE letter DROP COLUMN document_number`);
    await queryRunner.query(`DROP TABLE case_document_counter`);
    await queryRunner.query(`
      ALTER TABLE organisation
        DROP CONSTRAINT organisation_postal_address_whole,
        DROP COLUMN contact_phone,
        DROP COLUMN postal_place,
        DROP COLUMN postal_code,
        DROP COLUMN postal_address`);
    await queryRunner.query(`ALTER TABLE decision DROP COLUMN approved_by_name, DROP COLUMN proposed_by_name`);
  }
}
