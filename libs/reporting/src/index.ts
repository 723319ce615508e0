export { ReportingModule } from './reporting.module';
export { BUILD_REPORT } from './application/reporting.jobs';
export { ReportComposer, type ReportRequest } from './application/report-composer.service';
export { renderWorkbook } from './infrastructure/report.workbook';
export { renderPdf } from './infrastructure/report.pdf';
export type { ReportDocument, ReportSection } from './domain/report-document';
export { REPORT_KINDS, type ReportKind } from './domain/report-kind';
export { ReportingError, REPORTING_ERROR_STATUSES, type ReportingErrorCode } from './domain/reporting.errors';
