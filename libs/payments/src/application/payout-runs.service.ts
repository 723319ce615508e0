import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@imdi/audit';
import type { Principal } from '@imdi/auth';
import { BudgetPost, Clock, osloDate } from '@imdi/kernel';
import { OutboxWriter } from '@imdi/outbox';
import { DataSource } from 'typeorm';
import { PaymentsError } from '../domain/payments.errors';
import { RUN_PAYOUTS } from './payments.jobs';

export interface PayoutRunView {
  readonly id: string;
  readonly budgetYear: number;
  readonly budgetPost: string;
  readonly asOf: string;
  readonly status: 'queued' | 'running' | 'completed';
  readonly paymentsCreated: number;
  readonly batchId: string | null;
}

/** Finance starts a payout run for one kap./post; the worker does the work. */
@Injectable()
export class PayoutRuns {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async start(budgetYear: number, budgetPost: BudgetPost, asOf: string | undefined, principal: Principal): Promise<PayoutRunView> {
    const id = await this.dataSource.transaction('READ COMMITTED', async (manager) => {
      const [run]: Array<{ id: string }> = await manager.query(
        `INSERT INTO payout_run (budget_year, chapter, post, as_of, status, requested_by) VALUES ($1, $2, $3, $4, 'queued', $5) RETURNING id`,
        [budgetYear, budgetPost.chapter, budgetPost.post, asOf ?? osloDate(this.clock.now()), principal.userId],
      );
      await this.outbox.add(manager, RUN_PAYOUTS, { runId: run.id });
      await this.audit.record(manager, { actor: principal, action: 'payout-run.started', entityType: 'payout_run', entityId: run.id, after: { budgetYear, budgetPost: budgetPost.toString(), asOf } });
      return run.id;
    });
    return this.view(id);
  }

  async view(id: string): Promise<PayoutRunView> {
    const [run]: Array<{ id: string; budget_year: number; chapter: string; post: string; as_of: string; status: PayoutRunView['status']; payments_created: number; batch_id: string | null }> = await this.dataSource.query(
      `SELECT r.*, to_char(r.as_of, 'YYYY-MM-DD') AS as_of, b.id AS batch_id FROM payout_run r LEFT JOIN payment_batch b ON b.run_id = r.id WHERE r.id = $1`,
      [id],
    );
    if (!run) throw new PaymentsError('RUN_NOT_FOUND', `There is no payout run ${id}`, { id });
    return { id, budgetYear: run.budget_year, budgetPost: `${run.chapter}.${run.post}`, asOf: run.as_of, status: run.status, paymentsCreated: run.payments_created, batchId: run.batch_id };
  }
}
