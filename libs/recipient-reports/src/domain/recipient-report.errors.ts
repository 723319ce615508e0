import { DomainError } from '@imdi/kernel';

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

/** One exhaustive mapping: a new code does not compile until it has a status. */
export function recipientReportErrorStatus(code: RecipientReportErrorCode): number {
  switch (code) {
    case 'REPORT_NOT_FOUND':
    case 'REPORT_ATTACHMENT_NOT_FOUND':
      return 404;
    case 'REPORT_NOT_OPEN':
    case 'REPORT_NOT_SUBMITTED':
      return 409;
    case 'REPORT_INCOMPLETE':
      return 422;
  }
}
