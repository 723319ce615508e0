import { DomainError, type RefusalStatus } from '@imdi/kernel';

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
  | 'ALREADY_ACKNOWLEDGED'
  | 'PROVISIONAL_ANSWER_INVALID'
  | 'PROVISIONAL_ANSWER_EXISTS'
  | 'NOTE_INVALID';

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

/** One exhaustive table: a new code does not compile until it has a status, and the api checks it at start-up. */
export const CASEWORK_ERROR_STATUSES = {
  CONFLICT_OF_INTEREST: 403,
  FOUR_EYES: 403,
  NO_DELEGATION: 403,
  BEYOND_DELEGATION: 403,
  SELF_DELEGATION: 403,
  DELEGATION_LIMIT_NOT_POSITIVE: 400,
  DELEGATION_NOT_FOUND: 404,
  DELEGATION_REVOKED: 409,
  NO_PROPOSAL: 409,
  NOTHING_TO_NOTIFY: 409,
  NOTIFICATION_NOT_DELIVERED: 409,
  PROPOSAL_INVALID: 422,
  ACCEPTANCE_DEADLINE_PASSED: 422,
  APPEAL_TOO_LATE: 422,
  NO_OPEN_APPEAL: 409,
  ALREADY_APPEALED: 409,
  ASSESSMENT_INVALID: 400,
  ALREADY_ACKNOWLEDGED: 409,
  LETTER_NOT_FOUND: 404,
  PROVISIONAL_ANSWER_INVALID: 422,
  PROVISIONAL_ANSWER_EXISTS: 409,
  NOTE_INVALID: 400,
} as const satisfies Record<CaseworkErrorCode, RefusalStatus>;
