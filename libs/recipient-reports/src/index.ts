export { RecipientReportsModule } from './recipient-reports.module';
export { RecipientReports, type ReportDutyOfGrant, type RecipientReportView } from './application/recipient-reports.service';
export { SEND_REPORT_REMINDERS } from './application/recipient-reports.jobs';
export { ReportReminderSchedule } from './application/report-reminders.handler';
export { RecipientReportError, RECIPIENT_REPORT_ERROR_STATUSES } from './domain/recipient-report.errors';
export { RecipientReportDocuments, type RecipientReportFile } from './application/recipient-report-documents';
