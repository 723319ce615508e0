import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where the journal fetches an entry's produced document (a letter's PDF) when it delivers the entry
 * to the archive: the owning context and its id there, asked through the owner's exported port.
 */
export class AddJournalDocumentSources1796030000000 implements MigrationInterface {
  name = 'AddJournalDocumentSources1796030000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE journal_entry ADD COLUMN document_source jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE journal_entry DROP COLUMN document_source`);
  }
}
