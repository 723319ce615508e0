import { Module } from '@nestjs/common';
import { registerDomainErrorStatuses } from '@imdi/platform';
import { BudgetController } from './api/budget.controller';
import { BudgetLedger } from './application/budget-ledger.service';
import { BudgetStatusQuery } from './application/budget-status.query';
import { CarryOverUnusedFunds } from './application/carry-over.service';
import { ImportAllocationLetter } from './application/import-allocation-letter.service';
import { ResponsibleMinistryQuery } from './application/responsible-ministry.query';
import { BudgetError, budgetErrorStatus } from './domain/budget.errors';
import { BudgetRepository } from './infrastructure/budget.repository';
import { ResponsibleMinistryRepository } from './infrastructure/responsible-ministry.repository';

registerDomainErrorStatuses((error) => (error instanceof BudgetError ? budgetErrorStatus(error.code) : undefined));

@Module({
  controllers: [BudgetController],
  providers: [BudgetRepository, ResponsibleMinistryRepository, BudgetLedger, BudgetStatusQuery, ImportAllocationLetter, CarryOverUnusedFunds, ResponsibleMinistryQuery],
  exports: [BudgetLedger, BudgetStatusQuery, ImportAllocationLetter, ResponsibleMinistryQuery],
})
export class BudgetModule {}
