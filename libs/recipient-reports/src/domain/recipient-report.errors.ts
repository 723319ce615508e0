import { DomainError, type RefusalStatus } from '@imdi/kernel';

export type RecipientReportErrorCode = 'REPORT_NOT_FOUND' | 'REPORT_ATTACHMENT_NOT_FOUND' | 'REPORT_NOT_OPEN' | 'REPORT_NOT_SUBMITTED' | 'REPORT_INCOMPLETE';

export class RecipientReportError extends DomainError<RecipientReportErrorCode> {
  constructor(
    readonly code: RecipientReportErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
    field?: string,
  ) {
    super(message, field);
  }
}

/** One exhaustive table: a new code does not compile until it has a status, and the api checks it at start-up. */
export const RECIPIENT_REPORT_ERROR_STATUSES = {
  REPORT_NOT_FOUND: 404,
  REPORT_ATTACHMENT_NOT_FOUND: 404,
  REPORT_NOT_OPEN: 409,
  REPORT_NOT_SUBMITTED: 409,
  REPORT_INCOMPLETE: 422,
} as const satisfies Record<RecipientReportErrorCode, RefusalStatus>;
