import { Module } from '@nestjs/common';
import { BudgetModule } from '@imdi/budget';
import { CasesModule } from '@imdi/cases';
import { registerDomainErrorStatuses } from '@imdi/platform';
import { PaymentsController } from './api/payments.controller';
import { PaymentBatches } from './application/payment-batches.service';
import { PayoutRuns } from './application/payout-runs.service';
import { RunPayoutsHandler } from './application/run-payouts.handler';
import { PayDueInstalments } from './application/pay-due-instalments.service';
import { InstalmentPaymentRepository } from './infrastructure/instalment-payment.repository';
import { PayoutRunRepository } from './infrastructure/payout-run.repository';
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
  providers: [PlanPayouts, PayoutRuns, RunPayoutsHandler, PayDueInstalments, InstalmentPaymentRepository, PayoutRunRepository, PaymentBatches, Reclaims, PerCapitaGrants, PersonalDataCipher],
  exports: [PlanPayouts],
})
export class PaymentsModule {}
