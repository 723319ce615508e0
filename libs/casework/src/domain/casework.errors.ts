import { DomainError } from '@imdi/kernel';

export type CaseworkErrorCode =
  | 'CONFLICT_OF_INTEREST'
  | 'FOUR_EYES'
  | 'NO_DELEGATION'
  | 'BEYOND_DELEGATION'
  | 'NO_PROPOSAL'
  | 'PROPOSAL_INVALID'
  | 'ASSESSMENT_INVALID'
  | 'NOTHING_TO_NOTIFY'
  | 'NOTIFICATION_NOT_DELIVERED'
  | 'LETTER_NOT_FOUND'
  | 'ACCEPTANCE_DEADLINE_PASSED'
  | 'APPEAL_TOO_LATE'
  | 'NO_OPEN_APPEAL'
  | 'SELF_DELEGATION'
  | 'DELEGATION_LIMIT_NOT_POSITIVE'
  | 'DELEGATION_NOT_FOUND'
  | 'DELEGATION_REVOKED'
  | 'ALREADY_APPEALED'
  | 'ALREADY_ACKNOWLEDGED';

export class CaseworkError extends DomainError<CaseworkErrorCode> {
  constructor(
    readonly code: CaseworkErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
    field?: string,
  ) {
    super(message, field);
  }
}

export function caseworkErrorStatus(code: CaseworkErrorCode): number {
  switch (code) {
    case 'CONFLICT_OF_INTEREST':
    case 'FOUR_EYES':
    case 'NO_DELEGATION':
    case 'BEYOND_DELEGATION':
    case 'SELF_DELEGATION':
      return 403;
    case 'DELEGATION_LIMIT_NOT_POSITIVE':
      return 400;
    case 'DELEGATION_NOT_FOUND':
      return 404;
    case 'DELEGATION_REVOKED':
      return 409;
    case 'NO_PROPOSAL':
    case 'NOTHING_TO_NOTIFY':
    case 'NOTIFICATION_NOT_DELIVERED':
      return 409;
    case 'PROPOSAL_INVALID':
    case 'ACCEPTANCE_DEADLINE_PASSED':
    case 'APPEAL_TOO_LATE':
      return 422;
    case 'NO_OPEN_APPEAL':
    case 'ALREADY_APPEALED':
    case 'ALREADY_ACKNOWLEDGED':
      return 409;
    case 'ASSESSMENT_INVALID':
      return 400;
    case 'LETTER_NOT_FOUND':
      return 404;
  }
}
