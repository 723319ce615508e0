import { DomainError, type RefusalStatus } from '@imdi/kernel';

export type SignInErrorCode = 'CSRF_TOKEN_INVALID' | 'NOT_SIGNED_IN' | 'NOT_AN_APPLICANT' | 'ORGANISATION_NOT_REPRESENTED';

export class SignInError extends DomainError<SignInErrorCode> {
  constructor(
    readonly code: SignInErrorCode,
    message: string,
    field?: string,
  ) {
    super(message, field);
  }
}

/** One exhaustive table: a new code does not compile until it has a status, and the api checks it at start-up. */
export const SIGN_IN_ERROR_STATUSES = {
  NOT_SIGNED_IN: 401,
  CSRF_TOKEN_INVALID: 403,
  NOT_AN_APPLICANT: 403,
  // The same answer as for an organisation that does not exist: a person learns nothing about organisations they cannot act for.
  ORGANISATION_NOT_REPRESENTED: 404,
} as const satisfies Record<SignInErrorCode, RefusalStatus>;
