import { DomainError } from '@imdi/kernel';

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

/** One exhaustive mapping: a new code does not compile until it has a status. */
export function journalErrorStatus(code: JournalErrorCode): number {
  switch (code) {
    case 'JOURNAL_ENTRY_NOT_FOUND':
    case 'JOURNAL_CASE_FILE_NOT_FOUND':
      return 404;
    case 'JOURNAL_ENTRY_FINAL':
    case 'JOURNAL_ENTRY_NOT_FINAL':
    case 'JOURNAL_DELIVERY_PENDING':
      return 409;
    case 'JOURNAL_PUBLIC_TITLE_HOLDS_PERSONAL_DATA':
    case 'JOURNAL_SCREENING_WITHOUT_BASIS':
      return 422;
  }
}
