import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PlannedInstalment } from '../domain/instalment-plan';

export interface InstalmentGrantFacts {
  readonly caseId: string;
  readonly decisionId: string;
  readonly budgetYear: number;
  readonly chapter: string;
  readonly post: string;
  readonly earmarkCode: string | null;
  readonly schemeCode: string;
  readonly caseNumber: string;
  readonly organisationNumber: string;
  readonly accountNumber: string;
}

/** The planned instalments of accepted grants. */
@Injectable()
export class InstalmentPlanRepository {
  /** Idempotent per (decision, sequence): planning the same grant twice plans it once. */
  async insert(manager: EntityManager, grant: InstalmentGrantFacts, instalments: readonly PlannedInstalment[]): Promise<void> {
    for (const instalment of instalments) {
      await manager.query(
        `INSERT INTO instalment (case_id, decision_id, sequence, amount_ore, due_on, held_until, budget_year, chapter, post, earmark_code, scheme_code, case_number, organisation_number, account_number)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT (decision_id, sequence) DO NOTHING`,
        [
          grant.caseId,
          grant.decisionId,
          instalment.sequence,
          instalment.amount.toOreString(),
          instalment.dueOn,
          instalment.heldUntil,
          grant.budgetYear,
          grant.chapter,
          grant.post,
          grant.earmarkCode,
          grant.schemeCode,
          grant.caseNumber,
          grant.organisationNumber,
          grant.accountNumber,
        ],
      );
    }
  }

  /** Makes the held-back share fall due; answers how many were released and how many the case has in all. */
  async releaseHeldBack(manager: EntityManager, caseId: string, dueOn: string): Promise<{ released: number; planned: number }> {
    const [, released]: [unknown[], number] = await manager.query(
      `UPDATE instalment SET due_on = $2, held_until = NULL WHERE case_id = $1 AND held_until = 'report-approved' AND due_on IS NULL`,
      [caseId, dueOn],
    );
    const [{ planned }]: Array<{ planned: number }> = await manager.query(`SELECT count(*)::int AS planned FROM instalment WHERE case_id = $1`, [caseId]);
    return { released, planned };
  }
}
