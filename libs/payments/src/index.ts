export { PaymentsModule } from './payments.module';
export { RUN_PAYOUTS } from './application/payments.jobs';
export { PaymentsError, PAYMENTS_ERROR_STATUSES, type PaymentsErrorCode } from './domain/payments.errors';
export { PayoutRunWatchdog } from './application/payout-run.watchdog';
export { PayoutRunWatchdogModule } from './payout-run-watchdog.module';
export { PerCapitaEntitlements } from './application/per-capita-entitlement.query';
export { CasePayouts, type CasePayoutsView, type CaseInstalmentView } from './application/case-payouts.query';
export { CasePaymentResponse, CasePayoutsResponse } from './api/case-payouts.response';
export { BankReconciliation, type CasePaymentView } from './application/bank-reconciliation.query';
export { BANK_STATUS_REASONS, bankStatusReason, type BankStatusReason } from './domain/bank-status-reason';
/** The route that takes the bank's return files as a stream (see the api's XML body parser). */
export const BANK_FILE_ROUTE = '/payments/bank-files';
export { ReclaimDocuments, type ReclaimDocument } from './application/reclaim-documents';
