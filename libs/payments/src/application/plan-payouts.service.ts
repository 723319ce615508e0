import { Injectable } from '@nestjs/common';
import type { Money } from '@imdi/kernel';
import type { PayoutPlan } from '@imdi/schemes';
import type { EntityManager } from 'typeorm';
import { planInstalments, type PlannedInstalment } from '../domain/instalment-plan';

export interface AcceptedGrant {
  readonly caseId: string;
  readonly decisionId: string;
  readonly amount: Money;
  readonly payoutPlan: PayoutPlan;
  /** Oslo date of acceptance. */
  readonly acceptedOn: string;
  readonly budgetYear: number;
  readonly budgetPost: string;
  readonly earmarkCode: string | null;
  readonly schemeCode: string;
  readonly caseNumber: string;
  readonly organisationNumber: string;
  readonly accountNumber: string;
}

/** Turns an accepted grant into its instalments, in the acceptance's transaction. */
@Injectable()
export class PlanPayouts {
  async forAcceptedGrant(manager: EntityManager, grant: AcceptedGrant): Promise<PlannedInstalment[]> {
    // rettighet amounts are computed per period from records; an accepted one-off grant is paid at once.
    const plan = grant.payoutPlan.type === 'instalments' ? grant.payoutPlan.instalments : [{ sharePercent: 100, trigger: { on: 'acceptance' as const } }];
    const instalments = planInstalments(grant.amount, plan, grant.acceptedOn, grant.budgetYear);
    const [chapter, post] = grant.budgetPost.split('.');
    for (const instalment of instalments) {
      await manager.query(
        `INSERT INTO instalment (case_id, decision_id, sequence, amount_ore, due_on, held_until, budget_year, chapter, post, earmark_code, scheme_code, case_number, organisation_number, account_number)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT (decision_id, sequence) DO NOTHING`,
        [grant.caseId, grant.decisionId, instalment.sequence, instalment.amount.toOreString(), instalment.dueOn, instalment.heldUntil, grant.budgetYear, chapter, post, grant.earmarkCode, grant.schemeCode, grant.caseNumber, grant.organisationNumber, grant.accountNumber],
      );
    }
    return instalments;
  }

  /** The share held back until the recipient's report is approved falls due on the approval date. */
  async releaseHeldBack(manager: EntityManager, caseId: string, dueOn: string): Promise<{ released: number }> {
    const [, released]: [unknown[], number] = await manager.query(
      `UPDATE instalment SET due_on = $2, held_until = NULL WHERE case_id = $1 AND held_until = 'report-approved' AND due_on IS NULL`,
      [caseId, dueOn],
    );
    return { released };
  }
}
