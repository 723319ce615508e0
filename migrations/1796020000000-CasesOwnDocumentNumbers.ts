import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One owner of a case's document numbers. Casework numbered its letters in `case_document_counter`
 * and the journal its entries in `journal_case_file.last_document_number`, so "Vår ref. 2017/42-3"
 * and the journal's document 3 could name different documents. From now on cases owns
 * `case_document_counter` (CaseDocuments.next) and letters, reclaim notices and journal entries all
 * take their number from it. The counter is moved past every number either side has used, so no new
 * number repeats an old one; numbers already given are kept as they are (they are in letters sent).
 * Reclaim notices now carry their document number; older ones have none (their reference was the
 * case number alone).
 */
export class CasesOwnDocumentNumbers1796020000000 implements MigrationInterface {
  name = 'CasesOwnDocumentNumbers1796020000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      INSERT INTO case_document_counter (case_id, last_number)
      SELECT f.case_id, greatest(max(e.document_number), 1)
      FROM journal_case_file f JOIN journal_entry e ON e.case_file_id = f.id
      GROUP BY f.case_id
      ON CONFLICT (case_id) DO UPDATE SET last_number = greatest(case_document_counter.last_number, excluded.last_number), updated_at = now()`);
    await queryRunner.query(`ALTER TABLE reclaim_notice ADD COLUMN document_number integer CHECK (document_number >= 2)`);
    await queryRunner.query(`ALTER TABLE reclaim_notice ADD CONSTRAINT reclaim_notice_document_number_unique UNIQUE (case_id, document_number)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE reclaim_notice DROP COLUMN document_number`);
    // The counters stay past the journal's numbers: lowering them could give a number twice.
  }
}
