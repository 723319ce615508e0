import { DomainError, type RefusalStatus } from '@imdi/kernel';

export type JournalErrorCode =
  | 'JOURNAL_ENTRY_NOT_FOUND'
  | 'JOURNAL_CASE_FILE_NOT_FOUND'
  | 'JOURNAL_ENTRY_FINAL'
  | 'JOURNAL_ENTRY_NOT_FINAL'
  | 'JOURNAL_PUBLIC_TITLE_HOLDS_PERSONAL_DATA'
  | 'JOURNAL_SCREENING_WITHOUT_BASIS'
  | 'JOURNAL_DELIVERY_PENDING';

export class JournalError extends DomainError<JournalErrorCode> {
  constructor(
    readonly code: JournalErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
    field?: string,
  ) {
    super(message, field);
  }
}

/** One exhaustive table: a new code does not compile until it has a status, and the api checks it at start-up. */
export const JOURNAL_ERROR_STATUSES = {
  JOURNAL_ENTRY_NOT_FOUND: 404,
  JOURNAL_CASE_FILE_NOT_FOUND: 404,
  JOURNAL_ENTRY_FINAL: 409,
  JOURNAL_ENTRY_NOT_FINAL: 409,
  JOURNAL_DELIVERY_PENDING: 409,
  JOURNAL_PUBLIC_TITLE_HOLDS_PERSONAL_DATA: 422,
  JOURNAL_SCREENING_WITHOUT_BASIS: 422,
} as const satisfies Record<JournalErrorCode, RefusalStatus>;
