import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ReportDocument } from '../domain/report-document';
import type { ReportKind } from '../domain/report-kind';

export interface ReportRunRecord {
  readonly id: string;
  readonly kind: ReportKind;
  readonly budgetYear: number;
  readonly budgetPost: string | null;
  readonly asOf: string;
  readonly status: 'queued' | 'running' | 'completed' | 'failed';
  readonly progress: number;
  readonly error: string | null;
  readonly summary: ReportDocument | null;
  readonly requestedBy: string;
  readonly createdAt: Date;
  readonly completedAt: Date | null;
}

type ReportRunRow = {
  id: string;
  kind: ReportKind;
  budget_year: number;
  chapter: string | null;
  post: string | null;
  as_of: string;
  status: ReportRunRecord['status'];
  progress: number;
  error: string | null;
  summary: ReportDocument | null;
  requested_by: string;
  created_at: Date;
  completed_at: Date | null;
};

const COLUMNS = `id, kind, budget_year, chapter, post, to_char(as_of, 'YYYY-MM-DD') AS as_of, status, progress, error, summary, requested_by, created_at, completed_at`;

const toRecord = (row: ReportRunRow): ReportRunRecord => ({
  id: row.id,
  kind: row.kind,
  budgetYear: row.budget_year,
  budgetPost: row.chapter ? `${row.chapter}.${row.post}` : null,
  asOf: row.as_of,
  status: row.status,
  progress: row.progress,
  error: row.error,
  summary: row.summary,
  requestedBy: row.requested_by,
  createdAt: row.created_at,
  completedAt: row.completed_at,
});

@Injectable()
export class ReportRunRepository {
  async insert(
    manager: EntityManager,
    run: { kind: ReportKind; budgetYear: number; chapter: string | null; post: string | null; asOf: string; requestedBy: string },
  ): Promise<string> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO report_run (kind, budget_year, chapter, post, as_of, status, requested_by) VALUES ($1, $2, $3, $4, $5, 'queued', $6) RETURNING id`,
      [run.kind, run.budgetYear, run.chapter, run.post, run.asOf, run.requestedBy],
    );
    return rows[0].id;
  }

  async find(manager: EntityManager, id: string): Promise<ReportRunRecord | undefined> {
    const rows: ReportRunRow[] = await manager.query(`SELECT ${COLUMNS} FROM report_run WHERE id = $1`, [id]);
    return rows[0] && toRecord(rows[0]);
  }

  async recent(manager: EntityManager, budgetYear: number | undefined, limit: number): Promise<ReportRunRecord[]> {
    const rows: ReportRunRow[] = await manager.query(
      `SELECT ${COLUMNS.replace('summary', 'NULL::jsonb AS summary')} FROM report_run WHERE ($1::int IS NULL OR budget_year = $1) ORDER BY created_at DESC LIMIT $2`,
      [budgetYear ?? null, limit],
    );
    return rows.map(toRecord);
  }

  async markRunning(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE report_run SET status = 'running', progress = 5, error = NULL WHERE id = $1 AND status <> 'completed'`, [id]);
  }

  async progress(manager: EntityManager, id: string, percent: number): Promise<void> {
    await manager.query(`UPDATE report_run SET progress = greatest(progress, $2) WHERE id = $1 AND status = 'running'`, [id, percent]);
  }

  async complete(manager: EntityManager, id: string, summary: ReportDocument, xlsx: Buffer, pdf: Uint8Array): Promise<void> {
    await manager.query(
      `UPDATE report_run SET status = 'completed', progress = 100, summary = $2, xlsx = $3, pdf = $4, completed_at = now() WHERE id = $1 AND status <> 'completed'`,
      [id, JSON.stringify(summary), xlsx, Buffer.from(pdf)],
    );
  }

  async fail(manager: EntityManager, id: string, error: string): Promise<void> {
    await manager.query(`UPDATE report_run SET status = 'failed', error = $2 WHERE id = $1 AND status <> 'completed'`, [id, error.slice(0, 2000)]);
  }

  async file(
    manager: EntityManager,
    id: string,
    format: 'xlsx' | 'pdf',
  ): Promise<{ status: ReportRunRecord['status']; kind: ReportKind; budgetYear: number; asOf: string; content: Buffer | null } | undefined> {
    const rows: Array<{ status: ReportRunRecord['status']; kind: ReportKind; budget_year: number; as_of: string; content: Buffer | null }> =
      await manager.query(
        `SELECT status, kind, budget_year, to_char(as_of, 'YYYY-MM-DD') AS as_of, ${format === 'xlsx' ? 'xlsx' : 'pdf'} AS content FROM report_run WHERE id = $1`,
        [id],
      );
    const row = rows[0];
    return row && { status: row.status, kind: row.kind, budgetYear: row.budget_year, asOf: row.as_of, content: row.content };
  }
}
