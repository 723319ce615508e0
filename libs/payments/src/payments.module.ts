import { Module } from '@nestjs/common';
import { BudgetModule } from '@imdi/budget';
import { CasesModule } from '@imdi/cases';
import { registerDomainErrorStatuses } from '@imdi/platform';
import { PaymentsController } from './api/payments.controller';
import { PaymentBatches } from './application/payment-batches.service';
import { PayoutRuns, RunPayoutsHandler } from './application/payout-runs.service';
import { PlanPayouts } from './application/plan-payouts.service';
import { Reclaims } from './application/reclaims.service';
import { PerCapitaGrants } from './application/per-capita.service';
import { PersonalDataCipher } from '@imdi/platform';
import { SchemesModule } from '@imdi/schemes';
import { PaymentsError, paymentsErrorStatus } from './domain/payments.errors';

registerDomainErrorStatuses((error) => (error instanceof PaymentsError ? paymentsErrorStatus(error.code) : undefined));

@Module({
  imports: [BudgetModule, CasesModule, SchemesModule],
  controllers: [PaymentsController],
  providers: [PlanPayouts, PayoutRuns, RunPayoutsHandler, PaymentBatches, Reclaims, PerCapitaGrants, PersonalDataCipher],
  exports: [PlanPayouts],
})
export class PaymentsModule {}
