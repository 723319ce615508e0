import { Module } from '@nestjs/common';
import { registerDomainErrorStatuses } from '@imdi/platform';
import { BudgetController } from './api/budget.controller';
import { BudgetLedger } from './application/budget-ledger.service';
import { BudgetStatusQuery } from './application/budget-status.query';
import { CarryOverUnusedFunds } from './application/carry-over.service';
import { ImportAllocationLetter } from './application/import-allocation-letter.service';
import { BudgetError, budgetErrorStatus } from './domain/budget.errors';
import { BudgetRepository } from './infrastructure/budget.repository';

registerDomainErrorStatuses((error) => (error instanceof BudgetError ? budgetErrorStatus(error.code) : undefined));

@Module({
  controllers: [BudgetController],
  providers: [BudgetRepository, BudgetLedger, BudgetStatusQuery, ImportAllocationLetter, CarryOverUnusedFunds],
  exports: [BudgetLedger, BudgetStatusQuery, ImportAllocationLetter],
})
export class BudgetModule {}
