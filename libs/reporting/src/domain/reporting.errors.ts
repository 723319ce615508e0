import { DomainError, type RefusalStatus } from '@imdi/kernel';

export type ReportingErrorCode = 'REPORT_NOT_FOUND' | 'REPORT_NOT_READY' | 'BUDGET_YEAR_NOT_FOUND' | 'BUDGET_POST_NOT_FOUND';

export class ReportingError extends DomainError<ReportingErrorCode> {
  constructor(
    readonly code: ReportingErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
    field?: string,
  ) {
    super(message, field);
  }
}

/** One exhaustive table: a new code does not compile until it has a status, and the api checks it at start-up. */
export const REPORTING_ERROR_STATUSES = {
  REPORT_NOT_FOUND: 404,
  REPORT_NOT_READY: 409,
  BUDGET_YEAR_NOT_FOUND: 422,
  BUDGET_POST_NOT_FOUND: 422,
} as const satisfies Record<ReportingErrorCode, RefusalStatus>;
