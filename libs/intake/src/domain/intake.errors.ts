import { DomainError, type RefusalStatus } from '@imdi/kernel';

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

/** One exhaustive table: a new code does not compile until it has a status, and the api checks it at start-up. */
export const INTAKE_ERROR_STATUSES = {
  ORGANISATION_NOT_FOUND: 404,
  APPLICATION_NOT_FOUND: 404,
  ATTACHMENT_NOT_FOUND: 404,
  ORGANISATION_EXISTS: 409,
  NOT_A_DRAFT: 409,
  DRAFT_CHANGING: 409,
  RECEIPT_NOT_AVAILABLE: 409,
  NOT_ELIGIBLE: 422,
  APPLICATION_WINDOW_NOT_OPEN: 422,
  DEADLINE_PASSED: 422,
  BUDGET_YEAR_CLOSED: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  FORM_INVALID: 400,
  IDEMPOTENCY_KEY_REQUIRED: 400,
  ATTACHMENT_TOO_LARGE: 413,
  ATTACHMENT_TYPE_NOT_ALLOWED: 415,
  ACCOUNT_UNCHANGED: 422,
  NOT_ACTING_FOR_ORGANISATION: 403,
} as const satisfies Record<IntakeErrorCode, RefusalStatus>;
