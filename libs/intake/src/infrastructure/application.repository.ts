import { Injectable } from '@nestjs/common';
import { actorIdOf, type AuditActor } from '@imdi/audit';
import type { CaseMove, CaseStatus } from '@imdi/cases';
import { Money } from '@imdi/kernel';
import { queryPrepared } from '@imdi/platform';
import type { EntityManager } from 'typeorm';
import { toOrganisation, type Organisation, type OrganisationRecord } from './organisation.repository';

export interface ApplicationRecord {
  readonly id: string;
  readonly organisationId: string;
  readonly organisationNumber: string;
  readonly schemeCode: string;
  readonly budgetYear: number;
  readonly schemeVersionId: string;
  readonly form: Record<string, unknown>;
  readonly requested: Money | null;
  readonly submittedAt: Date | null;
  readonly submittedBy: string | null;
  readonly createdBy: string;
  readonly createdAt: Date;
  /** Changes with every write of the row (PostgreSQL's xmin): a check that it is unchanged since read. */
  readonly rowVersion: string;
}

export interface AttachmentRecord {
  readonly id: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly uploadedBy: string;
  readonly createdAt: Date;
}

/** What a submission looks up: the application, the organisations the caller acts for, and the key it came with. */
export interface SubmissionLookup {
  readonly applicationId: string;
  readonly organisationNumbers: readonly string[];
  readonly idempotencyKey: string;
}

/** An application as a submission reads it: with its organisation, the case's status and whom the key was used for. */
export interface SubmissionCandidate {
  readonly application: ApplicationRecord;
  readonly organisation: Organisation;
  readonly keyUsedFor: string | null;
  readonly caseStatus: CaseStatus;
  readonly caseNumber: string | null;
}

/** A submission that passed every check, as `submitMany` writes it. */
export interface SubmissionToWrite {
  readonly applicationId: string;
  readonly organisationId: string;
  readonly idempotencyKey: string;
  /** The application row as it was checked; a draft saved since then is not submitted. */
  readonly checkedRowVersion: string;
  readonly receivedAt: Date;
  /** The Oslo year of receipt, whose case-number series the case joins. */
  readonly receiptYear: number;
  /** The place in the batch's receipt order: case numbers follow it. */
  readonly receiptOrder: number;
  readonly actor: AuditActor;
  readonly requested: Money | null;
  /** What the audit entry records beside the new status and case number. */
  readonly auditDetails: Record<string, unknown>;
}

export interface SubmissionWritten {
  readonly outcome: 'submitted' | 'key-taken' | 'not-allowed' | 'changed-since-checked';
  /** The case's status and number after the write (null if there is no case). */
  readonly caseStatus: CaseStatus | null;
  readonly caseNumber: string | null;
}

interface Row {
  id: string;
  organisation_id: string;
  organisation_number: string;
  scheme_code: string;
  budget_year: number;
  scheme_version_id: string;
  form: Record<string, unknown>;
  requested_ore: string | null;
  submitted_at: Date | null;
  submitted_by: string | null;
  created_by: string;
  created_at: Date;
  row_version: string;
}

const SELECT = `SELECT a.*, a.xmin::text AS row_version, o.organisation_number FROM application a JOIN organisation o ON o.id = a.organisation_id`;

const toApplication = (row: Row): ApplicationRecord => ({
  id: row.id,
  organisationId: row.organisation_id,
  organisationNumber: row.organisation_number,
  schemeCode: row.scheme_code,
  budgetYear: row.budget_year,
  schemeVersionId: row.scheme_version_id,
  form: row.form,
  requested: row.requested_ore === null ? null : Money.ofOre(row.requested_ore),
  submittedAt: row.submitted_at,
  submittedBy: row.submitted_by,
  createdBy: row.created_by,
  createdAt: row.created_at,
  rowVersion: row.row_version,
});

type SubmissionRow = Row & { organisation: OrganisationRecord; key_used_for: string | null; case_status: CaseStatus; case_number: string | null };

/** What a submit reads of an application, its organisation and its case; `key` is the SQL for the idempotency key it came with. */
const readForSubmission = (key: string): string =>
  `SELECT a.*, a.xmin::text AS row_version, o.organisation_number, to_jsonb(o) AS organisation,
     (SELECT s.application_id FROM submission_request s WHERE s.organisation_id = a.organisation_id AND s.idempotency_key = ${key}) AS key_used_for,
     c.status AS case_status, c.case_number
   FROM application a
   JOIN organisation o ON o.id = a.organisation_id
   JOIN case_register c ON c.case_id = a.id`;

/** Every read that can reach an applicant's data takes the organisations the caller acts for. */
@Injectable()
export class ApplicationRepository {
  async insert(
    manager: EntityManager,
    application: { id: string; organisationId: string; schemeCode: string; budgetYear: number; schemeVersionId: string; form: object; createdBy: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO application (id, organisation_id, scheme_code, budget_year, scheme_version_id, form, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        application.id,
        application.organisationId,
        application.schemeCode,
        application.budgetYear,
        application.schemeVersionId,
        JSON.stringify(application.form),
        application.createdBy,
      ],
    );
  }

  /** `organisationNumbers` null: IMDi staff, who may read every application. */
  async find(manager: EntityManager, id: string, organisationNumbers: readonly string[] | null, lock = false): Promise<ApplicationRecord | undefined> {
    const rows: Row[] = await manager.query(
      `${SELECT} WHERE a.id = $1 AND ($2::text[] IS NULL OR o.organisation_number = ANY($2::text[])) ${lock ? 'FOR UPDATE OF a' : ''}`,
      [id, organisationNumbers],
    );
    return rows[0] && toApplication(rows[0]);
  }

  /**
   * What submits check, for all the submits of a batch in one round trip: per request, in order, the
   * application (undefined if it is not found or not one of the caller's organisations'), its
   * organisation, the case's status and which application the idempotency key was already used for, if
   * any. Under load this read is made for every submit, and a round trip each cost more than the rows.
   */
  async findForSubmissions(manager: EntityManager, requests: readonly SubmissionLookup[]): Promise<Array<SubmissionCandidate | undefined>> {
    // Prepared, both forms: planning them cost more than running them. A submit read alone (most are,
    // below saturation) goes by its id: PostgreSQL plans that form a few times and then keeps one plan.
    // The batch form it plans again on every run (its plan for a short array of ids looks cheaper than
    // the general one), which cost PostgreSQL four times the CPU of the single read (issue 14 notes).
    // In the batch form the ids drive the application index; the keys come alongside (a batch never
    // holds one application twice).
    const rows =
      requests.length === 1
        ? await queryPrepared<SubmissionRow>(manager, 'application-for-submission', `${readForSubmission('$2')} WHERE a.id = $1`, [
            requests[0].applicationId,
            requests[0].idempotencyKey,
          ])
        : await queryPrepared<SubmissionRow>(
            manager,
            'applications-for-submission',
            `${readForSubmission('r.idempotency_key')} JOIN unnest($1::uuid[], $2::text[]) AS r (id, idempotency_key) ON r.id = a.id WHERE a.id = ANY ($1::uuid[])`,
            [requests.map((request) => request.applicationId), requests.map((request) => request.idempotencyKey)],
          );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return requests.map((request) => {
      const row = byId.get(request.applicationId);
      if (!row || !request.organisationNumbers.includes(row.organisation_number)) return undefined;
      return {
        application: toApplication(row),
        organisation: toOrganisation(row.organisation),
        keyUsedFor: row.key_used_for,
        caseStatus: row.case_status,
        caseNumber: row.case_number,
      };
    });
  }

  async listForOrganisations(manager: EntityManager, organisationNumbers: readonly string[]): Promise<ApplicationRecord[]> {
    const rows: Row[] = await manager.query(`${SELECT} WHERE o.organisation_number = ANY($1::text[]) ORDER BY a.created_at DESC LIMIT 500`, [
      organisationNumbers,
    ]);
    return rows.map(toApplication);
  }

  async saveForm(manager: EntityManager, id: string, form: object): Promise<void> {
    await manager.query(`UPDATE application SET form = $2, updated_at = now() WHERE id = $1`, [id, JSON.stringify(form)]);
  }

  async addAttachment(
    manager: EntityManager,
    applicationId: string,
    file: { fileName: string; mediaType: string; content: Uint8Array; sha256: string; uploadedBy: string },
  ): Promise<AttachmentRecord> {
    const rows: Array<{ id: string; created_at: Date }> = await manager.query(
      `INSERT INTO application_attachment (application_id, file_name, media_type, size_bytes, sha256, content, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, created_at`,
      [applicationId, file.fileName, file.mediaType, file.content.length, file.sha256, Buffer.from(file.content), file.uploadedBy],
    );
    return {
      id: rows[0].id,
      fileName: file.fileName,
      mediaType: file.mediaType,
      sizeBytes: file.content.length,
      sha256: file.sha256,
      uploadedBy: file.uploadedBy,
      createdAt: rows[0].created_at,
    };
  }

  async attachments(manager: EntityManager, applicationId: string): Promise<AttachmentRecord[]> {
    const rows: Array<{ id: string; file_name: string; media_type: string; size_bytes: number; sha256: string; uploaded_by: string; created_at: Date }> =
      await manager.query(
        `SELECT id, file_name, media_type, size_bytes, sha256, uploaded_by, created_at FROM application_attachment WHERE application_id = $1 ORDER BY created_at`,
        [applicationId],
      );
    return rows.map((row) => ({
      id: row.id,
      fileName: row.file_name,
      mediaType: row.media_type,
      sizeBytes: row.size_bytes,
      sha256: row.sha256,
      uploadedBy: row.uploaded_by,
      createdAt: row.created_at,
    }));
  }

  async attachmentContent(
    manager: EntityManager,
    applicationId: string,
    attachmentId: string,
  ): Promise<{ fileName: string; mediaType: string; content: Buffer } | undefined> {
    const rows: Array<{ file_name: string; media_type: string; content: Buffer }> = await manager.query(
      `SELECT file_name, media_type, content FROM application_attachment WHERE application_id = $1 AND id = $2`,
      [applicationId, attachmentId],
    );
    return rows[0] && { fileName: rows[0].file_name, mediaType: rows[0].media_type, content: rows[0].content };
  }

  async receipt(manager: EntityManager, id: string): Promise<{ pdf: Buffer; sha256: string } | undefined> {
    const rows: Array<{ receipt_pdf: Buffer | null; receipt_sha256: string | null }> = await manager.query(
      `SELECT receipt_pdf, receipt_sha256 FROM application WHERE id = $1`,
      [id],
    );
    return rows[0]?.receipt_pdf && rows[0].receipt_sha256 ? { pdf: rows[0].receipt_pdf, sha256: rows[0].receipt_sha256 } : undefined;
  }

  /** The first stored receipt wins: a receipt, once issued, never changes. True when this call stored it. */
  async storeReceiptOnce(manager: EntityManager, id: string, pdf: Uint8Array, sha256: string): Promise<boolean> {
    // TypeORM answers an UPDATE with [rows, affected].
    const [, affected]: [unknown[], number] = await manager.query(
      `UPDATE application SET receipt_pdf = $2, receipt_sha256 = $3 WHERE id = $1 AND receipt_pdf IS NULL RETURNING id`,
      [id, Buffer.from(pdf), sha256],
    );
    return affected > 0;
  }

  async findIdempotentSubmission(manager: EntityManager, organisationId: string, key: string): Promise<string | undefined> {
    const rows: Array<{ application_id: string }> = await manager.query(
      `SELECT application_id FROM submission_request WHERE organisation_id = $1 AND idempotency_key = $2`,
      [organisationId, key],
    );
    return rows[0]?.application_id;
  }

  /**
   * Writes a batch of checked submissions in one statement and so in one round trip; call it
   * outside a transaction, so it commits on its own. See submit_applications
   * (./submit-applications.function.ts) for the steps; `moves` is the state machine's table for submit.
   */
  async submitMany(
    manager: EntityManager,
    submissions: readonly SubmissionToWrite[],
    moves: readonly CaseMove[],
    receipt: { readonly queue: string; readonly name: string },
  ): Promise<Map<string, SubmissionWritten>> {
    const rows: Array<{ application_id: string; outcome: SubmissionWritten['outcome']; case_status: CaseStatus | null; case_number: string | null }> =
      await manager.query(`SELECT * FROM submit_applications($1::jsonb, $2::jsonb, $3, $4)`, [
        JSON.stringify(
          submissions.map((submission) => ({
            application_id: submission.applicationId,
            organisation_id: submission.organisationId,
            idempotency_key: submission.idempotencyKey,
            checked_row_version: submission.checkedRowVersion,
            received_at: submission.receivedAt,
            receipt_year: submission.receiptYear,
            receipt_order: submission.receiptOrder,
            submitted_by: actorIdOf(submission.actor),
            actor_roles: submission.actor.roles,
            requested_ore: submission.requested?.toOreString() ?? null,
            audit_after: submission.auditDetails,
          })),
        ),
        JSON.stringify(moves.map((move) => ({ from_status: move.fromStatus, scheme_kind: move.schemeKind, to_status: move.toStatus }))),
        receipt.queue,
        receipt.name,
      ]);
    return new Map(rows.map((row) => [row.application_id, { outcome: row.outcome, caseStatus: row.case_status, caseNumber: row.case_number }]));
  }
}
