import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AuditTrail, SYSTEM_ACTOR } from '@imdi/audit';
import type { Principal } from '@imdi/auth';
import { BudgetLedger } from '@imdi/budget';
import { CaseLifecycle } from '@imdi/cases';
import { BudgetPost, Clock, Money, osloDate } from '@imdi/kernel';
import { OutboxWriter } from '@imdi/outbox';
import { AppConfig, HandlesJob, QueueRegistry, type JobContext, type JobHandler } from '@imdi/platform';
import { DataSource } from 'typeorm';
import { PaymentsError } from '../domain/payments.errors';
import { RUN_PAYOUTS } from './payments.jobs';

const PAGE = 2000;

export interface PayoutRunView {
  readonly id: string;
  readonly budgetYear: number;
  readonly budgetPost: string;
  readonly asOf: string;
  readonly status: 'queued' | 'running' | 'completed';
  readonly paymentsCreated: number;
  readonly batchId: string | null;
}

interface RunRow {
  id: string;
  budget_year: number;
  chapter: string;
  post: string;
  as_of: string;
  status: PayoutRunView['status'];
  payments_created: number;
  batch_id: string | null;
}

const RUN_SELECT = `SELECT r.*, to_char(r.as_of, 'YYYY-MM-DD') AS as_of, b.id AS batch_id FROM payout_run r LEFT JOIN payment_batch b ON b.run_id = r.id`;

function toRunView(run: RunRow): PayoutRunView {
  return { id: run.id, budgetYear: run.budget_year, budgetPost: `${run.chapter}.${run.post}`, asOf: run.as_of, status: run.status, paymentsCreated: run.payments_created, batchId: run.batch_id };
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
    const [run]: RunRow[] = await this.dataSource.query(`${RUN_SELECT} WHERE r.id = $1`, [id]);
    if (!run) throw new PaymentsError('RUN_NOT_FOUND', `There is no payout run ${id}`, { id });
    return toRunView(run);
  }

  /** The latest runs, newest first: what finance has started and how far each has come. */
  async list(): Promise<PayoutRunView[]> {
    const rows: RunRow[] = await this.dataSource.query(`${RUN_SELECT} ORDER BY r.created_at DESC LIMIT 100`);
    return rows.map(toRunView);
  }
}

/**
 * Pays every due instalment of the run's post that has no payment yet, page by page. The unique
 * instalment key makes a retried job, a restarted worker or a second simultaneous run harmless:
 * an instalment gets one payment, ever. Each page's payments, ledger entries and case updates
 * commit together.
 */
@Injectable()
@HandlesJob(RUN_PAYOUTS)
export class RunPayoutsHandler implements JobHandler<{ runId: string }> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: BudgetLedger,
    private readonly cases: CaseLifecycle,
  ) {}

  async handle(payload: { runId: string }, context: JobContext): Promise<void> {
    const [run]: Array<{ budget_year: number; chapter: string; post: string; as_of: string; status: string; requested_by: string }> = await this.dataSource.query(
      `SELECT budget_year, chapter, post, to_char(as_of, 'YYYY-MM-DD') AS as_of, status, requested_by FROM payout_run WHERE id = $1`,
      [payload.runId],
    );
    if (!run || run.status === 'completed') return;
    await this.dataSource.query(`UPDATE payout_run SET status = 'running', heartbeat_at = now() WHERE id = $1`, [payload.runId]);
    const budgetPost = BudgetPost.of({ chapter: run.chapter, post: run.post });
    // Keyset paging: each page starts after the last instalment seen, so a page costs the same at the end as at the start.
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const created = await this.dataSource.transaction('READ COMMITTED', async (manager) => {
        const due: Array<{ id: string; case_id: string; amount_ore: string; due_on: string; earmark_code: string | null; case_number: string; scheme_code: string; organisation_number: string; account_number: string }> = await manager.query(
          `SELECT i.id, i.case_id, i.amount_ore, to_char(i.due_on, 'YYYY-MM-DD') AS due_on, i.earmark_code, i.case_number, i.scheme_code, i.organisation_number, i.account_number
           FROM instalment i
           WHERE i.budget_year = $1 AND i.chapter = $2 AND i.post = $3 AND i.due_on <= $4::date AND i.id > $6::uuid
             AND NOT EXISTS (SELECT 1 FROM payment p WHERE p.instalment_id = i.id)
           ORDER BY i.id LIMIT $5 FOR UPDATE OF i SKIP LOCKED`,
          [run.budget_year, run.chapter, run.post, run.as_of, PAGE, after],
        );
        if (due.length > 0) after = due[due.length - 1].id;
        // One statement for the page's payments; ON CONFLICT keeps an instalment to one payment, ever.
        const inserted: Array<{ id: string; instalment_id: string }> = await manager.query(
          `INSERT INTO payment (instalment_id, run_id, amount_ore, execution_date, budget_year, chapter, post, scheme_code, case_number, organisation_number, account_number)
           SELECT i.id, $1, i.amount_ore, greatest(i.due_on, $2::date), i.budget_year, i.chapter, i.post, i.scheme_code, i.case_number, i.organisation_number, i.account_number
           FROM instalment i WHERE i.id = ANY($3::uuid[])
           ON CONFLICT (instalment_id) DO NOTHING RETURNING id, instalment_id`,
          [payload.runId, run.as_of, due.map((instalment) => instalment.id)],
        );
        const byInstalment = new Map(due.map((instalment) => [instalment.id, instalment]));
        await this.ledger.recordPayments(
          manager,
          run.budget_year,
          budgetPost,
          inserted.map((payment) => {
            const instalment = byInstalment.get(payment.instalment_id)!;
            return { earmarkCode: instalment.earmark_code, amount: Money.ofOre(instalment.amount_ore), paymentId: payment.id };
          }),
          run.requested_by,
          run.as_of,
        );
        const paidCases = new Set(inserted.map((payment) => byInstalment.get(payment.instalment_id)!.case_id));
        const count = inserted.length;
        for (const caseId of paidCases) {
          await this.cases.recordPayment(manager, caseId, SYSTEM_ACTOR, { runId: payload.runId });
        }
        await manager.query(`UPDATE payout_run SET payments_created = payments_created + $2, heartbeat_at = now() WHERE id = $1`, [payload.runId, count]);
        return due.length;
      });
      const [{ payments_created }]: Array<{ payments_created: number }> = await this.dataSource.query(`SELECT payments_created FROM payout_run WHERE id = $1`, [payload.runId]);
      await context.updateProgress({ paymentsCreated: payments_created });
      if (created < PAGE) break;
    }
    await this.dataSource.transaction('READ COMMITTED', async (manager) => {
      const [batch]: Array<{ id: string }> = await manager.query(
        `INSERT INTO payment_batch (run_id, budget_year, chapter, post, status, prepared_by) VALUES ($1, $2, $3, $4, 'prepared', $5)
         ON CONFLICT (run_id) DO UPDATE SET run_id = EXCLUDED.run_id RETURNING id`,
        [payload.runId, run.budget_year, run.chapter, run.post, run.requested_by],
      );
      await manager.query(`UPDATE payment SET batch_id = $2 WHERE run_id = $1 AND batch_id IS NULL`, [payload.runId, batch.id]);
      await manager.query(`UPDATE payout_run SET status = 'completed', completed_at = now() WHERE id = $1`, [payload.runId]);
    });
  }
}

/**
 * The database is the truth, the queue only transports work: a run that is not completed and has
 * shown no progress for a while (its job lost with a restarted Redis, say) is enqueued again.
 * A second job for a run that is in fact still going is harmless: payments are once per instalment.
 */
@Injectable()
export class PayoutRunWatchdog implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PayoutRunWatchdog.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: QueueRegistry,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.requeueStalled().catch((error: Error) => this.logger.warn(`payout watchdog: ${error.message}`)), this.config.WORKER_LOCK_MS);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async requeueStalled(): Promise<number> {
    const stale: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM payout_run WHERE status <> 'completed' AND coalesce(heartbeat_at, created_at) < now() - make_interval(secs => $1::double precision / 1000 * 2)`,
      [this.config.WORKER_LOCK_MS],
    );
    const period = Math.floor(Date.now() / (this.config.WORKER_LOCK_MS * 2));
    for (const run of stale) {
      await this.queues.get(RUN_PAYOUTS.queue).add(RUN_PAYOUTS.name, { runId: run.id }, { jobId: `payout-run-${run.id}-${period}` });
    }
    if (stale.length > 0) this.logger.warn(`re-enqueued ${stale.length} stalled payout runs`);
    return stale.length;
  }
}
