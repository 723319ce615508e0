import { Injectable } from '@nestjs/common';
import { BudgetPost, Money } from '@imdi/kernel';
import type { EntityManager } from 'typeorm';
import { Decision, UserId, type DecisionStatus, type SavedDecisionState } from '../domain/decision';
import type { DecisionOutcome } from '../domain/decision-rules';

export interface DecisionRow {
  id: string;
  case_id: string;
  outcome: DecisionOutcome;
  amount_ore: string;
  requested_ore: string | null;
  reasons: string;
  conditions: string;
  legal_basis: string;
  budget_year: number;
  chapter: string;
  post: string;
  earmark_code: string | null;
  scheme_version_id: string;
  status: DecisionStatus;
  proposed_by: string;
  proposed_by_name: string | null;
  approved_by: string | null;
  approved_by_name: string | null;
  approved_at: Date | null;
}

/** The stored row as the aggregate's state: money in øre and the post parsed here, once. */
export function decisionStateOf(row: DecisionRow): SavedDecisionState {
  return {
    id: row.id,
    caseId: row.case_id,
    outcome: row.outcome,
    amount: Money.ofOre(row.amount_ore),
    requested: row.requested_ore === null ? null : Money.ofOre(row.requested_ore),
    reasons: row.reasons,
    conditions: row.conditions,
    legalBasis: row.legal_basis,
    budgetYear: row.budget_year,
    budgetPost: BudgetPost.of({ chapter: row.chapter, post: row.post }),
    earmarkCode: row.earmark_code,
    schemeVersionId: row.scheme_version_id,
    status: row.status,
    proposedBy: UserId.of(row.proposed_by),
    proposedByName: row.proposed_by_name,
    approvedBy: row.approved_by === null ? null : UserId.of(row.approved_by),
    approvedByName: row.approved_by_name,
    approvedAt: row.approved_at,
  };
}

/** Loads and saves the Decision aggregate (table `decision`). */
@Injectable()
export class DecisionRepository {
  /** The case's decision that is not superseded, if any. */
  async current(manager: EntityManager, caseId: string): Promise<Decision | undefined> {
    const rows: DecisionRow[] = await manager.query(`SELECT * FROM decision WHERE case_id = $1 AND status <> 'superseded'`, [caseId]);
    return rows[0] && Decision.restore(decisionStateOf(rows[0]));
  }

  async byId(manager: EntityManager, id: string): Promise<Decision | undefined> {
    const rows: DecisionRow[] = await manager.query(`SELECT * FROM decision WHERE id = $1`, [id]);
    return rows[0] && Decision.restore(decisionStateOf(rows[0]));
  }

  /** A new proposal takes the place of the case's open one. */
  async supersedeOpenProposal(manager: EntityManager, caseId: string): Promise<void> {
    await manager.query(`UPDATE decision SET status = 'superseded' WHERE case_id = $1 AND status = 'proposed'`, [caseId]);
  }

  /** Inserts a new decision (and gives it its id) or writes an existing one's status and approval. */
  async save(manager: EntityManager, decision: Decision): Promise<void> {
    const state = decision.snapshot();
    if (decision.isNew) {
      const rows: Array<{ id: string }> = await manager.query(
        `INSERT INTO decision (case_id, outcome, amount_ore, requested_ore, reasons, conditions, legal_basis, budget_year, chapter, post, earmark_code, scheme_version_id, status, proposed_by, proposed_by_name)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
        [
          state.caseId,
          state.outcome,
          state.amount.toOreString(),
          state.requested?.toOreString() ?? null,
          state.reasons,
          state.conditions,
          state.legalBasis,
          state.budgetYear,
          state.budgetPost.chapter,
          state.budgetPost.post,
          state.earmarkCode,
          state.schemeVersionId,
          state.status,
          state.proposedBy,
          state.proposedByName,
        ],
      );
      decision.withId(rows[0].id);
      return;
    }
    await manager.query(`UPDATE decision SET status = $2, approved_by = $3, approved_by_name = $4, approved_at = $5 WHERE id = $1`, [
      decision.id,
      state.status,
      state.approvedBy,
      state.approvedByName,
      state.approvedAt,
    ]);
  }
}
