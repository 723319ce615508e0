import { DomainError } from '@imdi/kernel';

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

/** One exhaustive mapping: a new code does not compile until it has a status. */
export function reportingErrorStatus(code: ReportingErrorCode): number {
  switch (code) {
    case 'REPORT_NOT_FOUND':
      return 404;
    case 'REPORT_NOT_READY':
      return 409;
    case 'BUDGET_YEAR_NOT_FOUND':
    case 'BUDGET_POST_NOT_FOUND':
      return 422;
  }
}
