import { Module } from '@nestjs/common';
import { CasesModule } from '@imdi/cases';
import { IntakeModule } from '@imdi/intake';
import { MessagingModule } from '@imdi/messaging';
import { registerDomainErrorStatuses } from '@imdi/platform';
import { RecipientReportsController } from './api/recipient-reports.controller';
import { OpenReportDutyOnGrantAccepted } from './application/open-report-duty.subscriber';
import { RecipientReports } from './application/recipient-reports.service';
import { SendReportReminders } from './application/report-reminders.handler';
import { RecipientReportError, recipientReportErrorStatus } from './domain/recipient-report.errors';
import { RecipientReportRepository } from './infrastructure/recipient-report.repository';

registerDomainErrorStatuses((error) => (error instanceof RecipientReportError ? recipientReportErrorStatus(error.code) : undefined));

@Module({
  imports: [CasesModule, IntakeModule, MessagingModule],
  controllers: [RecipientReportsController],
  providers: [RecipientReports, RecipientReportRepository, SendReportReminders, OpenReportDutyOnGrantAccepted],
  exports: [RecipientReports],
})
export class RecipientReportsModule {}
