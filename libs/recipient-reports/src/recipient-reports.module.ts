import { Module } from '@nestjs/common';
import { CasesModule } from '@imdi/cases';
import { IntakeModule } from '@imdi/intake';
import { MessagingModule } from '@imdi/messaging';
import { domainErrorStatuses, jobDefinitions } from '@imdi/platform';
import { RecipientReportsController } from './api/recipient-reports.controller';
import { OpenReportDutyOnGrantAccepted } from './application/open-report-duty.subscriber';
import { RecipientReportDocuments } from './application/recipient-report-documents';
import { RecipientReports } from './application/recipient-reports.service';
import { SendReportReminders } from './application/report-reminders.handler';
import * as recipientReportsJobs from './application/recipient-reports.jobs';
import { RecipientReportError, RECIPIENT_REPORT_ERROR_STATUSES } from './domain/recipient-report.errors';
import { RecipientReportDocumentsAdapter } from './infrastructure/recipient-report-documents.adapter';
import { RecipientReportRepository } from './infrastructure/recipient-report.repository';

@Module({
  imports: [CasesModule, IntakeModule, MessagingModule],
  controllers: [RecipientReportsController],
  providers: [
    domainErrorStatuses(RecipientReportError, RECIPIENT_REPORT_ERROR_STATUSES),
    jobDefinitions(...Object.values(recipientReportsJobs)),
    RecipientReports,
    RecipientReportRepository,
    SendReportReminders,
    OpenReportDutyOnGrantAccepted,
    { provide: RecipientReportDocuments, useClass: RecipientReportDocumentsAdapter },
  ],
  exports: [RecipientReports, RecipientReportDocuments],
})
export class RecipientReportsModule {}
