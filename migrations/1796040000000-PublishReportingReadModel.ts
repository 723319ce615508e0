import type { MigrationInterface, QueryRunner } from 'typeorm';
import { BUDGET_FRAME_VIEW } from '../libs/budget/src/infrastructure/budget-frame.view';
import { CASE_REGISTER_VIEW } from '../libs/cases/src/infrastructure/case-register.view';
import { APPROVED_DECISION_VIEW } from '../libs/casework/src/infrastructure/approved-decision.view';
import {
  INSTALMENT_PAYMENT_VIEW,
  PLANNED_INSTALMENT_VIEW,
  SETTLED_PERSON_STATISTIC_VIEW,
} from '../libs/payments/src/infrastructure/payments-read-model.views';
import { REPORT_FIGURES_VIEW } from '../libs/recipient-reports/src/infrastructure/report-figures.view';
import { SCHEME_CATALOGUE_VIEW } from '../libs/schemes/src/infrastructure/scheme-catalogue.view';

/**
 * The read model reporting reads instead of other contexts' tables: each owner publishes views over its
 * own tables (their SQL lives in the owner's infrastructure/; this only installs it). Simple views, so
 * PostgreSQL inlines them into the reports' queries and the plans stay those of the direct reads.
 */
export class PublishReportingReadModel1796040000000 implements MigrationInterface {
  name = 'PublishReportingReadModel1796040000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const view of [
      SCHEME_CATALOGUE_VIEW,
      BUDGET_FRAME_VIEW,
      CASE_REGISTER_VIEW,
      APPROVED_DECISION_VIEW,
      PLANNED_INSTALMENT_VIEW,
      INSTALMENT_PAYMENT_VIEW,
      SETTLED_PERSON_STATISTIC_VIEW,
      REPORT_FIGURES_VIEW,
    ]) {
      await queryRunner.query(view);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP VIEW report_figures, settled_person_statistic, instalment_payment, planned_instalment, approved_decision, case_register, budget_frame, scheme_catalogue`,
    );
  }
}
