import { Injectable } from '@nestjs/common';
import { Money } from '@imdi/kernel';
import type { EntityManager } from 'typeorm';

export type RecipientReportStatus = 'due' | 'submitted' | 'more_requested' | 'approved';

export interface RecipientReportRecord {
  readonly id: string;
  readonly caseId: string;
  readonly caseNumber: string | null;
  readonly organisationNumber: string;
  readonly schemeCode: string;
  readonly budgetYear: number;
  readonly granted: Money;
  readonly dueOn: string;
  readonly contents: readonly string[];
  readonly auditorRequired: boolean;
  readonly status: RecipientReportStatus;
  readonly useOfFunds: string | null;
  readonly results: string | null;
  readonly goalAchievement: string | null;
  readonly spent: Money | null;
  readonly participantsFemale: number | null;
  readonly participantsMale: number | null;
  readonly accounts: ReadonlyArray<{ description: string; amountNok: string }> | null;
  readonly auditorConfirmed: boolean | null;
  readonly submittedAt: Date | null;
  readonly reviewComment: string | null;
  readonly reviewedBy: string | null;
}

type Row = {
  id: string;
  case_id: string;
  case_number: string | null;
  organisation_number: string;
  scheme_code: string;
  budget_year: number;
  granted_ore: string;
  due_on: string;
  contents: string[];
  auditor_required: boolean;
  status: RecipientReportStatus;
  use_of_funds: string | null;
  results: string | null;
  goal_achievement: string | null;
  spent_ore: string | null;
  participants_female: number | null;
  participants_male: number | null;
  accounts: Array<{ description: string; amountNok: string }> | null;
  auditor_confirmed: boolean | null;
  submitted_at: Date | null;
  review_comment: string | null;
  reviewed_by: string | null;
};

const SELECT = `SELECT r.*, to_char(r.due_on, 'YYYY-MM-DD') AS due_on, c.case_number FROM recipient_report r JOIN case_register c ON c.case_id = r.case_id`;

const toRecord = (row: Row): RecipientReportRecord => ({
  id: row.id,
  caseId: row.case_id,
  caseNumber: row.case_number,
  organisationNumber: row.organisation_number,
  schemeCode: row.scheme_code,
  budgetYear: row.budget_year,
  granted: Money.ofOre(row.granted_ore),
  dueOn: row.due_on,
  contents: row.contents,
  auditorRequired: row.auditor_required,
  status: row.status,
  useOfFunds: row.use_of_funds,
  results: row.results,
  goalAchievement: row.goal_achievement,
  spent: row.spent_ore === null ? null : Money.ofOre(row.spent_ore),
  participantsFemale: row.participants_female,
  participantsMale: row.participants_male,
  accounts: row.accounts,
  auditorConfirmed: row.auditor_confirmed,
  submittedAt: row.submitted_at,
  reviewComment: row.review_comment,
  reviewedBy: row.reviewed_by,
});

export interface SubmittedContent {
  readonly useOfFunds: string | null;
  readonly results: string | null;
  readonly goalAchievement: string | null;
  readonly spent: Money | null;
  readonly participantsFemale: number | null;
  readonly participantsMale: number | null;
  readonly accounts: ReadonlyArray<{ description: string; amountNok: string }> | null;
  readonly auditorConfirmed: boolean | null;
}

@Injectable()
export class RecipientReportRepository {
  async open(
    manager: EntityManager,
    duty: {
      caseId: string;
      decisionId: string;
      organisationNumber: string;
      schemeCode: string;
      budgetYear: number;
      granted: Money;
      dueOn: string;
      contents: readonly string[];
      auditorRequired: boolean;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO recipient_report (case_id, decision_id, organisation_number, scheme_code, budget_year, granted_ore, due_on, contents, auditor_required, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'due') ON CONFLICT (case_id) DO NOTHING`,
      [
        duty.caseId,
        duty.decisionId,
        duty.organisationNumber,
        duty.schemeCode,
        duty.budgetYear,
        duty.granted.toOreString(),
        duty.dueOn,
        duty.contents,
        duty.auditorRequired,
      ],
    );
  }

  async byId(manager: EntityManager, id: string): Promise<RecipientReportRecord | undefined> {
    const rows: Row[] = await manager.query(`${SELECT} WHERE r.id = $1`, [id]);
    return rows[0] && toRecord(rows[0]);
  }

  /** Keeps the report as just submitted, with the attachments it had then; answers the submission's id. */
  async recordSubmission(manager: EntityManager, reportId: string): Promise<string> {
    const [row]: Array<{ id: string }> = await manager.query(
      `INSERT INTO recipient_report_submission (report_id, snapshot, attachment_ids, submitted_at)
       SELECT r.id, to_jsonb(r),
              coalesce((SELECT array_agg(a.id ORDER BY a.created_at, a.id) FROM recipient_report_attachment a WHERE a.report_id = r.id), '{}'),
              r.submitted_at
       FROM recipient_report r WHERE r.id = $1 RETURNING id`,
      [reportId],
    );
    return row.id;
  }

  /** The report as one submission sent it, and the ids of the attachments it had then. */
  async submission(
    manager: EntityManager,
    reportId: string,
    submissionId: string,
  ): Promise<{ report: RecipientReportRecord; attachmentIds: readonly string[] } | undefined> {
    const rows: Array<Row & { attachment_ids: string[] }> = await manager.query(
      `SELECT r.*, to_char(r.due_on, 'YYYY-MM-DD') AS due_on, c.case_number, s.attachment_ids
       FROM recipient_report_submission s CROSS JOIN LATERAL jsonb_populate_record(NULL::recipient_report, s.snapshot) r
       JOIN case_register c ON c.case_id = r.case_id
       WHERE s.id = $1 AND s.report_id = $2`,
      [submissionId, reportId],
    );
    return rows[0] && { report: toRecord(rows[0]), attachmentIds: rows[0].attachment_ids };
  }

  async forCase(manager: EntityManager, caseId: string, lock = false): Promise<RecipientReportRecord | undefined> {
    const rows: Row[] = await manager.query(`${SELECT} WHERE r.case_id = $1${lock ? ' FOR UPDATE OF r' : ''}`, [caseId]);
    return rows[0] && toRecord(rows[0]);
  }

  async ofOrganisations(manager: EntityManager, organisationNumbers: readonly string[]): Promise<RecipientReportRecord[]> {
    const rows: Row[] = await manager.query(`${SELECT} WHERE r.organisation_number = ANY($1::text[]) ORDER BY r.due_on`, [organisationNumbers]);
    return rows.map(toRecord);
  }

  async awaiting(manager: EntityManager, status: RecipientReportStatus | undefined, overdueOn: string | undefined): Promise<RecipientReportRecord[]> {
    const rows: Row[] = await manager.query(
      `${SELECT} WHERE ($1::text IS NULL OR r.status = $1) AND ($2::date IS NULL OR (r.due_on < $2::date AND r.status IN ('due', 'more_requested')))
       ORDER BY r.due_on LIMIT 1000`,
      [status ?? null, overdueOn ?? null],
    );
    return rows.map(toRecord);
  }

  async submit(manager: EntityManager, id: string, content: SubmittedContent, by: string, at: Date): Promise<void> {
    await manager.query(
      `UPDATE recipient_report SET status = 'submitted', use_of_funds = $2, results = $3, goal_achievement = $4, spent_ore = $5, participants_female = $6,
              participants_male = $7, accounts = $8, auditor_confirmed = $9, submitted_by = $10, submitted_at = $11, updated_at = now()
       WHERE id = $1`,
      [
        id,
        content.useOfFunds,
        content.results,
        content.goalAchievement,
        content.spent?.toOreString() ?? null,
        content.participantsFemale,
        content.participantsMale,
        content.accounts ? JSON.stringify(content.accounts) : null,
        content.auditorConfirmed,
        by,
        at,
      ],
    );
  }

  async review(manager: EntityManager, id: string, status: 'approved' | 'more_requested', comment: string, by: string, at: Date): Promise<void> {
    await manager.query(`UPDATE recipient_report SET status = $2, review_comment = $3, reviewed_by = $4, reviewed_at = $5, updated_at = now() WHERE id = $1`, [
      id,
      status,
      comment,
      by,
      at,
    ]);
  }

  async addAttachment(
    manager: EntityManager,
    reportId: string,
    file: { fileName: string; mediaType: string; content: Buffer; sha256: string },
    by: string,
  ): Promise<string> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO recipient_report_attachment (report_id, file_name, media_type, size_bytes, sha256, content, uploaded_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [reportId, file.fileName, file.mediaType, file.content.length, file.sha256, file.content, by],
    );
    return rows[0].id;
  }

  async attachments(
    manager: EntityManager,
    reportId: string,
  ): Promise<Array<{ id: string; fileName: string; mediaType: string; sizeBytes: number; sha256: string }>> {
    const rows: Array<{ id: string; file_name: string; media_type: string; size_bytes: number; sha256: string }> = await manager.query(
      `SELECT id, file_name, media_type, size_bytes, sha256 FROM recipient_report_attachment WHERE report_id = $1 ORDER BY created_at`,
      [reportId],
    );
    return rows.map((row) => ({ id: row.id, fileName: row.file_name, mediaType: row.media_type, sizeBytes: row.size_bytes, sha256: row.sha256 }));
  }

  async attachmentContent(
    manager: EntityManager,
    reportId: string,
    attachmentId: string,
  ): Promise<{ fileName: string; mediaType: string; content: Buffer } | undefined> {
    const rows: Array<{ file_name: string; media_type: string; content: Buffer }> = await manager.query(
      `SELECT file_name, media_type, content FROM recipient_report_attachment WHERE report_id = $1 AND id = $2`,
      [reportId, attachmentId],
    );
    return rows[0] && { fileName: rows[0].file_name, mediaType: rows[0].media_type, content: rows[0].content };
  }

  /** Records a reminder once per report and kind; false when it was already sent. */
  async recordReminder(
    manager: EntityManager,
    reportId: string,
    kind: string,
    message: { recipient: string; subject: string; body: string },
    at: Date,
  ): Promise<boolean> {
    const inserted: Array<{ report_id: string }> = await manager.query(
      `INSERT INTO report_reminder (report_id, kind, recipient, subject, body, sent_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING report_id`,
      [reportId, kind, message.recipient, message.subject, message.body, at],
    );
    return inserted.length === 1;
  }
}
