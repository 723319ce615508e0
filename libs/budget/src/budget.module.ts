import { Module } from '@nestjs/common';
import { domainErrorStatuses } from '@imdi/platform';
import { BudgetController } from './api/budget.controller';
import { BudgetForecastQuery } from './application/budget-forecast.query';
import { BudgetLedger } from './application/budget-ledger.service';
import { BudgetStatusQuery } from './application/budget-status.query';
import { CarryOverUnusedFunds } from './application/carry-over.service';
import { ImportAllocationLetter } from './application/import-allocation-letter.service';
import { ResponsibleMinistryQuery } from './application/responsible-ministry.query';
import { BudgetError, BUDGET_ERROR_STATUSES } from './domain/budget.errors';
import { BudgetRepository } from './infrastructure/budget.repository';
import { PlannedPayoutsQueries } from './infrastructure/planned-payouts.queries';
import { ResponsibleMinistryRepository } from './infrastructure/responsible-ministry.repository';

@Module({
  controllers: [BudgetController],
  providers: [
    domainErrorStatuses(BudgetError, BUDGET_ERROR_STATUSES),
    BudgetRepository,
    ResponsibleMinistryRepository,
    BudgetLedger,
    BudgetStatusQuery,
    PlannedPayoutsQueries,
    BudgetForecastQuery,
    ImportAllocationLetter,
    CarryOverUnusedFunds,
    ResponsibleMinistryQuery,
  ],
  exports: [BudgetLedger, BudgetStatusQuery, BudgetForecastQuery, ImportAllocationLetter, ResponsibleMinistryQuery],
})
export class BudgetModule {}
