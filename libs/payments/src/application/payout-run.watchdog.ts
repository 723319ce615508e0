import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig, QueueRegistry } from '@imdi/platform';
import { DataSource } from 'typeorm';
import { PayoutRunRepository } from '../infrastructure/payout-run.repository';
import { RUN_PAYOUTS } from './payments.jobs';

/**
 * The database is the truth, the queue only transports work: a run that is not completed and has
 * shown no progress for a while (its job lost with a restarted Redis, say) is enqueued again.
 * A second job for a run that is in fact still going is harmless: payments are once per instalment.
 * Runs in the worker only, through PayoutRunWatchdogModule.
 */
@Injectable()
export class PayoutRunWatchdog implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PayoutRunWatchdog.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    private readonly runs: PayoutRunRepository,
    private readonly queues: QueueRegistry,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(
      () => void this.requeueStalled().catch((error: Error) => this.logger.warn(`payout watchdog: ${error.message}`)),
      this.config.WORKER_LOCK_MS,
    );
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async requeueStalled(): Promise<number> {
    const stale = await this.runs.stalledIds(this.dataSource.manager, this.config.WORKER_LOCK_MS * 2);
    const period = Math.floor(Date.now() / (this.config.WORKER_LOCK_MS * 2));
    for (const runId of stale) {
      await this.queues.get(RUN_PAYOUTS.queue).add(RUN_PAYOUTS.name, { runId }, { jobId: `payout-run-${runId}-${period}` });
    }
    if (stale.length > 0) this.logger.warn(`re-enqueued ${stale.length} stalled payout runs`);
    return stale.length;
  }
}
