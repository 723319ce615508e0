import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * GET /per-capita-settlements lists a municipality's own settlement lines across schemes and years,
 * newest first. The existing keys lead with scheme_code, so that read would scan the table; this
 * index answers it from the municipality's rows alone.
 */
export class IndexPerCapitaPayoutsByMunicipality1796220000000 implements MigrationInterface {
  name = 'IndexPerCapitaPayoutsByMunicipality1796220000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX per_capita_payout_organisation_idx ON per_capita_payout (organisation_number, budget_year DESC, period DESC, sequence DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX per_capita_payout_organisation_idx`);
  }
}
