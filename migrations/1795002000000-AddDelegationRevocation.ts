import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A delegation is given by someone other than its holder, and can be revoked with who and why. The
 * self-delegation check is NOT VALID so that an existing self-given row does not stop the migration;
 * approval ignores such rows.
 */
export class AddDelegationRevocation1795002000000 implements MigrationInterface {
  name = 'AddDelegationRevocation1795002000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE approver_delegation ADD COLUMN revoked_by text, ADD COLUMN revocation_reason text`);
    await queryRunner.query(`ALTER TABLE approver_delegation ADD CONSTRAINT approver_delegation_not_self CHECK (granted_by <> approver_id) NOT VALID`);
    await queryRunner.query(
      `ALTER TABLE approver_delegation ADD CONSTRAINT approver_delegation_revocation_complete CHECK ((revoked_at IS NULL) = (revoked_by IS NULL) AND (revoked_at IS NULL) = (revocation_reason IS NULL)) NOT VALID`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE approver_delegation DROP CONSTRAINT approver_delegation_revocation_complete`);
    await queryRunner.query(`ALTER TABLE approver_delegation DROP CONSTRAINT approver_delegation_not_self`);
    await queryRunner.query(`ALTER TABLE approver_delegation DROP COLUMN revocation_reason, DROP COLUMN revoked_by`);
  }
}
