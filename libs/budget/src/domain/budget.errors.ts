import { DomainError, type RefusalStatus } from '@imdi/kernel';

export type BudgetErrorCode =
  | 'BUDGET_EXHAUSTED'
  | 'BUDGET_LINE_NOT_FOUND'
  | 'EARMARK_NOT_FOUND'
  | 'ALLOCATION_INVALID'
  | 'ALLOCATION_TOTALS_MISMATCH'
  | 'BUDGET_YEAR_ALREADY_IMPORTED'
  | 'CARRY_OVER_NOT_ALLOWED'
  | 'MINISTRY_UNKNOWN';

export class BudgetError extends DomainError<BudgetErrorCode> {
  constructor(
    readonly code: BudgetErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
    field?: string,
  ) {
    super(message, field);
  }
}

/** One exhaustive table: a new code does not compile until it has a status, and the api checks it at start-up. */
export const BUDGET_ERROR_STATUSES = {
  BUDGET_EXHAUSTED: 409,
  BUDGET_YEAR_ALREADY_IMPORTED: 409,
  CARRY_OVER_NOT_ALLOWED: 409,
  MINISTRY_UNKNOWN: 409,
  BUDGET_LINE_NOT_FOUND: 404,
  EARMARK_NOT_FOUND: 404,
  ALLOCATION_INVALID: 400,
  ALLOCATION_TOTALS_MISMATCH: 422,
} as const satisfies Record<BudgetErrorCode, RefusalStatus>;
