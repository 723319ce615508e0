export { BudgetModule } from './budget.module';
export { BudgetLedger, type LedgerPosting } from './application/budget-ledger.service';
export { BudgetStatusQuery, type BudgetStatusView, type PostStatusView } from './application/budget-status.query';
export { ImportAllocationLetter, type ImportResult } from './application/import-allocation-letter.service';
export { ResponsibleMinistryQuery } from './application/responsible-ministry.query';
export { BudgetError, BUDGET_ERROR_STATUSES, type BudgetErrorCode } from './domain/budget.errors';
export type { BudgetPosition } from './domain/budget-position';
export { checkAllocationLetter, type AllocationLetterDocument, type ResponsibleMinistry, type TotalMismatch } from './domain/allocation-letter';
