import { DomainError } from '@imdi/kernel';

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

/** One exhaustive mapping: a new code does not compile until it has a status. */
export function signInErrorStatus(code: SignInErrorCode): number {
  switch (code) {
    case 'NOT_SIGNED_IN':
      return 401;
    case 'CSRF_TOKEN_INVALID':
    case 'NOT_AN_APPLICANT':
      return 403;
    // The same answer as for an organisation that does not exist: a person learns nothing about organisations they cannot act for.
    case 'ORGANISATION_NOT_REPRESENTED':
      return 404;
  }
}
