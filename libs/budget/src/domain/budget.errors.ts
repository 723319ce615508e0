import { DomainError } from '@imdi/kernel';

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

/** One exhaustive mapping: a new code does not compile until it has a status. */
export function budgetErrorStatus(code: BudgetErrorCode): number {
  switch (code) {
    case 'BUDGET_EXHAUSTED':
    case 'BUDGET_YEAR_ALREADY_IMPORTED':
    case 'CARRY_OVER_NOT_ALLOWED':
    case 'MINISTRY_UNKNOWN':
      return 409;
    case 'BUDGET_LINE_NOT_FOUND':
    case 'EARMARK_NOT_FOUND':
      return 404;
    case 'ALLOCATION_INVALID':
      return 400;
    case 'ALLOCATION_TOTALS_MISMATCH':
      return 422;
  }
}
