import { Injectable } from '@nestjs/common';
import { Money } from '@imdi/kernel';
import type { EntityManager } from 'typeorm';
import type { LedgerSums } from '../domain/budget-position';
import type { LedgerEntryKind } from '../domain/ledger-entry-kind';

export interface BudgetLineRow {
  readonly id: string;
  readonly budgetYear: number;
  readonly chapter: string;
  readonly post: string;
  readonly name: string;
  readonly frame: Money;
  readonly pendingNote: string | null;
  readonly transferable: boolean;
  readonly estimate: boolean;
}

export interface EarmarkRow {
  readonly id: string;
  readonly budgetLineId: string;
  readonly code: string;
  readonly name: string;
  readonly amount: Money;
}

export interface NewLedgerEntry {
  readonly budgetLineId: string;
  readonly earmarkId: string | null;
  readonly kind: LedgerEntryKind;
  readonly amount: Money;
  readonly referenceType: string;
  readonly referenceId: string;
  readonly note?: string;
  readonly createdBy: string;
  /** The Oslo date the entry counts from (YYYY-MM-DD): today, or a payment's execution date. */
  readonly bookedOn: string;
}

type LineRecord = {
  id: string;
  budget_year: number;
  chapter: string;
  post: string;
  name: string;
  frame_ore: string;
  pending_note: string | null;
  transferable: boolean;
  estimate: boolean;
};

const toLine = (row: LineRecord): BudgetLineRow => ({
  id: row.id,
  budgetYear: row.budget_year,
  chapter: row.chapter,
  post: row.post,
  name: row.name,
  frame: Money.ofOre(row.frame_ore),
  pendingNote: row.pending_note,
  transferable: row.transferable,
  estimate: row.estimate,
});

/** The day totals' key for a post's unearmarked rest. */
const UNEARMARKED = '00000000-0000-0000-0000-000000000000';

/** SQL of the budget context. Every figure is a sum of ledger entries (read through their day totals); none is a counter. */
@Injectable()
export class BudgetRepository {
  /** Declared chapter totals of a year's allocation letter (those without a post). */
  async declaredChapterTotals(
    manager: EntityManager,
    budgetYear: number,
  ): Promise<Array<{ chapter: string; post: string | null; declared_ore: string; acknowledged_mismatch: string | null }>> {
    return manager.query(`SELECT chapter, post, declared_ore, acknowledged_mismatch FROM budget_declared_total WHERE budget_year = $1 AND post IS NULL`, [
      budgetYear,
    ]);
  }

  /** Records an allocation letter's import; undefined when the year is already imported (the unique year decides, also between simultaneous imports). */
  async insertImport(manager: EntityManager, budgetYear: number, source: string, document: object, importedBy: string): Promise<string | undefined> {
    const inserted: Array<{ id: string }> = await manager.query(
      `INSERT INTO allocation_import (budget_year, source, document, imported_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (budget_year) DO NOTHING RETURNING id`,
      [budgetYear, source, JSON.stringify(document), importedBy],
    );
    return inserted[0]?.id;
  }

  async insertLine(
    manager: EntityManager,
    line: {
      budgetYear: number;
      chapter: string;
      post: string;
      name: string;
      frameOre: string;
      pendingNote: string | null;
      transferable: boolean;
      estimate: boolean;
      importId: string;
    },
  ): Promise<string> {
    const [{ id }]: Array<{ id: string }> = await manager.query(
      `INSERT INTO budget_line (budget_year, chapter, post, name, frame_ore, pending_note, transferable, estimate, import_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [line.budgetYear, line.chapter, line.post, line.name, line.frameOre, line.pendingNote, line.transferable, line.estimate, line.importId],
    );
    return id;
  }

  async insertEarmark(manager: EntityManager, budgetLineId: string, code: string, name: string, amountOre: string): Promise<void> {
    await manager.query(`INSERT INTO budget_earmark (budget_line_id, code, name, amount_ore) VALUES ($1, $2, $3, $4)`, [budgetLineId, code, name, amountOre]);
  }

  async insertDeclaredTotal(
    manager: EntityManager,
    total: { importId: string; budgetYear: number; chapter: string; post: string | null; declaredOre: string; acknowledgedMismatch: string | null },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO budget_declared_total (import_id, budget_year, chapter, post, declared_ore, acknowledged_mismatch) VALUES ($1, $2, $3, $4, $5, $6)`,
      [total.importId, total.budgetYear, total.chapter, total.post, total.declaredOre, total.acknowledgedMismatch],
    );
  }

  /** Locks the post's row: reservations on one post are serialised, other posts run in parallel. */
  async lockLine(manager: EntityManager, budgetYear: number, chapter: string, post: string): Promise<BudgetLineRow | undefined> {
    const rows: LineRecord[] = await manager.query(`SELECT * FROM budget_line WHERE budget_year = $1 AND chapter = $2 AND post = $3 FOR UPDATE`, [
      budgetYear,
      chapter,
      post,
    ]);
    return rows[0] && toLine(rows[0]);
  }

  async years(manager: EntityManager): Promise<number[]> {
    const rows: Array<{ budget_year: number }> = await manager.query(`SELECT DISTINCT budget_year FROM budget_line ORDER BY budget_year`);
    return rows.map((row) => row.budget_year);
  }

  async linesOfYear(manager: EntityManager, budgetYear: number): Promise<BudgetLineRow[]> {
    const rows: LineRecord[] = await manager.query(`SELECT * FROM budget_line WHERE budget_year = $1 ORDER BY chapter::int, post`, [budgetYear]);
    return rows.map(toLine);
  }

  async earmarksOfLines(manager: EntityManager, lineIds: readonly string[]): Promise<EarmarkRow[]> {
    const rows: Array<{ id: string; budget_line_id: string; code: string; name: string; amount_ore: string }> = await manager.query(
      `SELECT id, budget_line_id, code, name, amount_ore FROM budget_earmark WHERE budget_line_id = ANY($1::uuid[]) ORDER BY created_at, code`,
      [lineIds],
    );
    return rows.map((row) => ({ id: row.id, budgetLineId: row.budget_line_id, code: row.code, name: row.name, amount: Money.ofOre(row.amount_ore) }));
  }

  /**
   * Ledger sums per line and earmark (earmark id '' for the unearmarked rest), optionally up to and
   * including an Oslo date. Read from the day totals the ledger's trigger keeps in step with it.
   */
  async sums(manager: EntityManager, lineIds: readonly string[], asOf?: string): Promise<Map<string, Map<string, LedgerSums>>> {
    const rows: Array<{ budget_line_id: string; earmark_key: string; kind: LedgerEntryKind; total: string }> = await manager.query(
      `SELECT budget_line_id, earmark_key, kind, sum(amount_ore)::text AS total
       FROM budget_ledger_day_total
       WHERE budget_line_id = ANY($1::uuid[]) AND ($2::date IS NULL OR booked_on <= $2::date)
       GROUP BY budget_line_id, earmark_key, kind`,
      [lineIds, asOf ?? null],
    );
    const result = new Map<string, Map<string, LedgerSums>>();
    for (const row of rows) {
      const earmarkId = row.earmark_key === UNEARMARKED ? '' : row.earmark_key;
      const byEarmark = result.get(row.budget_line_id) ?? new Map<string, LedgerSums>();
      const sums: Partial<Record<LedgerEntryKind, Money>> = byEarmark.get(earmarkId) ?? {};
      sums[row.kind] = Money.ofOre(row.total);
      byEarmark.set(earmarkId, sums);
      result.set(row.budget_line_id, byEarmark);
    }
    return result;
  }

  /** The day totals summed again from the entries themselves: a drifted total is named. */
  async dayTotalsDrift(manager: EntityManager): Promise<Array<{ budgetLineId: string; kind: string; bookedOn: string; totalOre: string; entriesOre: string }>> {
    const rows: Array<{ budget_line_id: string; kind: string; booked_on: string; total_ore: string | null; entries_ore: string | null }> = await manager.query(
      `WITH recomputed AS (
         SELECT budget_line_id, coalesce(earmark_id, $1::uuid) AS earmark_key, kind, booked_on, sum(amount_ore) AS amount_ore
         FROM budget_ledger_entry GROUP BY 1, 2, 3, 4)
       SELECT coalesce(t.budget_line_id, r.budget_line_id) AS budget_line_id, coalesce(t.kind, r.kind) AS kind,
              to_char(coalesce(t.booked_on, r.booked_on), 'YYYY-MM-DD') AS booked_on, t.amount_ore::text AS total_ore, r.amount_ore::text AS entries_ore
       FROM budget_ledger_day_total t
       FULL JOIN recomputed r USING (budget_line_id, earmark_key, kind, booked_on)
       WHERE t.amount_ore IS DISTINCT FROM r.amount_ore`,
      [UNEARMARKED],
    );
    return rows.map((row) => ({
      budgetLineId: row.budget_line_id,
      kind: row.kind,
      bookedOn: row.booked_on,
      totalOre: row.total_ore ?? '0',
      entriesOre: row.entries_ore ?? '0',
    }));
  }

  async append(manager: EntityManager, entry: NewLedgerEntry): Promise<string> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO budget_ledger_entry (budget_line_id, earmark_id, kind, amount_ore, reference_type, reference_id, note, created_by, booked_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        entry.budgetLineId,
        entry.earmarkId,
        entry.kind,
        entry.amount.toOreString(),
        entry.referenceType,
        entry.referenceId,
        entry.note ?? null,
        entry.createdBy,
        entry.bookedOn,
      ],
    );
    return rows[0].id;
  }

  /**
   * Many entries in one statement. A posting id is fresh per transaction, so a clash on the
   * reference key is a bug: it fails the transaction instead of being skipped.
   */
  async insertMany(manager: EntityManager, entries: readonly NewLedgerEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await manager.query(
      `INSERT INTO budget_ledger_entry (budget_line_id, earmark_id, kind, amount_ore, reference_type, reference_id, note, created_by, booked_on)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::bigint[], $5::text[], $6::text[], $7::text[], $8::text[], $9::date[])`,
      [
        entries.map((entry) => entry.budgetLineId),
        entries.map((entry) => entry.earmarkId),
        entries.map((entry) => entry.kind),
        entries.map((entry) => entry.amount.toOreString()),
        entries.map((entry) => entry.referenceType),
        entries.map((entry) => entry.referenceId),
        entries.map((entry) => entry.note ?? null),
        entries.map((entry) => entry.createdBy),
        entries.map((entry) => entry.bookedOn),
      ],
    );
  }

  async entryExists(manager: EntityManager, referenceType: string, referenceId: string, kind: LedgerEntryKind): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM budget_ledger_entry WHERE reference_type = $1 AND reference_id = $2 AND kind = $3`, [
      referenceType,
      referenceId,
      kind,
    ]);
    return rows.length > 0;
  }
}
