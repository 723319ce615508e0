import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface StoredBankFile {
  readonly id: string;
  readonly kind: 'pain.002' | 'camt.054';
  readonly sha256: string;
  readonly messageId: string;
  readonly batchIds: readonly string[];
  readonly sizeBytes: number;
  readonly summary: Record<string, unknown>;
  readonly importedBy: string;
  readonly importedAt: Date;
}

interface BankFileRow {
  id: string;
  kind: StoredBankFile['kind'];
  sha256: string;
  message_id: string;
  batch_ids: string[];
  size_bytes: string;
  summary: Record<string, unknown>;
  imported_by: string;
  imported_at: Date;
}

const toStored = (row: BankFileRow): StoredBankFile => ({
  id: row.id,
  kind: row.kind,
  sha256: row.sha256,
  messageId: row.message_id,
  batchIds: row.batch_ids,
  sizeBytes: Number(row.size_bytes),
  summary: row.summary,
  importedBy: row.imported_by,
  importedAt: row.imported_at,
});

export interface BankBatch {
  readonly id: string;
  readonly messageId: string;
  readonly sentAt: Date | null;
  readonly bankAcceptedAt: Date | null;
  readonly executionDates: readonly string[];
}

/** A payment the bank rejected just now, with what is needed to reverse its booking and pay it again. */
export interface RejectedPayment {
  readonly paymentId: string;
  readonly instalmentId: string | null;
  readonly caseId: string | null;
  readonly amountOre: string;
  readonly executionDate: string;
  readonly budgetYear: number;
  readonly chapter: string;
  readonly post: string;
  readonly earmarkCode: string | null;
  readonly reasonCode: string;
}

/** Paid amounts the bank debited on another day than the day we booked them, summed. */
export interface BookingMove {
  readonly budgetYear: number;
  readonly chapter: string;
  readonly post: string;
  readonly earmarkCode: string | null;
  readonly executionDate: string;
  readonly bookedOn: string;
  readonly amountOre: string;
}

export interface BookedPage {
  readonly booked: number;
  readonly bookedOre: string;
  readonly discrepancies: Record<string, number>;
  readonly moves: readonly BookingMove[];
}

export interface DebitEntryPage {
  /** True for an entry whose end-to-end id came earlier in the same file: listed, never booked twice. */
  readonly repeated: readonly boolean[];
  readonly batchIds: ReadonlyArray<string | null>;
  readonly endToEndIds: ReadonlyArray<string | null>;
  readonly amountsOre: ReadonlyArray<string | null>;
  readonly bookedOn: ReadonlyArray<string | null>;
  readonly debit: readonly boolean[];
}

export interface ReconciliationRow {
  readonly batch_id?: string;
  readonly in_batch: number;
  readonly in_batch_ore: string;
  readonly sent: number;
  readonly sent_ore: string;
  readonly accepted: number;
  readonly accepted_ore: string;
  readonly booked: number;
  readonly booked_ore: string;
  readonly booked_by_bank_ore: string;
  readonly rejected: number;
  readonly rejected_ore: string;
  readonly booked_late: number;
}

export interface DiscrepancyRow {
  readonly id: string;
  readonly file_id: string;
  readonly batch_id: string | null;
  readonly payment_id: string | null;
  readonly kind: string;
  readonly end_to_end_id: string | null;
  readonly sent_amount_ore: string | null;
  readonly booked_amount_ore: string | null;
  readonly execution_date: string | null;
  readonly booked_on: string | null;
  readonly case_number: string | null;
  readonly organisation_number: string | null;
  readonly created_at: Date;
}

export interface CasePaymentRow {
  readonly payment_id: string;
  readonly instalment_id: string;
  readonly sequence: number;
  readonly amount_ore: string;
  readonly execution_date: string;
  readonly batch_id: string | null;
  readonly own_status: 'accepted' | 'booked' | 'rejected' | null;
  readonly reason_code: string | null;
  readonly booked_on: string | null;
  readonly booked_amount_ore: string | null;
  readonly sent_at: Date | null;
  readonly bank_accepted_at: Date | null;
  readonly reissued_as: string | null;
  readonly reissue_held: boolean | null;
  readonly reissue_paid: boolean | null;
}

const NEEDS_ESCAPE = /["\\]/;

/**
 * A PostgreSQL array literal of a page's column, made here rather than by node-postgres: its
 * general version runs two regular expressions over every element, 30 000 per page of a camt.054.
 * Every value is quoted (so that a text `NULL` stays text) and escaped when it has to be.
 */
function arrayLiteral(values: ReadonlyArray<string | boolean | null>): string {
  let literal = '{';
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    if (index > 0) literal += ',';
    if (value === null) literal += 'NULL';
    else if (typeof value === 'boolean') literal += value ? 't' : 'f';
    else literal += NEEDS_ESCAPE.test(value) ? `"${value.replace(/[\\"]/g, '\\$&')}"` : `"${value}"`;
  }
  return `${literal}}`;
}

/** Status of a payment in SQL: its own answer from the bank, else its batch's. */
const STATUS = `CASE WHEN s.status IS NOT NULL THEN s.status WHEN b.bank_accepted_at IS NOT NULL THEN 'accepted' WHEN b.sent_at IS NOT NULL THEN 'sent' ELSE 'in_batch' END`;

const RECONCILIATION_FIGURES = `
  count(*)::int AS in_batch, coalesce(sum(p.amount_ore), 0)::text AS in_batch_ore,
  (count(*) FILTER (WHERE b.sent_at IS NOT NULL))::int AS sent, coalesce(sum(p.amount_ore) FILTER (WHERE b.sent_at IS NOT NULL), 0)::text AS sent_ore,
  (count(*) FILTER (WHERE ${STATUS} = 'accepted'))::int AS accepted, coalesce(sum(p.amount_ore) FILTER (WHERE ${STATUS} = 'accepted'), 0)::text AS accepted_ore,
  (count(*) FILTER (WHERE s.status = 'booked'))::int AS booked, coalesce(sum(p.amount_ore) FILTER (WHERE s.status = 'booked'), 0)::text AS booked_ore,
  coalesce(sum(s.booked_amount_ore) FILTER (WHERE s.status = 'booked'), 0)::text AS booked_by_bank_ore,
  (count(*) FILTER (WHERE s.status = 'rejected'))::int AS rejected, coalesce(sum(p.amount_ore) FILTER (WHERE s.status = 'rejected'), 0)::text AS rejected_ore,
  (count(*) FILTER (WHERE s.status = 'booked' AND s.booked_on <> p.execution_date))::int AS booked_late`;

/** SQL of the bank's return files: the files, the payments' answers, the discrepancies and the reconciliation. */
@Injectable()
export class BankFileRepository {
  /** Two imports of the same file, or of two answers to the same batch, take turns. */
  async lockImport(manager: EntityManager, sha256: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`bank-file:${sha256}`]);
  }

  /** The page statements' estimates are large enough to trigger JIT compilation, which costs more than the page. */
  async withoutJit(manager: EntityManager): Promise<void> {
    await manager.query(`SET LOCAL jit = off`);
  }

  async findBySha256(manager: EntityManager, sha256: string): Promise<StoredBankFile | undefined> {
    const [row]: BankFileRow[] = await manager.query(
      `SELECT id, kind, sha256, message_id, batch_ids, size_bytes, summary, imported_by, imported_at FROM bank_file WHERE sha256 = $1`,
      [sha256],
    );
    return row && toStored(row);
  }

  async findById(manager: EntityManager, id: string): Promise<StoredBankFile | undefined> {
    const [row]: BankFileRow[] = await manager.query(
      `SELECT id, kind, sha256, message_id, batch_ids, size_bytes, summary, imported_by, imported_at FROM bank_file WHERE id = $1`,
      [id],
    );
    return row && toStored(row);
  }

  async findByMessageId(manager: EntityManager, kind: StoredBankFile['kind'], messageId: string): Promise<StoredBankFile | undefined> {
    const [row]: BankFileRow[] = await manager.query(
      `SELECT id, kind, sha256, message_id, batch_ids, size_bytes, summary, imported_by, imported_at FROM bank_file WHERE kind = $1 AND message_id = $2`,
      [kind, messageId],
    );
    return row && toStored(row);
  }

  async list(manager: EntityManager, batchId?: string): Promise<StoredBankFile[]> {
    const rows: BankFileRow[] = await manager.query(
      `SELECT id, kind, sha256, message_id, batch_ids, size_bytes, summary, imported_by, imported_at FROM bank_file
       WHERE ($1::uuid IS NULL OR $1::uuid = ANY(batch_ids)) ORDER BY imported_at DESC LIMIT 200`,
      [batchId ?? null],
    );
    return rows.map(toStored);
  }

  /** The row comes first (the answers refer to it); its content and summary when the file has been read. */
  async insertFile(
    manager: EntityManager,
    file: { id: string; kind: StoredBankFile['kind']; sha256: string; messageId: string; sizeBytes: number; importedBy: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO bank_file (id, kind, sha256, message_id, batch_ids, size_bytes, content_gzip, summary, imported_by) VALUES ($1, $2, $3, $4, '{}', $5, '\\x', '{}', $6)`,
      [file.id, file.kind, file.sha256, file.messageId, file.sizeBytes, file.importedBy],
    );
  }

  async completeFile(manager: EntityManager, id: string, batchIds: readonly string[], content: Buffer, summary: Record<string, unknown>): Promise<void> {
    await manager.query(`UPDATE bank_file SET batch_ids = $2::uuid[], content_gzip = $3, summary = $4 WHERE id = $1`, [
      id,
      batchIds,
      content,
      JSON.stringify(summary),
    ]);
  }

  async content(manager: EntityManager, id: string): Promise<Buffer | undefined> {
    const [row]: Array<{ content_gzip: Buffer }> = await manager.query(`SELECT content_gzip FROM bank_file WHERE id = $1`, [id]);
    return row?.content_gzip;
  }

  /** The batch whose pain.001 had this message id, locked against a concurrent answer to it. */
  async batchByMessageId(manager: EntityManager, messageId: string): Promise<BankBatch | undefined> {
    const [row]: Array<{ id: string; message_id: string; sent_at: Date | null; bank_accepted_at: Date | null }> = await manager.query(
      `SELECT id, replace(id::text, '-', '') AS message_id, sent_at, bank_accepted_at FROM payment_batch WHERE replace(id::text, '-', '') = $1 FOR UPDATE`,
      [messageId],
    );
    if (!row) return undefined;
    const dates: Array<{ execution_date: string }> = await manager.query(
      `SELECT DISTINCT to_char(execution_date, 'YYYY-MM-DD') AS execution_date FROM payment WHERE batch_id = $1 ORDER BY 1`,
      [row.id],
    );
    return {
      id: row.id,
      messageId: row.message_id,
      sentAt: row.sent_at,
      bankAcceptedAt: row.bank_accepted_at,
      executionDates: dates.map((date) => date.execution_date),
    };
  }

  async markSent(manager: EntityManager, batchId: string, userId: string): Promise<boolean> {
    // TypeORM returns an UPDATE's rows with its count: [rows, count].
    const [, count]: [unknown[], number] = await manager.query(`UPDATE payment_batch SET sent_at = now(), sent_by = $2 WHERE id = $1 AND sent_at IS NULL`, [
      batchId,
      userId,
    ]);
    return count > 0;
  }

  async markAccepted(manager: EntityManager, batchId: string): Promise<void> {
    await manager.query(`UPDATE payment_batch SET bank_accepted_at = now() WHERE id = $1 AND bank_accepted_at IS NULL`, [batchId]);
  }

  /** Payment ids of a batch (or of one execution date in it) by our end-to-end numbers; unknown numbers are left out. */
  async paymentIds(
    manager: EntityManager,
    batchId: string,
    selection: { executionDate?: string; endToEndIds?: readonly string[] },
  ): Promise<Map<string, string>> {
    const rows: Array<{ id: string; end_to_end_id: string }> = await manager.query(
      `SELECT id, end_to_end_id::text FROM payment
       WHERE batch_id = $1 AND ($2::date IS NULL OR execution_date = $2::date) AND ($3::bigint[] IS NULL OR end_to_end_id = ANY($3::bigint[]))`,
      [batchId, selection.executionDate ?? null, selection.endToEndIds ?? null],
    );
    return new Map(rows.map((row) => [row.end_to_end_id, row.id]));
  }

  /** Accepted one by one (a pain.002 may name accepted transactions); a later answer is not undone. */
  async accept(manager: EntityManager, fileId: string, batchId: string, paymentIds: readonly string[]): Promise<number> {
    if (paymentIds.length === 0) return 0;
    const rows: unknown[] = await manager.query(
      `INSERT INTO payment_bank_status (payment_id, batch_id, status, file_id)
       SELECT id, $2, 'accepted', $1 FROM unnest($3::uuid[]) AS id
       ON CONFLICT (payment_id) DO NOTHING RETURNING payment_id`,
      [fileId, batchId, paymentIds],
    );
    return rows.length;
  }

  /**
   * Rejects payments that were sent or accepted, and returns them with their booking; one the bank
   * has already debited is not rejected but listed as a discrepancy, one already rejected is left.
   */
  async reject(
    manager: EntityManager,
    fileId: string,
    batchId: string,
    rejections: ReadonlyArray<{ paymentId: string; reasonCode: string }>,
  ): Promise<{ rejected: RejectedPayment[]; alreadyBooked: number }> {
    if (rejections.length === 0) return { rejected: [], alreadyBooked: 0 };
    const [row]: Array<{ rejected: RejectedPayment[] | null; already_booked: number }> = await manager.query(
      `WITH input AS (
         SELECT DISTINCT ON (payment_id) payment_id, reason_code FROM unnest($3::uuid[], $4::text[]) AS x(payment_id, reason_code)
       ), target AS (
         SELECT p.id, p.end_to_end_id, p.amount_ore, p.execution_date, x.reason_code, s.status AS prior
         FROM input x JOIN payment p ON p.id = x.payment_id AND p.batch_id = $2
         LEFT JOIN payment_bank_status s ON s.payment_id = p.id
       ), rejected AS (
         INSERT INTO payment_bank_status (payment_id, batch_id, status, reason_code, file_id)
         SELECT id, $2, 'rejected', reason_code, $1 FROM target WHERE prior IS NULL OR prior = 'accepted'
         ON CONFLICT (payment_id) DO UPDATE SET status = 'rejected', reason_code = excluded.reason_code, file_id = excluded.file_id, updated_at = now()
           WHERE payment_bank_status.status = 'accepted'
         RETURNING payment_id, reason_code
       ), contradicted AS (
         INSERT INTO bank_discrepancy (file_id, batch_id, payment_id, kind, end_to_end_id, sent_amount_ore, execution_date)
         SELECT $1, $2, id, 'rejected-after-booking', 'IMDI' || end_to_end_id, amount_ore, execution_date FROM target WHERE prior = 'booked'
         RETURNING 1
       )
       SELECT (SELECT json_agg(json_build_object(
                 'paymentId', p.id, 'instalmentId', p.instalment_id, 'caseId', i.case_id, 'amountOre', p.amount_ore::text,
                 'executionDate', to_char(p.execution_date, 'YYYY-MM-DD'), 'budgetYear', p.budget_year, 'chapter', p.chapter, 'post', p.post,
                 'earmarkCode', i.earmark_code, 'reasonCode', r.reason_code) ORDER BY p.end_to_end_id)
               FROM rejected r JOIN payment p ON p.id = r.payment_id LEFT JOIN instalment i ON i.id = p.instalment_id) AS rejected,
              (SELECT count(*)::int FROM contradicted) AS already_booked`,
      [fileId, batchId, rejections.map((rejection) => rejection.paymentId), rejections.map((rejection) => rejection.reasonCode)],
    );
    return { rejected: row.rejected ?? [], alreadyBooked: row.already_booked };
  }

  /**
   * The instalments of rejected payments fall due again, as new instalments of the same decision
   * (the rejected payment keeps its instalment: a payment is never made twice for one instalment).
   * When the account was the problem, the new instalment waits for the recipient's new account.
   */
  async reissue(manager: EntityManager, reissues: ReadonlyArray<{ paymentId: string; waitForAccount: boolean }>): Promise<number> {
    if (reissues.length === 0) return 0;
    const rows: unknown[] = await manager.query(
      `INSERT INTO instalment (case_id, decision_id, sequence, amount_ore, due_on, held_until, budget_year, chapter, post, earmark_code, scheme_code, case_number, organisation_number, account_number, reissue_of)
       SELECT i.case_id, i.decision_id,
              (SELECT max(sequence) FROM instalment WHERE decision_id = i.decision_id) + row_number() OVER (PARTITION BY i.decision_id ORDER BY p.end_to_end_id),
              i.amount_ore,
              CASE WHEN x.wait THEN NULL ELSE p.execution_date END,
              CASE WHEN x.wait THEN 'account-corrected' END,
              i.budget_year, i.chapter, i.post, i.earmark_code, i.scheme_code, i.case_number, i.organisation_number, p.account_number, p.id
       FROM unnest($1::uuid[], $2::boolean[]) AS x(payment_id, wait)
       JOIN payment p ON p.id = x.payment_id JOIN instalment i ON i.id = p.instalment_id
       ON CONFLICT (reissue_of) WHERE reissue_of IS NOT NULL DO NOTHING
       RETURNING id`,
      [reissues.map((reissue) => reissue.paymentId), reissues.map((reissue) => reissue.waitForAccount)],
    );
    return rows.length;
  }

  /**
   * Books one page of a camt.054's debit entries in one statement: matches each to its payment by
   * our end-to-end number (within the batch its message id names), records the booking, lists
   * every difference from what we sent, and sums the payments booked on another day than their
   * execution date so the ledger can move them there.
   */
  async book(manager: EntityManager, fileId: string, page: DebitEntryPage): Promise<BookedPage> {
    const [row]: Array<{ booked: number; booked_ore: string; discrepancies: Record<string, number> | null; moves: BookingMove[] | null }> = await manager.query(
      `WITH entry AS (
         SELECT e.*, CASE WHEN e.reference ~ '^IMDI[0-9]{1,18}$' THEN substr(e.reference, 5)::bigint END AS end_to_end_id
         FROM unnest($2::uuid[], $3::text[], $4::bigint[], $5::date[], $6::boolean[], $7::boolean[]) WITH ORDINALITY AS e(batch_id, reference, amount_ore, booked_on, debit, repeated, n)
       ), matched AS MATERIALIZED (
         -- One index probe per entry (LATERAL): a hash join would read the whole payment and status
         -- tables for every page, a cost that grows with each page of a million-entry file.
         SELECT e.*, p.id AS payment_id, p.batch_id AS payment_batch_id, p.amount_ore AS sent_ore, p.execution_date, p.budget_year, p.chapter, p.post, p.instalment_id
         FROM entry e
         LEFT JOIN LATERAL (SELECT * FROM payment p WHERE p.end_to_end_id = e.end_to_end_id AND (e.batch_id IS NULL OR p.batch_id = e.batch_id) LIMIT 1) p ON true
       ), inserted AS (
         -- Most payments have no answer yet: the insert's own unique check finds the others, so only
         -- those are looked up below instead of probing the status of every entry.
         INSERT INTO payment_bank_status (payment_id, batch_id, status, booked_on, booked_amount_ore, file_id)
         SELECT payment_id, payment_batch_id, 'booked', booked_on, amount_ore, $1 FROM matched
         WHERE payment_id IS NOT NULL AND debit AND NOT repeated AND amount_ore IS NOT NULL
         ON CONFLICT (payment_id) DO NOTHING
         RETURNING payment_id
       ), answered AS MATERIALIZED (
         -- The status each of the other entries' payments had before this page (the statement's
         -- snapshot; the import holds its batches' rows locked, so no one else changes them).
         -- Probed one by one (LATERAL, = ANY) for the same reason as the payments.
         SELECT m.n, m.payment_id, m.booked_on, m.amount_ore, m.debit, m.repeated, s.status AS prior
         FROM matched m CROSS JOIN LATERAL (SELECT s.status FROM payment_bank_status s WHERE s.payment_id = m.payment_id LIMIT 1) s
         WHERE m.payment_id IS NOT NULL AND NOT EXISTS (SELECT FROM inserted i WHERE i.payment_id = m.payment_id)
       ), accepting AS MATERIALIZED (
         SELECT payment_id, booked_on, amount_ore FROM answered WHERE prior = 'accepted' AND debit AND NOT repeated AND amount_ore IS NOT NULL
       ), updated AS (
         UPDATE payment_bank_status s SET status = 'booked', booked_on = a.booked_on, booked_amount_ore = a.amount_ore, file_id = $1, updated_at = now()
         FROM accepting a
         WHERE s.payment_id = ANY (ARRAY(SELECT payment_id FROM accepting)) AND s.payment_id = a.payment_id AND s.status = 'accepted'
         RETURNING s.payment_id
       ), booked AS (
         SELECT payment_id FROM inserted UNION ALL SELECT payment_id FROM updated
       ), newly AS MATERIALIZED (
         -- What this page books.
         SELECT m.* FROM matched m JOIN booked b ON b.payment_id = m.payment_id
         WHERE m.debit AND NOT m.repeated AND m.amount_ore IS NOT NULL
       ), known AS (
         SELECT m.*, a.prior FROM matched m LEFT JOIN answered a ON a.n = m.n
       ), differences AS (
         -- An entry we cannot match still belongs to the batch its message id names.
         SELECT coalesce(m.payment_batch_id, m.batch_id) AS payment_batch_id, m.payment_id, m.reference, m.sent_ore, m.amount_ore, m.execution_date, m.booked_on,
                CASE WHEN m.payment_id IS NULL THEN 'unmatched-entry'
                     WHEN NOT m.debit THEN 'credit-entry'
                     WHEN m.amount_ore IS NULL THEN 'amount'
                     WHEN m.prior = 'rejected' THEN 'booked-after-rejection'
                     WHEN m.prior = 'booked' OR m.repeated THEN 'booked-twice' END AS kind
         FROM known m
         UNION ALL SELECT payment_batch_id, payment_id, reference, sent_ore, amount_ore, execution_date, booked_on, 'amount' FROM newly WHERE amount_ore IS DISTINCT FROM sent_ore
         UNION ALL SELECT payment_batch_id, payment_id, reference, sent_ore, amount_ore, execution_date, booked_on, 'booking-date' FROM newly WHERE booked_on IS DISTINCT FROM execution_date
       ), listed AS (
         INSERT INTO bank_discrepancy (file_id, batch_id, payment_id, kind, end_to_end_id, sent_amount_ore, booked_amount_ore, execution_date, booked_on)
         SELECT $1, payment_batch_id, payment_id, kind, reference, sent_ore, amount_ore, execution_date, booked_on FROM differences WHERE kind IS NOT NULL
         RETURNING kind
       )
       SELECT (SELECT count(*)::int FROM booked) AS booked,
              (SELECT coalesce(sum(sent_ore), 0)::text FROM newly) AS booked_ore,
              (SELECT json_object_agg(kind, n) FROM (SELECT kind, count(*)::int AS n FROM listed GROUP BY kind) k) AS discrepancies,
              (SELECT json_agg(json_build_object('budgetYear', budget_year, 'chapter', chapter, 'post', post, 'earmarkCode', earmark_code,
                        'executionDate', to_char(execution_date, 'YYYY-MM-DD'), 'bookedOn', to_char(booked_on, 'YYYY-MM-DD'), 'amountOre', total::text))
                 FROM (SELECT n.budget_year, n.chapter, n.post, i.earmark_code, n.execution_date, n.booked_on, sum(n.sent_ore) AS total
                       FROM newly n LEFT JOIN instalment i ON i.id = n.instalment_id
                       WHERE n.booked_on <> n.execution_date
                       GROUP BY 1, 2, 3, 4, 5, 6) moved) AS moves`,
      [
        fileId,
        arrayLiteral(page.batchIds),
        arrayLiteral(page.endToEndIds),
        arrayLiteral(page.amountsOre),
        arrayLiteral(page.bookedOn),
        arrayLiteral(page.debit),
        arrayLiteral(page.repeated),
      ],
    );
    return { booked: row.booked, bookedOre: row.booked_ore, discrepancies: row.discrepancies ?? {}, moves: row.moves ?? [] };
  }

  async batchReconciliation(
    manager: EntityManager,
    batchId: string,
  ): Promise<(ReconciliationRow & { discrepancies: Record<string, number> | null }) | undefined> {
    const [row]: Array<ReconciliationRow & { discrepancies: Record<string, number> | null }> = await manager.query(
      `SELECT ${RECONCILIATION_FIGURES},
              (SELECT json_object_agg(kind, n) FROM (SELECT kind, count(*)::int AS n FROM bank_discrepancy WHERE batch_id = $1 GROUP BY kind) d) AS discrepancies
       FROM payment_batch b LEFT JOIN payment p ON p.batch_id = b.id LEFT JOIN payment_bank_status s ON s.payment_id = p.id
       WHERE b.id = $1 GROUP BY b.id`,
      [batchId],
    );
    return row;
  }

  /** The same figures for every payment of a year's kap./post, and per batch. */
  async postReconciliation(
    manager: EntityManager,
    budgetYear: number,
    chapter: string,
    post: string,
  ): Promise<Array<ReconciliationRow & { batch_id: string }>> {
    return manager.query(
      `SELECT b.id AS batch_id, ${RECONCILIATION_FIGURES}
       FROM payment_batch b JOIN payment p ON p.batch_id = b.id LEFT JOIN payment_bank_status s ON s.payment_id = p.id
       WHERE b.budget_year = $1 AND b.chapter = $2 AND b.post = $3
       GROUP BY b.id ORDER BY min(b.created_at), b.id`,
      [budgetYear, chapter, post],
    );
  }

  async discrepancies(manager: EntityManager, filter: { batchId?: string; budgetYear?: number; chapter?: string; post?: string }): Promise<DiscrepancyRow[]> {
    return manager.query(
      `SELECT d.id, d.file_id, d.batch_id, d.payment_id, d.kind, d.end_to_end_id, d.sent_amount_ore::text, d.booked_amount_ore::text,
              to_char(d.execution_date, 'YYYY-MM-DD') AS execution_date, to_char(d.booked_on, 'YYYY-MM-DD') AS booked_on,
              p.case_number, p.organisation_number, d.created_at
       FROM bank_discrepancy d LEFT JOIN payment p ON p.id = d.payment_id LEFT JOIN payment_batch b ON b.id = d.batch_id
       WHERE ($1::uuid IS NULL OR d.batch_id = $1) AND ($2::int IS NULL OR b.budget_year = $2) AND ($3::text IS NULL OR b.chapter = $3) AND ($4::text IS NULL OR b.post = $4)
       ORDER BY d.created_at, d.end_to_end_id LIMIT 1000`,
      [filter.batchId ?? null, filter.budgetYear ?? null, filter.chapter ?? null, filter.post ?? null],
    );
  }

  /** A case's instalment payments with the bank's answer, and what became of a rejected one. */
  async casePayments(manager: EntityManager, caseId: string): Promise<CasePaymentRow[]> {
    return manager.query(
      `SELECT p.id AS payment_id, i.id AS instalment_id, i.sequence, p.amount_ore::text, to_char(p.execution_date, 'YYYY-MM-DD') AS execution_date, p.batch_id,
              s.status AS own_status, s.reason_code, to_char(s.booked_on, 'YYYY-MM-DD') AS booked_on, s.booked_amount_ore::text,
              b.sent_at, b.bank_accepted_at,
              r.id AS reissued_as, r.held_until IS NOT NULL AS reissue_held, EXISTS (SELECT 1 FROM payment rp WHERE rp.instalment_id = r.id) AS reissue_paid
       FROM instalment i JOIN payment p ON p.instalment_id = i.id
       LEFT JOIN payment_batch b ON b.id = p.batch_id
       LEFT JOIN payment_bank_status s ON s.payment_id = p.id
       LEFT JOIN instalment r ON r.reissue_of = p.id
       WHERE i.case_id = $1
       ORDER BY i.sequence`,
      [caseId],
    );
  }

  /** Reissued instalments of a post waiting for a corrected account. */
  async waitingForAccount(
    manager: EntityManager,
    budgetYear: number,
    chapter: string,
    post: string,
  ): Promise<Array<{ id: string; organisationNumber: string; accountNumber: string }>> {
    const rows: Array<{ id: string; organisation_number: string; account_number: string }> = await manager.query(
      `SELECT id, organisation_number, account_number FROM instalment WHERE budget_year = $1 AND chapter = $2 AND post = $3 AND held_until = 'account-corrected' ORDER BY id`,
      [budgetYear, chapter, post],
    );
    return rows.map((row) => ({ id: row.id, organisationNumber: row.organisation_number, accountNumber: row.account_number }));
  }

  /** The recipient has a new account: the waiting instalment is due now, to the new account. */
  async releaseToAccount(manager: EntityManager, instalmentId: string, accountNumber: string, dueOn: string): Promise<boolean> {
    const [, count]: [unknown[], number] = await manager.query(
      `UPDATE instalment SET account_number = $2, due_on = $3::date, held_until = NULL WHERE id = $1 AND held_until = 'account-corrected'`,
      [instalmentId, accountNumber, dueOn],
    );
    return count > 0;
  }
}
