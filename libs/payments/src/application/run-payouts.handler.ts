import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@imdi/audit';
import { HandlesJob, type JobContext, type JobHandler } from '@imdi/platform';
import { DataSource } from 'typeorm';
import { PayoutRunRepository, type PayoutRunOutcome } from '../infrastructure/payout-run.repository';
import { PayDueInstalments } from './pay-due-instalments.service';
import { PayPerCapita } from './pay-per-capita.service';
import { RUN_PAYOUTS } from './payments.jobs';

/**
 * Carries out a payout run. The run's state lives in the database, so the job may be delivered
 * any number of times (retried, resumed after a killed worker, re-enqueued by the watchdog after
 * Redis lost it, or a second run of the same post at the same moment): what is paid is decided
 * by unique keys in the database, never by the job.
 */
@Injectable()
@HandlesJob(RUN_PAYOUTS)
export class RunPayoutsHandler implements JobHandler<{ runId: string }> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly runs: PayoutRunRepository,
    private readonly instalments: PayDueInstalments,
    private readonly perCapita: PayPerCapita,
    private readonly audit: AuditTrail,
  ) {}

  async handle(payload: { runId: string }, context: JobContext): Promise<void> {
    const run = await this.runs.find(this.dataSource.manager, payload.runId);
    if (!run || run.status === 'completed' || run.status === 'refused') return;
    let outcome: PayoutRunOutcome = {};
    let batchId: string | null = null;
    if (run.kind === 'per-capita') {
      const rates = await this.perCapita.rates(run);
      if ('refused' in rates) {
        outcome = rates;
      } else {
        batchId = await this.dataSource.transaction((manager) => this.runs.start(manager, run));
        outcome = await this.perCapita.pay(run, batchId, rates.rates, context);
      }
    } else {
      batchId = await this.dataSource.transaction((manager) => this.runs.start(manager, run));
      await this.instalments.pay(run, batchId, context);
    }
    await this.dataSource.transaction(async (manager) => {
      const finished = await this.runs.find(manager, run.id);
      const actor = { userId: run.requestedBy, roles: ['finance'] };
      if (outcome.refused) {
        if (await this.runs.refuse(manager, run.id, outcome)) {
          await this.audit.record(manager, { actor, action: 'payout-run.refused', entityType: 'payout_run', entityId: run.id, after: outcome });
        }
      } else if (await this.runs.complete(manager, run.id, outcome.skipped ? outcome : null)) {
        await this.audit.record(manager, {
          actor,
          action: 'payout-run.completed',
          entityType: 'payout_run',
          entityId: run.id,
          after: { batchId, paymentsCreated: finished?.paymentsCreated ?? 0, ...outcome },
        });
      }
    });
  }
}
