import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface PayoutRunRecord {
  readonly id: string;
  readonly budgetYear: number;
  readonly chapter: string;
  readonly post: string;
  readonly asOf: string;
  readonly status: 'queued' | 'running' | 'completed';
  readonly requestedBy: string;
  readonly paymentsCreated: number;
}

/** SQL of payout runs and their batches. */
@Injectable()
export class PayoutRunRepository {
  async find(manager: EntityManager, id: string): Promise<PayoutRunRecord | undefined> {
    const [row]: Array<{ id: string; budget_year: number; chapter: string; post: string; as_of: string; status: PayoutRunRecord['status']; requested_by: string; payments_created: number }> = await manager.query(
      `SELECT id, budget_year, chapter, post, to_char(as_of, 'YYYY-MM-DD') AS as_of, status, requested_by, payments_created FROM payout_run WHERE id = $1`,
      [id],
    );
    return row && { id: row.id, budgetYear: row.budget_year, chapter: row.chapter, post: row.post, asOf: row.as_of, status: row.status, requestedBy: row.requested_by, paymentsCreated: row.payments_created };
  }

  /**
   * The run's batch exists before its first payment, so each payment is written into it directly:
   * assigning a million payments to a batch afterwards would rewrite every row once more.
   */
  async start(manager: EntityManager, run: PayoutRunRecord): Promise<string> {
    const [batch]: Array<{ id: string }> = await manager.query(
      `INSERT INTO payment_batch (run_id, budget_year, chapter, post, status, prepared_by) VALUES ($1, $2, $3, $4, 'prepared', $5)
       ON CONFLICT (run_id) DO UPDATE SET run_id = EXCLUDED.run_id RETURNING id`,
      [run.id, run.budgetYear, run.chapter, run.post, run.requestedBy],
    );
    await manager.query(`UPDATE payout_run SET status = 'running', heartbeat_at = now() WHERE id = $1 AND status <> 'completed'`, [run.id]);
    return batch.id;
  }

  /** Counts a page's payments and shows the watchdog the run is alive; returns the run's total so far. */
  async recordPage(manager: EntityManager, runId: string, payments: number): Promise<number> {
    const [row]: Array<{ payments_created: number }> = await manager.query(
      `UPDATE payout_run SET payments_created = payments_created + $2, heartbeat_at = now() WHERE id = $1 RETURNING payments_created`,
      [runId, payments],
    );
    return row.payments_created;
  }

  async complete(manager: EntityManager, runId: string): Promise<boolean> {
    const [, updated]: [unknown[], number] = await manager.query(
      `UPDATE payout_run SET status = 'completed', completed_at = now() WHERE id = $1 AND status <> 'completed'`,
      [runId],
    );
    return updated > 0;
  }
}
