import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface BatchRecord {
  readonly id: string;
  readonly runId: string;
  readonly budgetYear: number;
  readonly chapter: string;
  readonly post: string;
  readonly status: 'prepared' | 'approved';
  readonly preparedBy: string;
  readonly approvedBy: string | null;
  readonly payments: number;
  readonly totalOre: string;
}

export interface BatchPaymentRow {
  readonly end_to_end_id: string;
  readonly amount_ore: string;
  readonly account_number: string;
  readonly organisation_number: string;
  readonly case_number: string | null;
  readonly scheme_code: string;
  readonly reference: string | null;
  readonly chapter: string;
  readonly post: string;
}

interface BatchRow {
  id: string;
  run_id: string;
  budget_year: number;
  chapter: string;
  post: string;
  status: BatchRecord['status'];
  prepared_by: string;
  approved_by: string | null;
  payments: string;
  total_ore: string;
}

const BATCH_SELECT = `SELECT b.*, (SELECT count(*) FROM payment p WHERE p.batch_id = b.id) AS payments, (SELECT coalesce(sum(amount_ore), 0) FROM payment p WHERE p.batch_id = b.id) AS total_ore
  FROM payment_batch b`;

const toRecord = (row: BatchRow): BatchRecord => ({
  id: row.id,
  runId: row.run_id,
  budgetYear: row.budget_year,
  chapter: row.chapter,
  post: row.post,
  status: row.status,
  preparedBy: row.prepared_by,
  approvedBy: row.approved_by,
  payments: Number(row.payments),
  totalOre: row.total_ore,
});

/** Payment batches and the payments in them, read page by page for the bank's file and the accounts. */
@Injectable()
export class PaymentBatchRepository {
  async find(manager: EntityManager, id: string): Promise<BatchRecord | undefined> {
    const [row]: BatchRow[] = await manager.query(`${BATCH_SELECT} WHERE b.id = $1`, [id]);
    return row && toRecord(row);
  }

  /** The latest batches, newest first, optionally only those in one status. */
  async list(manager: EntityManager, status: BatchRecord['status'] | undefined, limit: number): Promise<BatchRecord[]> {
    const rows: BatchRow[] = await manager.query(`${BATCH_SELECT} WHERE ($1::text IS NULL OR b.status = $1) ORDER BY b.created_at DESC LIMIT $2`, [
      status ?? null,
      limit,
    ]);
    return rows.map(toRecord);
  }

  /** The batch locked for approval, with its run's status. */
  async lockForApproval(manager: EntityManager, id: string): Promise<{ status: string; preparedBy: string; runStatus: string } | undefined> {
    const [row]: Array<{ status: string; prepared_by: string; run_status: string }> = await manager.query(
      `SELECT b.status, b.prepared_by, r.status AS run_status FROM payment_batch b JOIN payout_run r ON r.id = b.run_id WHERE b.id = $1 FOR UPDATE OF b`,
      [id],
    );
    return row && { status: row.status, preparedBy: row.prepared_by, runStatus: row.run_status };
  }

  async markApproved(manager: EntityManager, id: string, approvedBy: string): Promise<void> {
    await manager.query(`UPDATE payment_batch SET status = 'approved', approved_by = $2, approved_at = now() WHERE id = $1`, [id, approvedBy]);
  }

  /** Count and sum per execution date, by date. */
  async executionGroups(manager: EntityManager, id: string): Promise<Array<{ executionDate: string; count: number; totalOre: string }>> {
    const rows: Array<{ execution_date: string; count: string; total: string }> = await manager.query(
      `SELECT to_char(execution_date, 'YYYY-MM-DD') AS execution_date, count(*) AS count, sum(amount_ore) AS total FROM payment WHERE batch_id = $1 GROUP BY execution_date ORDER BY execution_date`,
      [id],
    );
    return rows.map((row) => ({ executionDate: row.execution_date, count: Number(row.count), totalOre: row.total }));
  }

  async executionDates(manager: EntityManager, id: string): Promise<string[]> {
    const rows: Array<{ execution_date: string }> = await manager.query(
      `SELECT DISTINCT to_char(execution_date, 'YYYY-MM-DD') AS execution_date FROM payment WHERE batch_id = $1 ORDER BY 1`,
      [id],
    );
    return rows.map((row) => row.execution_date);
  }

  /** One keyset page of a batch's payments on one execution date, in the order of the batch index. */
  async paymentsPage(manager: EntityManager, id: string, executionDate: string, after: string, limit: number): Promise<BatchPaymentRow[]> {
    return manager.query(
      `SELECT end_to_end_id, amount_ore, account_number, organisation_number, case_number, scheme_code, reference, chapter, post
       FROM payment WHERE batch_id = $1 AND execution_date = $2::date AND end_to_end_id > $3 ORDER BY end_to_end_id LIMIT $4`,
      [id, executionDate, after, limit],
    );
  }
}
