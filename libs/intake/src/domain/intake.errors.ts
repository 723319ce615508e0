import { DomainError } from '@imdi/kernel';

export type IntakeErrorCode =
  | 'ORGANISATION_NOT_FOUND'
  | 'ORGANISATION_EXISTS'
  | 'APPLICATION_NOT_FOUND'
  | 'ATTACHMENT_NOT_FOUND'
  | 'NOT_ELIGIBLE'
  | 'APPLICATION_WINDOW_NOT_OPEN'
  | 'DEADLINE_PASSED'
  | 'BUDGET_YEAR_CLOSED'
  | 'FORM_INVALID'
  | 'NOT_A_DRAFT'
  | 'DRAFT_CHANGING'
  | 'ATTACHMENT_TOO_LARGE'
  | 'ATTACHMENT_TYPE_NOT_ALLOWED'
  | 'IDEMPOTENCY_KEY_REQUIRED'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'RECEIPT_NOT_AVAILABLE'
  | 'NOT_ACTING_FOR_ORGANISATION'
  | 'ACCOUNT_UNCHANGED';

export class IntakeError extends DomainError<IntakeErrorCode> {
  constructor(
    readonly code: IntakeErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
    field?: string,
  ) {
    super(message, field);
  }
}

export function intakeErrorStatus(code: IntakeErrorCode): number {
  switch (code) {
    case 'ORGANISATION_NOT_FOUND':
    case 'APPLICATION_NOT_FOUND':
    case 'ATTACHMENT_NOT_FOUND':
      return 404;
    case 'ORGANISATION_EXISTS':
    case 'NOT_A_DRAFT':
    case 'DRAFT_CHANGING':
    case 'RECEIPT_NOT_AVAILABLE':
      return 409;
    case 'NOT_ELIGIBLE':
    case 'APPLICATION_WINDOW_NOT_OPEN':
    case 'DEADLINE_PASSED':
    case 'BUDGET_YEAR_CLOSED':
    case 'IDEMPOTENCY_KEY_REUSED':
      return 422;
    case 'FORM_INVALID':
    case 'IDEMPOTENCY_KEY_REQUIRED':
      return 400;
    case 'ATTACHMENT_TOO_LARGE':
      return 413;
    case 'ATTACHMENT_TYPE_NOT_ALLOWED':
      return 415;
    case 'ACCOUNT_UNCHANGED':
      return 422;
    case 'NOT_ACTING_FOR_ORGANISATION':
      return 403;
  }
}
