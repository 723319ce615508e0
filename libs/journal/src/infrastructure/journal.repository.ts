import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AnswerMethod, JournalDocumentKind, JournalEntryType, JournalStatus } from '../domain/journal-document-kind';
import type { ProducedDocumentSource } from '../application/journal-facts';
import type { CorrespondenceParty, Screening } from '../domain/public-access';

export interface Classification {
  readonly classSystem: string;
  readonly classId: string;
  readonly classTitle: string;
}

export interface CaseFileRow {
  readonly id: string;
  readonly caseId: string;
  readonly caseNumber: string;
  readonly title: string;
  readonly publicTitle: string;
  readonly caseDate: string;
  readonly administrativeUnit: string;
  readonly responsibleCaseworker: string | null;
  readonly status: 'open' | 'closed';
  readonly closedOn: string | null;
  /** When the file was last closed, and last reopened (by an appeal or the ministry reversing). */
  readonly closedAt: Date | null;
  readonly reopenedAt: Date | null;
  readonly schemeCode: string;
  readonly budgetYear: number;
  readonly classification: Classification;
  readonly parties: CorrespondenceParty[];
}

export interface EntryRow {
  readonly id: string;
  readonly caseFileId: string;
  readonly caseId: string;
  readonly caseNumber: string;
  readonly journalYear: number;
  readonly journalSequence: number;
  readonly documentNumber: number;
  readonly kind: JournalDocumentKind;
  readonly entryType: JournalEntryType;
  readonly status: JournalStatus;
  readonly title: string;
  readonly publicTitle: string;
  readonly journalDate: string;
  readonly documentDate: string;
  readonly receivedDate: string | null;
  readonly sentDate: string | null;
  readonly parties: CorrespondenceParty[];
  readonly screening: Screening | null;
  readonly reviewState: 'proposed' | 'final';
  readonly reviewedBy: string | null;
  readonly answeredByEntryId: string | null;
  readonly answeredOn: string | null;
  readonly answerMethod: AnswerMethod | null;
  readonly producedDocument: ProducedDocumentSource | null;
  readonly createdAt: Date;
}

export interface DocumentRow {
  readonly number: number;
  readonly role: 'main' | 'attachment';
  readonly title: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly content: Buffer;
}

export interface DeliveryRow {
  readonly id: string;
  readonly entryId: string;
  readonly version: number;
  readonly state: 'pending' | 'failing' | 'failed' | 'delivered';
  readonly attempts: number;
  readonly lastError: string | null;
  readonly lastAttemptAt: Date | null;
  readonly receipt: object | null;
  readonly deliveredAt: Date | null;
}

export interface NewEntry {
  readonly caseFileId: string;
  readonly sourceKey: string;
  readonly journalYear: number;
  readonly journalSequence: number;
  readonly documentNumber: number;
  readonly kind: JournalDocumentKind;
  readonly entryType: JournalEntryType;
  readonly status: JournalStatus;
  readonly title: string;
  readonly publicTitle: string;
  readonly journalDate: string;
  readonly documentDate: string;
  readonly receivedDate: string | null;
  readonly sentDate: string | null;
  readonly parties: readonly CorrespondenceParty[];
  readonly screening: Screening | null;
  readonly reviewState: 'proposed' | 'final';
  readonly producedDocument: ProducedDocumentSource | null;
}

const ENTRY_COLUMNS = `
  e.id, e.case_file_id AS "caseFileId", f.case_id AS "caseId", f.case_number AS "caseNumber",
  e.journal_year AS "journalYear", e.journal_sequence AS "journalSequence", e.document_number AS "documentNumber",
  e.kind, e.entry_type AS "entryType", e.status, e.title, e.public_title AS "publicTitle",
  to_char(e.journal_date, 'YYYY-MM-DD') AS "journalDate", to_char(e.document_date, 'YYYY-MM-DD') AS "documentDate",
  to_char(e.received_date, 'YYYY-MM-DD') AS "receivedDate", to_char(e.sent_date, 'YYYY-MM-DD') AS "sentDate",
  e.correspondence_parties AS parties, e.screening, e.review_state AS "reviewState", e.reviewed_by AS "reviewedBy",
  e.answered_by_entry_id AS "answeredByEntryId", to_char(e.answered_on, 'YYYY-MM-DD') AS "answeredOn", e.answer_method AS "answerMethod",
  e.document_source AS "producedDocument", e.created_at AS "createdAt"`;

const CASE_FILE_COLUMNS = `
  id, case_id AS "caseId", case_number AS "caseNumber", title, public_title AS "publicTitle",
  to_char(case_date, 'YYYY-MM-DD') AS "caseDate", administrative_unit AS "administrativeUnit",
  responsible_caseworker AS "responsibleCaseworker", status, to_char(closed_on, 'YYYY-MM-DD') AS "closedOn",
  closed_at AS "closedAt", reopened_at AS "reopenedAt",
  scheme_code AS "schemeCode", budget_year AS "budgetYear",
  json_build_object('classSystem', class_system, 'classId', class_id, 'classTitle', class_title) AS classification, parties`;

/** TypeORM answers an UPDATE … RETURNING with [rows, affected]; an INSERT or SELECT with the rows. */
function returnedRows<Row>(result: unknown): Row[] {
  return (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number' ? result[0] : result) as Row[];
}

/** The journal's tables: case files, entries, their documents, numbering and archive deliveries. */
@Injectable()
export class JournalRepository {
  async entryIdBySourceKey(manager: EntityManager, sourceKey: string): Promise<string | undefined> {
    const rows: Array<{ id: string }> = await manager.query(`SELECT id FROM journal_entry WHERE source_key = $1`, [sourceKey]);
    return rows[0]?.id;
  }

  async classification(manager: EntityManager, schemeCode: string, budgetYear: number): Promise<Classification | undefined> {
    const rows: Classification[] = await manager.query(
      `SELECT class_system AS "classSystem", class_id AS "classId", class_title AS "classTitle" FROM journal_classification
       WHERE scheme_code = $1 AND budget_year <= $2 ORDER BY budget_year DESC LIMIT 1`,
      [schemeCode, budgetYear],
    );
    return rows[0];
  }

  async saveClassification(manager: EntityManager, schemeCode: string, budgetYear: number, classification: Classification, by: string): Promise<void> {
    await manager.query(
      `INSERT INTO journal_classification (scheme_code, budget_year, class_system, class_id, class_title, updated_by) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (scheme_code, budget_year) DO UPDATE SET class_system = EXCLUDED.class_system, class_id = EXCLUDED.class_id,
         class_title = EXCLUDED.class_title, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [schemeCode, budgetYear, classification.classSystem, classification.classId, classification.classTitle, by],
    );
  }

  async classifications(manager: EntityManager): Promise<Array<Classification & { schemeCode: string; budgetYear: number }>> {
    return manager.query(
      `SELECT scheme_code AS "schemeCode", budget_year AS "budgetYear", class_system AS "classSystem", class_id AS "classId", class_title AS "classTitle"
       FROM journal_classification ORDER BY scheme_code, budget_year`,
    );
  }

  /** Opens the case file when it does not exist yet, and locks it: entries of one case are numbered one at a time. */
  async lockCaseFile(
    manager: EntityManager,
    values: Omit<CaseFileRow, 'id' | 'status' | 'closedOn' | 'closedAt' | 'reopenedAt' | 'responsibleCaseworker'>,
  ): Promise<{ row: CaseFileRow; opened: boolean }> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO journal_case_file (case_id, case_number, title, public_title, case_date, administrative_unit, scheme_code, budget_year, class_system, class_id, class_title, parties)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (case_id) DO NOTHING RETURNING id`,
      [
        values.caseId,
        values.caseNumber,
        values.title,
        values.publicTitle,
        values.caseDate,
        values.administrativeUnit,
        values.schemeCode,
        values.budgetYear,
        values.classification.classSystem,
        values.classification.classId,
        values.classification.classTitle,
        JSON.stringify(values.parties),
      ],
    );
    const rows: CaseFileRow[] = await manager.query(`SELECT ${CASE_FILE_COLUMNS} FROM journal_case_file WHERE case_id = $1 FOR UPDATE`, [values.caseId]);
    return { row: rows[0], opened: inserted.length === 1 };
  }

  async caseFileByCase(manager: EntityManager, caseId: string): Promise<CaseFileRow | undefined> {
    const rows: CaseFileRow[] = await manager.query(`SELECT ${CASE_FILE_COLUMNS} FROM journal_case_file WHERE case_id = $1`, [caseId]);
    return rows[0];
  }

  async caseFileById(manager: EntityManager, id: string): Promise<CaseFileRow | undefined> {
    const rows: CaseFileRow[] = await manager.query(`SELECT ${CASE_FILE_COLUMNS} FROM journal_case_file WHERE id = $1`, [id]);
    return rows[0];
  }

  async setCaseworker(manager: EntityManager, caseFileId: string, caseworker: string): Promise<void> {
    await manager.query(
      `UPDATE journal_case_file SET responsible_caseworker = $2, updated_at = now() WHERE id = $1 AND responsible_caseworker IS DISTINCT FROM $2`,
      [caseFileId, caseworker],
    );
  }

  /**
   * Closes an open file, unless it was reopened after `closedAt` (a close handled after the appeal that
   * reopened the case): the later of the two facts wins.
   */
  async closeCaseFile(manager: EntityManager, caseId: string, closedOn: string, closedAt: Date): Promise<boolean> {
    const rows = returnedRows<unknown>(
      await manager.query(
        `UPDATE journal_case_file SET status = 'closed', closed_on = $2, closed_at = $3, updated_at = now()
         WHERE case_id = $1 AND status = 'open' AND (reopened_at IS NULL OR reopened_at < $3) RETURNING id`,
        [caseId, closedOn, closedAt],
      ),
    );
    return rows.length === 1;
  }

  /** Reopens a closed file that was closed before `reopenedAt`; answers the file as it was, when it was reopened. */
  async reopenCaseFile(manager: EntityManager, caseId: string, reopenedAt: Date): Promise<{ id: string; closedOn: string } | undefined> {
    const rows = returnedRows<{ id: string; closedOn: string }>(
      await manager.query(
        `UPDATE journal_case_file f SET status = 'open', closed_on = NULL, reopened_at = $2, updated_at = now()
         FROM journal_case_file old_file WHERE old_file.id = f.id AND f.case_id = $1 AND f.status = 'closed' AND f.closed_at < $2
         RETURNING f.id, to_char(old_file.closed_on, 'YYYY-MM-DD') AS "closedOn"`,
        [caseId, reopenedAt],
      ),
    );
    return rows[0];
  }

  /**
   * The year's next journal number. The counter row stays locked until the transaction ends, so
   * concurrent entries queue here and a rolled-back one gives its number back: no gaps, no doubles.
   */
  async nextJournalSequence(manager: EntityManager, year: number): Promise<number> {
    const rows: Array<{ n: number }> = await manager.query(
      `INSERT INTO journal_number_counter (year, last_number) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last_number = journal_number_counter.last_number + 1, updated_at = now()
       RETURNING last_number AS n`,
      [year],
    );
    return rows[0].n;
  }

  async insertEntry(manager: EntityManager, entry: NewEntry): Promise<string> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO journal_entry (case_file_id, source_key, journal_year, journal_sequence, document_number, kind, entry_type, status, title, public_title,
         journal_date, document_date, received_date, sent_date, correspondence_parties, screening, review_state, document_source)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) RETURNING id`,
      [
        entry.caseFileId,
        entry.sourceKey,
        entry.journalYear,
        entry.journalSequence,
        entry.documentNumber,
        entry.kind,
        entry.entryType,
        entry.status,
        entry.title,
        entry.publicTitle,
        entry.journalDate,
        entry.documentDate,
        entry.receivedDate,
        entry.sentDate,
        JSON.stringify(entry.parties),
        entry.screening === null ? null : JSON.stringify(entry.screening),
        entry.reviewState,
        entry.producedDocument === null ? null : JSON.stringify(entry.producedDocument),
      ],
    );
    return rows[0].id;
  }

  async insertDocuments(manager: EntityManager, entryId: string, documents: ReadonlyArray<Omit<DocumentRow, 'number'>>): Promise<void> {
    let number = 0;
    for (const document of documents) {
      number += 1;
      await manager.query(`INSERT INTO journal_document (entry_id, number, role, title, file_name, media_type, content) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
        entryId,
        number,
        document.role,
        document.title,
        document.fileName,
        document.mediaType,
        document.content,
      ]);
    }
  }

  /** Marks the case's oldest unanswered entry of a kind as answered by another; returns its id. */
  async answerOldestOpen(
    manager: EntityManager,
    caseFileId: string,
    kind: JournalDocumentKind,
    byEntryId: string,
    on: string,
    method: AnswerMethod,
  ): Promise<string | undefined> {
    const rows = returnedRows<{ id: string }>(
      await manager.query(
        `UPDATE journal_entry SET answered_by_entry_id = $3, answered_on = $4, answer_method = $5, updated_at = now()
       WHERE id = (SELECT id FROM journal_entry WHERE case_file_id = $1 AND kind = $2 AND answered_by_entry_id IS NULL ORDER BY journal_year, journal_sequence LIMIT 1)
       RETURNING id`,
        [caseFileId, kind, byEntryId, on, method],
      ),
    );
    return rows[0]?.id;
  }

  async entry(manager: EntityManager, id: string, lock = false): Promise<EntryRow | undefined> {
    const rows: EntryRow[] = await manager.query(
      `SELECT ${ENTRY_COLUMNS} FROM journal_entry e JOIN journal_case_file f ON f.id = e.case_file_id WHERE e.id = $1 ${lock ? 'FOR UPDATE OF e' : ''}`,
      [id],
    );
    return rows[0];
  }

  async entriesOfCaseFile(manager: EntityManager, caseFileId: string): Promise<EntryRow[]> {
    return manager.query(
      `SELECT ${ENTRY_COLUMNS} FROM journal_entry e JOIN journal_case_file f ON f.id = e.case_file_id WHERE e.case_file_id = $1 ORDER BY e.document_number`,
      [caseFileId],
    );
  }

  async entries(manager: EntityManager, filter: { from?: string; to?: string; reviewState?: string; final?: boolean; limit: number }): Promise<EntryRow[]> {
    return manager.query(
      `SELECT ${ENTRY_COLUMNS} FROM journal_entry e JOIN journal_case_file f ON f.id = e.case_file_id
       WHERE ($1::date IS NULL OR e.journal_date >= $1::date) AND ($2::date IS NULL OR e.journal_date <= $2::date)
         AND ($3::text IS NULL OR e.review_state = $3::text)
       ORDER BY e.journal_year, e.journal_sequence LIMIT $4`,
      [filter.from ?? null, filter.to ?? null, filter.reviewState ?? null, filter.limit],
    );
  }

  async documents(manager: EntityManager, entryId: string): Promise<DocumentRow[]> {
    return manager.query(
      `SELECT number, role, title, file_name AS "fileName", media_type AS "mediaType", content FROM journal_document WHERE entry_id = $1 ORDER BY number`,
      [entryId],
    );
  }

  async updatePublicAccess(
    manager: EntityManager,
    entryId: string,
    values: { publicTitle: string; screening: Screening | null; reviewState: 'proposed' | 'final'; status: JournalStatus; reviewedBy: string | null },
  ): Promise<void> {
    await manager.query(
      `UPDATE journal_entry SET public_title = $2, screening = $3, review_state = $4, status = $5, reviewed_by = $6,
         reviewed_at = CASE WHEN $6::text IS NULL THEN reviewed_at ELSE now() END, updated_at = now() WHERE id = $1`,
      [entryId, values.publicTitle, values.screening === null ? null : JSON.stringify(values.screening), values.reviewState, values.status, values.reviewedBy],
    );
  }

  async insertDelivery(manager: EntityManager, entryId: string, requestedBy: string): Promise<{ id: string; version: number }> {
    const rows: Array<{ id: string; version: number }> = await manager.query(
      `INSERT INTO archive_delivery (entry_id, version, requested_by)
       SELECT $1, coalesce(max(version), 0) + 1, $2 FROM archive_delivery WHERE entry_id = $1 RETURNING id, version`,
      [entryId, requestedBy],
    );
    return rows[0];
  }

  async deliveries(manager: EntityManager, filter: { entryId?: string; states?: readonly string[] }): Promise<DeliveryRow[]> {
    return manager.query(
      `SELECT id, entry_id AS "entryId", version, state, attempts, last_error AS "lastError", last_attempt_at AS "lastAttemptAt", receipt, delivered_at AS "deliveredAt"
       FROM archive_delivery WHERE ($1::uuid IS NULL OR entry_id = $1::uuid) AND ($2::text[] IS NULL OR state = ANY($2::text[]))
       ORDER BY created_at, version`,
      [filter.entryId ?? null, filter.states ? [...filter.states] : null],
    );
  }

  async delivery(manager: EntityManager, id: string, lock = false): Promise<DeliveryRow | undefined> {
    const rows: DeliveryRow[] = await manager.query(
      `SELECT id, entry_id AS "entryId", version, state, attempts, last_error AS "lastError", last_attempt_at AS "lastAttemptAt", receipt, delivered_at AS "deliveredAt"
       FROM archive_delivery WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0];
  }

  async recordAttemptFailure(manager: EntityManager, id: string, error: string, final: boolean): Promise<void> {
    await manager.query(
      `UPDATE archive_delivery SET attempts = attempts + 1, last_error = $2, last_attempt_at = now(), state = $3, updated_at = now() WHERE id = $1 AND state <> 'delivered'`,
      [id, error.slice(0, 1000), final ? 'failed' : 'failing'],
    );
  }

  async recordDelivered(manager: EntityManager, id: string, receipt: object): Promise<boolean> {
    const rows = returnedRows<unknown>(
      await manager.query(
        `UPDATE archive_delivery SET attempts = attempts + 1, last_attempt_at = now(), state = 'delivered', receipt = $2, delivered_at = now(), last_error = NULL, updated_at = now()
       WHERE id = $1 AND state <> 'delivered' RETURNING id`,
        [id, JSON.stringify(receipt)],
      ),
    );
    return rows.length === 1;
  }

  async markArchived(manager: EntityManager, entryId: string): Promise<void> {
    await manager.query(`UPDATE journal_entry SET status = 'A', updated_at = now() WHERE id = $1`, [entryId]);
  }

  async saveExport(manager: EntityManager, day: string, entries: number, csv: string, json: object): Promise<void> {
    await manager.query(
      `INSERT INTO public_journal_export (day, entries, csv, json) VALUES ($1, $2, $3, $4)
       ON CONFLICT (day) DO UPDATE SET entries = EXCLUDED.entries, csv = EXCLUDED.csv, json = EXCLUDED.json, created_at = now()`,
      [day, entries, csv, JSON.stringify(json)],
    );
  }
}
