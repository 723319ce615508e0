import { Module } from '@nestjs/common';
import { BudgetModule } from '@imdi/budget';
import { PaymentsModule } from '@imdi/payments';
import { registerDomainErrorStatuses } from '@imdi/platform';
import { ReportsController } from './api/reports.controller';
import { BuildReportHandler } from './application/build-report.handler';
import { ReportComposer } from './application/report-composer.service';
import { ReportRuns } from './application/report-runs.service';
import { ReportingError, reportingErrorStatus } from './domain/reporting.errors';
import { ReportQueries } from './infrastructure/report.queries';
import { ReportRunRepository } from './infrastructure/report-run.repository';

registerDomainErrorStatuses((error) => (error instanceof ReportingError ? reportingErrorStatus(error.code) : undefined));

@Module({
  imports: [BudgetModule, PaymentsModule],
  controllers: [ReportsController],
  providers: [ReportRuns, ReportComposer, ReportQueries, ReportRunRepository, BuildReportHandler],
})
export class ReportingModule {}
