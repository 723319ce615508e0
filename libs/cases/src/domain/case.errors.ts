import { DomainError } from '@imdi/kernel';

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

export function caseErrorStatus(code: CaseErrorCode): number {
  switch (code) {
    case 'ILLEGAL_TRANSITION':
    case 'TRANSITION_NOT_ALLOWED':
      return 409;
    case 'CASE_NOT_FOUND':
      return 404;
  }
}
