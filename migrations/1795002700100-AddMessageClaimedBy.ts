import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Which process made a message's last attempt (`host:pid`), for people tracing a message through several workers. */
export class AddMessageClaimedBy1795002700100 implements MigrationInterface {
  name = 'AddMessageClaimedBy1795002700100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE message ADD COLUMN claimed_by text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE message DROP COLUMN claimed_by`);
  }
}
