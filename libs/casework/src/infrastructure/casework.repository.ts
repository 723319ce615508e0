import { Injectable } from '@nestjs/common';
import { BudgetPost, Money } from '@imdi/kernel';
import type { EntityManager } from 'typeorm';
import type { SavedDecisionState } from '../domain/decision';
import type { Delegation } from '../domain/decision-rules';
import { FINISHED_STATUSES } from '../domain/staff-actions';
import { decisionStateOf, type DecisionRow } from './decision.repository';

/** A decision as read for views and events; the Decision aggregate has the same state. */
export type DecisionRecord = SavedDecisionState;

const toDecision = decisionStateOf;

/**
 * A case owed a provisional answer, from the cases context's published case_register; the applicant's
 * letter details come through intake's port (CaseworkContext), not from intake's tables.
 */
export interface DueCase {
  id: string;
  case_number: string;
  received_at: Date;
  organisation_number: string;
}

const DUE_CASE_SELECT = `SELECT c.case_id AS id, c.case_number, c.received_at, c.organisation_number FROM case_register c`;

@Injectable()
export class CaseworkRepository {
  async hasConflict(manager: EntityManager, userId: string, organisationNumber: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM conflict_of_interest WHERE user_id = $1 AND organisation_number = $2`, [
      userId,
      organisationNumber,
    ]);
    return rows.length > 0;
  }

  async declareConflict(manager: EntityManager, userId: string, organisationNumber: string, reason: string): Promise<void> {
    await manager.query(
      `INSERT INTO conflict_of_interest (user_id, organisation_number, reason) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, organisation_number) DO UPDATE SET reason = EXCLUDED.reason, declared_at = now()`,
      [userId, organisationNumber, reason],
    );
  }

  async assign(manager: EntityManager, caseId: string, caseworkerId: string, assignedBy: string): Promise<void> {
    await manager.query(
      `INSERT INTO case_assignment (case_id, caseworker_id, assigned_by) VALUES ($1, $2, $3)
       ON CONFLICT (case_id) DO UPDATE SET caseworker_id = EXCLUDED.caseworker_id, assigned_by = EXCLUDED.assigned_by, assigned_at = now()`,
      [caseId, caseworkerId, assignedBy],
    );
  }

  /**
   * The staff work queue: one page of cases matching the filter, with the total. Organisation and
   * applicant come from intake's published applicant_directory; the decision deadline is one month
   * after receipt in Oslo time (fvl. § 11a: after that a provisional answer is owed).
   */
  async workQueue(manager: EntityManager, filter: WorkQueueFilter): Promise<{ items: WorkQueueRow[]; total: number }> {
    const order = WORK_QUEUE_ORDER[filter.sort];
    const rows: Array<WorkQueueRowSql & { total: string }> = await manager.query(
      `WITH matching AS (
         SELECT c.case_id AS id, c.case_number, c.scheme_code, c.budget_year, c.status, c.received_at, a.caseworker_id,
                d.organisation_number, d.organisation_name, d.applicant_name, d.requested_ore,
                to_char(((c.received_at AT TIME ZONE 'Europe/Oslo')::date + interval '1 month')::date, 'YYYY-MM-DD') AS decision_due_on,
                EXISTS (SELECT 1 FROM provisional_answer p WHERE p.case_id = c.case_id) AS provisional_answer_sent,
                EXISTS (SELECT 1 FROM conflict_of_interest ci WHERE ci.user_id = $12 AND ci.organisation_number = d.organisation_number) AS caller_conflict
         FROM case_register c
         JOIN applicant_directory d ON d.application_id = c.case_id
         LEFT JOIN case_assignment a ON a.case_id = c.case_id
         LEFT JOIN decision dec ON dec.case_id = c.case_id AND dec.status <> 'superseded'
         WHERE c.status <> 'draft'
           AND (NOT $1::boolean OR (c.status <> ALL($2::text[]) AND NOT (c.status = 'letter_sent' AND coalesce(dec.outcome, '') = 'refused')))
           AND ($3::text IS NULL OR c.status = $3)
           AND ($4::text IS NULL OR c.scheme_code = $4)
           AND ($5::int IS NULL OR c.budget_year = $5)
           AND ($6::text IS NULL OR ($6 = '' AND a.caseworker_id IS NULL) OR a.caseworker_id = $6)
           AND ($7::text IS NULL OR c.case_number ILIKE $7 OR d.organisation_number LIKE $7 OR d.organisation_name ILIKE $7 OR d.applicant_name ILIKE $7)
       )
       SELECT m.*, count(*) OVER () AS total FROM matching m
       WHERE ($8::text IS NULL
              OR m.status IN ('submitted', 'in_assessment', 'proposed') AND ( ($8 = 'overdue' AND m.decision_due_on < $9)
              OR ($8 = 'due-soon' AND m.decision_due_on >= $9 AND m.decision_due_on <= $10)))
       ORDER BY ${order}, m.id
       LIMIT $11 OFFSET $13`,
      [
        filter.openOnly,
        FINISHED_STATUSES,
        filter.status ?? null,
        filter.schemeCode ?? null,
        filter.budgetYear ?? null,
        filter.assignee === undefined ? null : (filter.assignee ?? ''),
        filter.search ? `%${filter.search.replace(/[\\%_]/g, (character) => `\\${character}`)}%` : null,
        filter.deadline ?? null,
        filter.today,
        filter.soonUntil,
        filter.pageSize,
        filter.callerId,
        (filter.page - 1) * filter.pageSize,
      ],
    );
    return {
      // A page past the end has no row to carry the total: the first page tells it.
      total: rows.length > 0 ? Number(rows[0].total) : filter.page > 1 ? (await this.workQueue(manager, { ...filter, page: 1, pageSize: 1 })).total : 0,
      items: rows.map((row) => ({
        caseId: row.id,
        caseNumber: row.case_number,
        schemeCode: row.scheme_code,
        budgetYear: row.budget_year,
        status: row.status,
        organisationNumber: row.organisation_number,
        organisationName: row.organisation_name,
        applicantName: row.applicant_name,
        requested: row.requested_ore === null ? null : Money.ofOre(row.requested_ore),
        caseworkerId: row.caseworker_id,
        receivedAt: row.received_at,
        decisionDueOn: row.decision_due_on,
        provisionalAnswerSent: row.provisional_answer_sent,
        callerHasConflict: row.caller_conflict,
      })),
    };
  }

  /** Records the case's current assessment, and keeps it as a version of its own; answers the version's id. */
  async saveAssessment(manager: EntityManager, caseId: string, scores: object, totalScore: number, comment: string, assessedBy: string): Promise<string> {
    await manager.query(
      `INSERT INTO assessment (case_id, scores, total_score, comment, assessed_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (case_id) DO UPDATE SET scores = EXCLUDED.scores, total_score = EXCLUDED.total_score, comment = EXCLUDED.comment, assessed_by = EXCLUDED.assessed_by, assessed_at = now()`,
      [caseId, JSON.stringify(scores), totalScore, comment, assessedBy],
    );
    const [version]: Array<{ id: string }> = await manager.query(
      `INSERT INTO assessment_version (case_id, scores, total_score, comment, assessed_by, assessed_at)
       SELECT case_id, scores, total_score, comment, assessed_by, assessed_at FROM assessment WHERE case_id = $1 RETURNING id`,
      [caseId],
    );
    return version.id;
  }

  /** One recorded assessment of the case: the version `versionId` names, or the case's current one. */
  async assessmentVersion(manager: EntityManager, caseId: string, versionId: string | undefined): Promise<AssessmentRow | undefined> {
    if (!versionId) return this.assessmentOf(manager, caseId);
    const [row]: AssessmentRow[] = await manager.query(
      `SELECT scores, total_score, comment, assessed_by, assessed_at FROM assessment_version WHERE id = $1 AND case_id = $2`,
      [versionId, caseId],
    );
    return row;
  }

  async assessmentOf(manager: EntityManager, caseId: string): Promise<AssessmentRow | undefined> {
    const [row]: AssessmentRow[] = await manager.query(`SELECT scores, total_score, comment, assessed_by, assessed_at FROM assessment WHERE case_id = $1`, [
      caseId,
    ]);
    return row;
  }

  async ranking(
    manager: EntityManager,
    schemeCode: string,
    budgetYear: number,
  ): Promise<Array<{ caseId: string; caseNumber: string; organisationNumber: string; totalScore: number; status: string; requested: Money }>> {
    const rows: Array<{
      case_id: string;
      case_number: string;
      organisation_number: string;
      total_score: number;
      status: string;
      requested_ore: string | null;
    }> = await manager.query(
      `SELECT a.case_id, c.case_number, c.organisation_number, a.total_score, c.status, d.requested_ore
       FROM assessment a JOIN case_register c ON c.case_id = a.case_id JOIN applicant_directory d ON d.application_id = c.case_id
       WHERE c.scheme_code = $1 AND c.budget_year = $2 AND c.status NOT IN ('withdrawn', 'rejected_formal')
       ORDER BY a.total_score DESC, c.received_at`,
      [schemeCode, budgetYear],
    );
    return rows.map((row) => ({
      caseId: row.case_id,
      caseNumber: row.case_number,
      organisationNumber: row.organisation_number,
      totalScore: row.total_score,
      status: row.status,
      requested: Money.ofOre(row.requested_ore ?? '0'),
    }));
  }

  async currentDecision(manager: EntityManager, caseId: string): Promise<DecisionRecord | undefined> {
    const rows: DecisionRow[] = await manager.query(`SELECT * FROM decision WHERE case_id = $1 AND status <> 'superseded'`, [caseId]);
    return rows[0] && toDecision(rows[0]);
  }

  async decisionById(manager: EntityManager, id: string): Promise<DecisionRecord | undefined> {
    const rows: DecisionRow[] = await manager.query(`SELECT * FROM decision WHERE id = $1`, [id]);
    return rows[0] && toDecision(rows[0]);
  }

  async assignmentLetterExists(manager: EntityManager, id: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM assignment_letter WHERE id = $1`, [id]);
    return rows.length > 0;
  }

  async hasProvisionalAnswer(manager: EntityManager, caseId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM provisional_answer WHERE case_id = $1`, [caseId]);
    return rows.length > 0;
  }

  /**
   * The delegations an approval may rest on: unrevoked, and given by someone other than the holder
   * (a self-given one from before that rule counts for nothing). FOR SHARE makes a revocation wait
   * for an approval that is relying on the delegation, and an approval after it see it revoked.
   */
  async delegationsOf(manager: EntityManager, approverId: string): Promise<Delegation[]> {
    const rows: Array<{ chapter: string; post: string; max_amount_ore: string; reference: string }> = await manager.query(
      `SELECT chapter, post, max_amount_ore, reference FROM approver_delegation
       WHERE approver_id = $1 AND revoked_at IS NULL AND granted_by <> approver_id FOR SHARE`,
      [approverId],
    );
    return rows.map((row) => ({
      budgetPost: BudgetPost.of({ chapter: row.chapter, post: row.post }),
      maxAmount: Money.ofOre(row.max_amount_ore),
      reference: row.reference,
    }));
  }

  /** Every delegation an approver holds or has held, newest first. */
  async delegationsHeldBy(manager: EntityManager, approverId: string): Promise<DelegationRecord[]> {
    const rows: DelegationRow[] = await manager.query(`${DELEGATION_SELECT} WHERE approver_id = $1 ORDER BY granted_at DESC, id`, [approverId]);
    return rows.map(toDelegationRecord);
  }

  /** Proposals waiting for an approver, oldest first, with who applied (intake's applicant_directory). */
  async proposalsAwaitingApproval(
    manager: EntityManager,
    limit: number,
  ): Promise<Array<DecisionRecord & { organisationNumber: string; organisationName: string; proposedAt: Date }>> {
    const rows: Array<DecisionRow & { organisation_number: string; organisation_name: string; proposed_at: Date }> = await manager.query(
      `SELECT dec.*, d.organisation_number, d.organisation_name
       FROM decision dec JOIN applicant_directory d ON d.application_id = dec.case_id
       WHERE dec.status = 'proposed' ORDER BY dec.proposed_at, dec.id LIMIT $1`,
      [limit],
    );
    return rows.map((row) => ({
      ...toDecision(row),
      organisationNumber: row.organisation_number,
      organisationName: row.organisation_name,
      proposedAt: row.proposed_at,
    }));
  }

  async hasConflictWithAny(manager: EntityManager, userId: string): Promise<Set<string>> {
    const rows: Array<{ organisation_number: string }> = await manager.query(`SELECT organisation_number FROM conflict_of_interest WHERE user_id = $1`, [
      userId,
    ]);
    return new Set(rows.map((row) => row.organisation_number));
  }

  async caseworkerOf(manager: EntityManager, caseId: string): Promise<string | null> {
    const [row]: Array<{ caseworker_id: string }> = await manager.query(`SELECT caseworker_id FROM case_assignment WHERE case_id = $1`, [caseId]);
    return row?.caseworker_id ?? null;
  }

  async listDelegations(manager: EntityManager): Promise<DelegationRecord[]> {
    const rows: DelegationRow[] = await manager.query(`${DELEGATION_SELECT} ORDER BY granted_at DESC, id LIMIT 1000`);
    return rows.map(toDelegationRecord);
  }

  async findDelegation(manager: EntityManager, id: string, lock: boolean): Promise<DelegationRecord | undefined> {
    const rows: DelegationRow[] = await manager.query(`${DELEGATION_SELECT} WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id]);
    return rows[0] && toDelegationRecord(rows[0]);
  }

  async revokeDelegation(manager: EntityManager, id: string, revokedBy: string, reason: string, at: Date): Promise<void> {
    await manager.query(`UPDATE approver_delegation SET revoked_at = $2, revoked_by = $3, revocation_reason = $4 WHERE id = $1`, [id, at, revokedBy, reason]);
  }

  async grantDelegation(
    manager: EntityManager,
    approverId: string,
    budgetPost: BudgetPost,
    maxAmount: Money,
    reference: string,
    grantedBy: string,
  ): Promise<string> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO approver_delegation (approver_id, chapter, post, max_amount_ore, reference, granted_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [approverId, budgetPost.chapter, budgetPost.post, maxAmount.toOreString(), reference, grantedBy],
    );
    return rows[0].id;
  }

  /** Applications undecided a month after receipt that have had no provisional answer (fvl. § 11a), oldest first. */
  async casesDueProvisionalAnswer(manager: EntityManager, undecided: readonly string[], now: Date): Promise<DueCase[]> {
    return manager.query(
      `${DUE_CASE_SELECT}
       WHERE c.status = ANY($1::text[]) AND c.received_at <= $2::timestamptz - interval '1 month'
         AND NOT EXISTS (SELECT 1 FROM provisional_answer p WHERE p.case_id = c.case_id)
       ORDER BY c.received_at LIMIT 1000`,
      [undecided, now],
    );
  }

  /** The facts a provisional answer for one case is written from (the same as the daily run's, for one case). */
  async provisionalAnswerFacts(manager: EntityManager, caseId: string): Promise<DueCase | undefined> {
    const [row]: DueCase[] = await manager.query(`${DUE_CASE_SELECT} WHERE c.case_id = $1`, [caseId]);
    return row;
  }

  /** When the case's provisional answer went out and the decision date it promised, if one has. */
  async provisionalAnswerOf(manager: EntityManager, caseId: string): Promise<{ sentAt: Date; expectedDecisionDate: string } | null> {
    const [row]: Array<{ created_at: Date; expected_decision_date: string }> = await manager.query(
      `SELECT sent_at AS created_at, expected_decision_date::text AS expected_decision_date FROM provisional_answer WHERE case_id = $1`,
      [caseId],
    );
    return row ? { sentAt: row.created_at, expectedDecisionDate: row.expected_decision_date } : null;
  }

  async insertProvisionalAnswer(manager: EntityManager, caseId: string, expectedDecisionDate: string, pdf: Uint8Array, sha256: string): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO provisional_answer (case_id, expected_decision_date, pdf, sha256) VALUES ($1, $2, $3, $4) ON CONFLICT (case_id) DO NOTHING RETURNING case_id`,
      [caseId, expectedDecisionDate, Buffer.from(pdf), sha256],
    );
    return inserted.length > 0;
  }

  async addNote(manager: EntityManager, caseId: string, text: string, writtenBy: string, writtenByName: string | null): Promise<CaseNoteRecord> {
    const [row]: CaseNoteRow[] = await manager.query(
      `INSERT INTO case_note (case_id, text, written_by, written_by_name) VALUES ($1, $2, $3, $4) RETURNING id, text, written_by, written_by_name, created_at`,
      [caseId, text, writtenBy, writtenByName],
    );
    return toNote(row);
  }

  /** The case's notes, newest first. */
  async notes(manager: EntityManager, caseId: string): Promise<CaseNoteRecord[]> {
    const rows: CaseNoteRow[] = await manager.query(
      `SELECT id, text, written_by, written_by_name, created_at FROM case_note WHERE case_id = $1 ORDER BY created_at DESC, id`,
      [caseId],
    );
    return rows.map(toNote);
  }

  /** The appeal already received against a decision, if any (a decision is appealed once). */
  async appealOf(manager: EntityManager, decisionId: string): Promise<{ received_at: Date } | undefined> {
    const [appeal]: Array<{ received_at: Date }> = await manager.query(`SELECT received_at FROM appeal WHERE decision_id = $1`, [decisionId]);
    return appeal;
  }
}

export interface DelegationRecord {
  readonly id: string;
  readonly approverId: string;
  readonly budgetPost: BudgetPost;
  readonly maxAmount: Money;
  readonly reference: string;
  readonly grantedBy: string;
  readonly grantedAt: Date;
  readonly revokedAt: Date | null;
  readonly revokedBy: string | null;
  readonly revocationReason: string | null;
}

interface DelegationRow {
  id: string;
  approver_id: string;
  chapter: string;
  post: string;
  max_amount_ore: string;
  reference: string;
  granted_by: string;
  granted_at: Date;
  revoked_at: Date | null;
  revoked_by: string | null;
  revocation_reason: string | null;
}

const DELEGATION_SELECT = `SELECT id, approver_id, chapter, post, max_amount_ore, reference, granted_by, granted_at, revoked_at, revoked_by, revocation_reason FROM approver_delegation`;

function toDelegationRecord(row: DelegationRow): DelegationRecord {
  return {
    id: row.id,
    approverId: row.approver_id,
    budgetPost: BudgetPost.of({ chapter: row.chapter, post: row.post }),
    maxAmount: Money.ofOre(row.max_amount_ore),
    reference: row.reference,
    grantedBy: row.granted_by,
    grantedAt: row.granted_at,
    revokedAt: row.revoked_at,
    revokedBy: row.revoked_by,
    revocationReason: row.revocation_reason,
  };
}

export type WorkQueueSort = 'received' | 'received-desc' | 'deadline' | 'case-number' | 'organisation' | 'status';

const WORK_QUEUE_ORDER: Record<WorkQueueSort, string> = {
  received: 'm.received_at NULLS LAST',
  'received-desc': 'm.received_at DESC NULLS LAST',
  deadline: 'm.decision_due_on NULLS LAST',
  'case-number': 'm.case_number',
  organisation: 'm.organisation_name, m.case_number',
  status: 'm.status, m.received_at',
};

export interface WorkQueueFilter {
  readonly openOnly: boolean;
  readonly status?: string;
  readonly schemeCode?: string;
  readonly budgetYear?: number;
  /** A caseworker's id, null for unassigned cases, undefined for anyone's. */
  readonly assignee?: string | null;
  readonly search?: string;
  readonly deadline?: 'overdue' | 'due-soon';
  /** Today's Oslo date and the last date counted as "due soon" (YYYY-MM-DD). */
  readonly today: string;
  readonly soonUntil: string;
  readonly sort: WorkQueueSort;
  readonly page: number;
  readonly pageSize: number;
  readonly callerId: string;
}

interface WorkQueueRowSql {
  id: string;
  case_number: string | null;
  scheme_code: string;
  budget_year: number;
  status: string;
  received_at: Date | null;
  caseworker_id: string | null;
  organisation_number: string;
  organisation_name: string;
  applicant_name: string;
  requested_ore: string | null;
  decision_due_on: string | null;
  provisional_answer_sent: boolean;
  caller_conflict: boolean;
}

export interface WorkQueueRow {
  readonly caseId: string;
  readonly caseNumber: string | null;
  readonly schemeCode: string;
  readonly budgetYear: number;
  readonly status: string;
  readonly organisationNumber: string;
  readonly organisationName: string;
  readonly applicantName: string;
  readonly requested: Money | null;
  readonly caseworkerId: string | null;
  readonly receivedAt: Date | null;
  readonly decisionDueOn: string | null;
  readonly provisionalAnswerSent: boolean;
  readonly callerHasConflict: boolean;
}

export interface CaseNoteRecord {
  readonly id: string;
  readonly text: string;
  readonly writtenBy: string;
  readonly writtenByName: string | null;
  readonly writtenAt: Date;
}

interface CaseNoteRow {
  id: string;
  text: string;
  written_by: string;
  written_by_name: string | null;
  created_at: Date;
}

function toNote(row: CaseNoteRow): CaseNoteRecord {
  return { id: row.id, text: row.text, writtenBy: row.written_by, writtenByName: row.written_by_name, writtenAt: row.created_at };
}

export interface AssessmentRow {
  readonly scores: Array<{ criterion: string; score: number; comment: string }>;
  readonly total_score: number;
  readonly comment: string;
  readonly assessed_by: string;
  readonly assessed_at: Date;
}
