import { Module } from '@nestjs/common';
import { BudgetModule, PerCapitaPayoutForecast } from '@imdi/budget';
import { CasesModule } from '@imdi/cases';
import { MessagingModule } from '@imdi/messaging';
import { PersonalDataCipher, domainErrorStatuses, jobDefinitions } from '@imdi/platform';
import { SchemesModule } from '@imdi/schemes';
import { PayeeDirectory } from './infrastructure/payee.directory';
import { PaymentsController } from './api/payments.controller';
import { MunicipalitySettlementsController } from './api/municipality-settlements.controller';
import { PerCapitaController } from './api/per-capita.controller';
import { MunicipalitySettlements } from './application/municipality-settlements.query';
import { BankReconciliation } from './application/bank-reconciliation.query';
import { BatchLinesQuery } from './application/batch-lines.query';
import { ImportBankFile } from './application/import-bank-file.service';
import { BatchLineRepository } from './infrastructure/batch-line.repository';
import { PayDueInstalments } from './application/pay-due-instalments.service';
import { PayPerCapita } from './application/pay-per-capita.service';
import { PaymentBatches } from './application/payment-batches.service';
import { PayoutRuns } from './application/payout-runs.service';
import { PerCapitaEntitlements } from './application/per-capita-entitlement.query';
import { PerCapitaPayoutForecastAdapter } from './application/per-capita-payout-forecast.adapter';
import { PlanPayouts } from './application/plan-payouts.service';
import { PlanInstalmentsOnGrantAccepted } from './application/plan-payouts.subscriber';
import { ReleaseHeldBackOnReportApproved } from './application/release-held-back.subscriber';
import { ReclaimNotices } from './application/reclaim-notices.service';
import { Reclaims } from './application/reclaims.service';
import { RunPayoutsHandler } from './application/run-payouts.handler';
import { SettlementRecords } from './application/settlement-records.service';
import * as paymentsJobs from './application/payments.jobs';
import { PaymentsError, PAYMENTS_ERROR_STATUSES } from './domain/payments.errors';
import { BankFileRepository } from './infrastructure/bank-file.repository';
import { InstalmentPaymentRepository } from './infrastructure/instalment-payment.repository';
import { InstalmentPlanRepository } from './infrastructure/instalment-plan.repository';
import { PaymentBatchRepository } from './infrastructure/payment-batch.repository';
import { PayoutRunRepository } from './infrastructure/payout-run.repository';
import { PerCapitaPayoutRepository } from './infrastructure/per-capita-payout.repository';
import { ReclaimRepository } from './infrastructure/reclaim.repository';
import { SettledPersonRepository } from './infrastructure/settled-person.repository';
import { CasePayouts } from './application/case-payouts.query';
import { CasePayoutRepository } from './infrastructure/case-payout.repository';
import { ReclaimDocuments } from './application/reclaim-documents';
import { ReclaimDocumentsAdapter } from './infrastructure/reclaim-documents.adapter';

@Module({
  imports: [BudgetModule, CasesModule, SchemesModule, MessagingModule],
  controllers: [PaymentsController, PerCapitaController, MunicipalitySettlementsController],
  providers: [
    { provide: ReclaimDocuments, useClass: ReclaimDocumentsAdapter },
    // The budget forecast's port: budget cannot import payments, so it finds this provider by its token.
    { provide: PerCapitaPayoutForecast, useClass: PerCapitaPayoutForecastAdapter },
    domainErrorStatuses(PaymentsError, PAYMENTS_ERROR_STATUSES),
    jobDefinitions(...Object.values(paymentsJobs)),
    PlanPayouts,
    PlanInstalmentsOnGrantAccepted,
    ReleaseHeldBackOnReportApproved,
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
    MunicipalitySettlements,
    PersonalDataCipher,
    InstalmentPaymentRepository,
    InstalmentPlanRepository,
    PaymentBatchRepository,
    PayoutRunRepository,
    PerCapitaPayoutRepository,
    SettledPersonRepository,
    BankFileRepository,
    ImportBankFile,
    BankReconciliation,
    BatchLineRepository,
    BatchLinesQuery,
    PayeeDirectory,
  ],
  exports: [CasePayouts, PerCapitaEntitlements, BankReconciliation, ReclaimDocuments],
})
export class PaymentsModule {}
