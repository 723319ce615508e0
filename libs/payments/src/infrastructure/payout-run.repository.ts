import { Injectable } from '@nestjs/common';
import type { BudgetPost } from '@imdi/kernel';
import type { EntityManager } from 'typeorm';

export type PayoutRunKind = 'instalments' | 'per-capita';
export type PayoutRunStatus = 'queued' | 'running' | 'completed' | 'refused';

/** What a run ended with beyond its payments: why it was refused, or whom it could not pay. */
export interface PayoutRunOutcome {
  readonly refused?: { readonly code: 'RATES_NOT_CONFIRMED'; readonly message: string; readonly unconfirmed: readonly string[] };
  readonly skipped?: ReadonlyArray<{ readonly organisationNumber: string; readonly reason: 'NO_ACCOUNT_REGISTERED'; readonly message: string }>;
}

export interface PayoutRunRecord {
  readonly id: string;
  readonly kind: PayoutRunKind;
  /** Per-capita runs: the scheme and the last period paid (e.g. "2017-Q2"). */
  readonly schemeCode: string | null;
  readonly period: string | null;
  readonly budgetYear: number;
  readonly chapter: string;
  readonly post: string;
  readonly asOf: string;
  readonly status: PayoutRunStatus;
  readonly requestedBy: string;
  readonly paymentsCreated: number;
  readonly outcome: PayoutRunOutcome | null;
  readonly batchId: string | null;
}

/** SQL of payout runs and their batches. */
@Injectable()
export class PayoutRunRepository {
  async find(manager: EntityManager, id: string): Promise<PayoutRunRecord | undefined> {
    const [row]: Array<{
      id: string;
      kind: PayoutRunKind;
      scheme_code: string | null;
      period: string | null;
      budget_year: number;
      chapter: string;
      post: string;
      as_of: string;
      status: PayoutRunStatus;
      requested_by: string;
      payments_created: number;
      outcome: PayoutRunOutcome | null;
      batch_id: string | null;
    }> = await manager.query(
      `SELECT r.id, r.kind, r.scheme_code, r.period, r.budget_year, r.chapter, r.post, to_char(r.as_of, 'YYYY-MM-DD') AS as_of, r.status, r.requested_by, r.payments_created, r.outcome, b.id AS batch_id
       FROM payout_run r LEFT JOIN payment_batch b ON b.run_id = r.id WHERE r.id = $1`,
      [id],
    );
    return (
      row && {
        id: row.id,
        kind: row.kind,
        schemeCode: row.scheme_code,
        period: row.period,
        budgetYear: row.budget_year,
        chapter: row.chapter,
        post: row.post,
        asOf: row.as_of,
        status: row.status,
        requestedBy: row.requested_by,
        paymentsCreated: row.payments_created,
        outcome: row.outcome,
        batchId: row.batch_id,
      }
    );
  }

  /** The ids of the latest runs, newest first. */
  async recentIds(manager: EntityManager, limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(`SELECT id FROM payout_run ORDER BY created_at DESC LIMIT $1`, [limit]);
    return rows.map((row) => row.id);
  }

  /** Runs not completed that have shown no sign of life (a page, a start) for `silenceMs`. */
  async stalledIds(manager: EntityManager, silenceMs: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT id FROM payout_run WHERE status IN ('queued', 'running') AND coalesce(heartbeat_at, created_at) < now() - make_interval(secs => $1::double precision / 1000)`,
      [silenceMs],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Runs of the same post take turns page by page (until the transaction ends). Not for correctness
   * (the unique keys see to that) but so that a second run skips what the first has paid instead of
   * waiting on each of its uncommitted rows.
   */
  async lockPostForPage(manager: EntityManager, budgetYear: number, budgetPost: BudgetPost): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`payout-run:${budgetYear}:${budgetPost}`]);
  }

  async insert(
    manager: EntityManager,
    run: {
      readonly kind: PayoutRunKind;
      readonly schemeCode: string | null;
      readonly period: string | null;
      readonly budgetYear: number;
      readonly chapter: string;
      readonly post: string;
      readonly asOf: string;
      readonly requestedBy: string;
    },
  ): Promise<string> {
    const [row]: Array<{ id: string }> = await manager.query(
      `INSERT INTO payout_run (kind, scheme_code, period, budget_year, chapter, post, as_of, status, requested_by) VALUES ($1, $2, $3, $4, $5, $6, $7, 'queued', $8) RETURNING id`,
      [run.kind, run.schemeCode, run.period, run.budgetYear, run.chapter, run.post, run.asOf, run.requestedBy],
    );
    return row.id;
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
    await manager.query(`UPDATE payout_run SET status = 'running', heartbeat_at = now() WHERE id = $1 AND status IN ('queued', 'running')`, [run.id]);
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

  async complete(manager: EntityManager, runId: string, outcome: PayoutRunOutcome | null): Promise<boolean> {
    const [, updated]: [unknown[], number] = await manager.query(
      `UPDATE payout_run SET status = 'completed', completed_at = now(), outcome = $2 WHERE id = $1 AND status IN ('queued', 'running')`,
      [runId, outcome === null ? null : JSON.stringify(outcome)],
    );
    return updated > 0;
  }

  async refuse(manager: EntityManager, runId: string, outcome: PayoutRunOutcome): Promise<boolean> {
    const [, updated]: [unknown[], number] = await manager.query(
      `UPDATE payout_run SET status = 'refused', completed_at = now(), outcome = $2 WHERE id = $1 AND status IN ('queued', 'running')`,
      [runId, JSON.stringify(outcome)],
    );
    return updated > 0;
  }
}
