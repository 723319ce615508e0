import { Module } from '@nestjs/common';
import { BudgetModule } from '@imdi/budget';
import { CasesModule } from '@imdi/cases';
import { IntakeModule } from '@imdi/intake';
import { MessagingModule } from '@imdi/messaging';
import { PersonalDataCipher, registerDomainErrorStatuses } from '@imdi/platform';
import { SchemesModule } from '@imdi/schemes';
import { PaymentsController } from './api/payments.controller';
import { PerCapitaController } from './api/per-capita.controller';
import { BankReconciliation } from './application/bank-reconciliation.query';
import { ImportBankFile } from './application/import-bank-file.service';
import { PayDueInstalments } from './application/pay-due-instalments.service';
import { PayPerCapita } from './application/pay-per-capita.service';
import { PaymentBatches } from './application/payment-batches.service';
import { PayoutRuns } from './application/payout-runs.service';
import { PerCapitaEntitlements } from './application/per-capita-entitlement.query';
import { PlanPayouts } from './application/plan-payouts.service';
import { ReclaimNotices } from './application/reclaim-notices.service';
import { Reclaims } from './application/reclaims.service';
import { RunPayoutsHandler } from './application/run-payouts.handler';
import { SettlementRecords } from './application/settlement-records.service';
import { PaymentsError, paymentsErrorStatus } from './domain/payments.errors';
import { BankFileRepository } from './infrastructure/bank-file.repository';
import { InstalmentPaymentRepository } from './infrastructure/instalment-payment.repository';
import { PayoutRunRepository } from './infrastructure/payout-run.repository';
import { PerCapitaPayoutRepository } from './infrastructure/per-capita-payout.repository';
import { ReclaimRepository } from './infrastructure/reclaim.repository';
import { SettledPersonRepository } from './infrastructure/settled-person.repository';

registerDomainErrorStatuses((error) => (error instanceof PaymentsError ? paymentsErrorStatus(error.code) : undefined));

import { CasePayouts } from './application/case-payouts.query';
import { CasePayoutRepository } from './infrastructure/case-payout.repository';
@Module({
  imports: [BudgetModule, CasesModule, SchemesModule, IntakeModule, MessagingModule],
  controllers: [PaymentsController, PerCapitaController],
  providers: [
    PlanPayouts,
    CasePayouts,
    CasePayoutRepository,
    PayoutRuns,
    RunPayoutsHandler,
    PayDueInstalments,
    PayPerCapita,
    PaymentBatches,
    Reclaims,
    ReclaimNotices,
    ReclaimRepository,
    SettlementRecords,
    PerCapitaEntitlements,
    PersonalDataCipher,
    InstalmentPaymentRepository,
    PayoutRunRepository,
    PerCapitaPayoutRepository,
    SettledPersonRepository,
    BankFileRepository,
    ImportBankFile,
    BankReconciliation,
  ],
  exports: [PlanPayouts, CasePayouts, PerCapitaEntitlements, BankReconciliation],
})
export class PaymentsModule {}
