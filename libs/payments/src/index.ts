export { PaymentsModule } from './payments.module';
export { PlanPayouts, type AcceptedGrant } from './application/plan-payouts.service';
export { RUN_PAYOUTS } from './application/payments.jobs';
export { PaymentsError, paymentsErrorStatus, type PaymentsErrorCode } from './domain/payments.errors';
export { PayoutRunWatchdog } from './application/payout-run.watchdog';
export { PerCapitaEntitlements } from './application/per-capita-entitlement.query';
