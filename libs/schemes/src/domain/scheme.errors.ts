import { DomainError, type RefusalStatus } from '@imdi/kernel';

export type SchemeErrorCode =
  | 'SCHEME_NOT_FOUND'
  | 'SCHEME_VERSION_NOT_FOUND'
  | 'SCHEME_VERSION_EXISTS'
  | 'SCHEME_VERSION_FROZEN'
  | 'SCHEME_WINDOW_OPENED'
  | 'RATE_NOT_FOUND'
  | 'SCHEME_DATA_INVALID';

export class SchemeError extends DomainError<SchemeErrorCode> {
  constructor(
    readonly code: SchemeErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
    field?: string,
  ) {
    super(message, field);
  }
}

/** One exhaustive table: a new code does not compile until it has a status, and the api checks it at start-up. */
export const SCHEME_ERROR_STATUSES = {
  SCHEME_NOT_FOUND: 404,
  SCHEME_VERSION_NOT_FOUND: 404,
  RATE_NOT_FOUND: 404,
  SCHEME_VERSION_EXISTS: 409,
  SCHEME_VERSION_FROZEN: 409,
  SCHEME_WINDOW_OPENED: 409,
  SCHEME_DATA_INVALID: 400,
} as const satisfies Record<SchemeErrorCode, RefusalStatus>;
