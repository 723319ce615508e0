import { DomainError } from '@imdi/kernel';

export type SchemeErrorCode =
  | 'SCHEME_NOT_FOUND'
  | 'SCHEME_VERSION_NOT_FOUND'
  | 'SCHEME_VERSION_EXISTS'
  | 'SCHEME_VERSION_FROZEN'
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

export function schemeErrorStatus(code: SchemeErrorCode): number {
  switch (code) {
    case 'SCHEME_NOT_FOUND':
    case 'SCHEME_VERSION_NOT_FOUND':
    case 'RATE_NOT_FOUND':
      return 404;
    case 'SCHEME_VERSION_EXISTS':
    case 'SCHEME_VERSION_FROZEN':
      return 409;
    case 'SCHEME_DATA_INVALID':
      return 400;
  }
}
