import type { MigrationInterface, QueryRunner } from 'typeorm';
import { AUDIT_APPEND_FUNCTION } from '../libs/audit/src/infrastructure/audit-append.function';
import { NUMBER_RECEIVED_CASES_FUNCTION } from '../libs/cases/src/infrastructure/number-received-cases.function';
import { SUBMIT_APPLICATIONS_FUNCTION } from '../libs/intake/src/infrastructure/submit-applications.function';
import { OUTBOX_APPEND_FUNCTION } from '../libs/outbox/src/infrastructure/outbox-append.function';
import { PublishApplicationSubmitted1795140000000 } from './1795140000000-PublishApplicationSubmitted';

/**
 * The submit path gets owners: audit_append (audit) and outbox_append (outbox) are the functions every
 * writer of audit entries and outbox messages uses, the TypeScript AuditTrail and OutboxWriter as well;
 * number_received_cases (cases) numbers the received cases; submit_applications (intake) calls them and
 * reads cases through the case_register view. Each function's SQL lives in its owner's infrastructure/;
 * this only installs it. The rows written are those of 1795140000000's function.
 */
export class OwnTheSubmitPath1796040100000 implements MigrationInterface {
  name = 'OwnTheSubmitPath1796040100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(AUDIT_APPEND_FUNCTION);
    await queryRunner.query(OUTBOX_APPEND_FUNCTION);
    await queryRunner.query(NUMBER_RECEIVED_CASES_FUNCTION);
    await queryRunner.query(SUBMIT_APPLICATIONS_FUNCTION);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await new PublishApplicationSubmitted1795140000000().up(queryRunner);
    await queryRunner.query(`DROP FUNCTION number_received_cases(uuid[], jsonb)`);
    await queryRunner.query(`DROP FUNCTION outbox_append(text, text, jsonb, text)`);
    await queryRunner.query(`DROP FUNCTION audit_append(jsonb)`);
  }
}
