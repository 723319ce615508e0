import { DomainError, type RefusalStatus } from '@imdi/kernel';

export type CaseErrorCode = 'ILLEGAL_TRANSITION' | 'TRANSITION_NOT_ALLOWED' | 'CASE_NOT_FOUND';

export class CaseError extends DomainError<CaseErrorCode> {
  constructor(
    readonly code: CaseErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** One exhaustive table: a new code does not compile until it has a status, and the api checks it at start-up. */
export const CASE_ERROR_STATUSES = {
  ILLEGAL_TRANSITION: 409,
  TRANSITION_NOT_ALLOWED: 409,
  CASE_NOT_FOUND: 404,
} as const satisfies Record<CaseErrorCode, RefusalStatus>;
