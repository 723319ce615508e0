import type { MigrationInterface, QueryRunner } from 'typeorm';
import { AUDIT_APPEND_PLPGSQL } from '../libs/audit/src/infrastructure/audit-append.plpgsql';
import { NUMBER_RECEIVED_CASES_PLPGSQL } from '../libs/cases/src/infrastructure/number-received-cases.plpgsql';
import { OUTBOX_APPEND_PLPGSQL } from '../libs/outbox/src/infrastructure/outbox-append.plpgsql';
import { OwnTheSubmitPath1796040100000 } from './1796040100000-OwnTheSubmitPath';

/**
 * The three functions every submit batch calls (audit_append, outbox_append, number_received_cases)
 * become PL/pgSQL, with the same statements and answers: as SQL-language functions they were planned
 * again on every call, which cost more than running them. Each owner keeps the new text in its
 * infrastructure/; this only installs it. Down installs the SQL-language versions again.
 */
export class PlanSubmitHelpersOnce1796320000000 implements MigrationInterface {
  name = 'PlanSubmitHelpersOnce1796320000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Changing a function's language needs no DROP: the signature and the result stay the same.
    await queryRunner.query(AUDIT_APPEND_PLPGSQL);
    await queryRunner.query(OUTBOX_APPEND_PLPGSQL);
    await queryRunner.query(NUMBER_RECEIVED_CASES_PLPGSQL);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // CREATE OR REPLACE, all four as they were (submit_applications unchanged).
    await new OwnTheSubmitPath1796040100000().up(queryRunner);
  }
}
