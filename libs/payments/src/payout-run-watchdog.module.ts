import { Module } from '@nestjs/common';
import { PayoutRunWatchdog } from './application/payout-run.watchdog';
import { PayoutRunRepository } from './infrastructure/payout-run.repository';

/**
 * The watchdog that re-enqueues stalled payout runs, for the worker alone (the api must not run it),
 * with the repository that holds its SQL. Needs the database, queues and config modules of the app.
 */
@Module({ providers: [PayoutRunWatchdog, PayoutRunRepository], exports: [PayoutRunWatchdog] })
export class PayoutRunWatchdogModule {}
