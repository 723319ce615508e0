import { Module } from '@nestjs/common';
import { BudgetModule } from '@imdi/budget';
import { PaymentsModule } from '@imdi/payments';
import { domainErrorStatuses, jobDefinitions } from '@imdi/platform';
import { ReportsController } from './api/reports.controller';
import { BuildReportHandler } from './application/build-report.handler';
import { ReportComposer } from './application/report-composer.service';
import { ReportRuns } from './application/report-runs.service';
import * as reportingJobs from './application/reporting.jobs';
import { ReportingError, REPORTING_ERROR_STATUSES } from './domain/reporting.errors';
import { ReportQueries } from './infrastructure/report.queries';
import { ReportRunRepository } from './infrastructure/report-run.repository';

@Module({
  imports: [BudgetModule, PaymentsModule],
  controllers: [ReportsController],
  providers: [
    domainErrorStatuses(ReportingError, REPORTING_ERROR_STATUSES),
    jobDefinitions(...Object.values(reportingJobs)),
    ReportRuns,
    ReportComposer,
    ReportQueries,
    ReportRunRepository,
    BuildReportHandler,
  ],
})
export class ReportingModule {}
