import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A reclaim decision is an enkeltvedtak the party must be told of in writing (fvl. § 27): its letter is
 * written once when the decision is made, numbered in the case (CaseDocuments, «Vår ref.»), sent to the
 * recipient and archived as it was sent. Decisions made before keep no letter (null) and are rendered
 * from the decision as recorded.
 */
export class StoreReclaimDecisionLetters1796300000000 implements MigrationInterface {
  name = 'StoreReclaimDecisionLetters1796300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE reclaim ADD COLUMN letter_pdf bytea`);
    await queryRunner.query(`ALTER TABLE reclaim ADD COLUMN document_number integer CHECK (document_number >= 2)`);
    await queryRunner.query(`ALTER TABLE reclaim ADD CONSTRAINT reclaim_document_number_unique UNIQUE (case_id, document_number)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE reclaim DROP CONSTRAINT reclaim_document_number_unique`);
    await queryRunner.query(`ALTER TABLE reclaim DROP COLUMN document_number`);
    await queryRunner.query(`ALTER TABLE reclaim DROP COLUMN letter_pdf`);
  }
}
