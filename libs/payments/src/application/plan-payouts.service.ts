import { Injectable } from '@nestjs/common';
import type { Money } from '@imdi/kernel';
import type { PayoutPlan } from '@imdi/schemes';
import type { EntityManager } from 'typeorm';
import { planInstalments, type PlannedInstalment } from '../domain/instalment-plan';
import { InstalmentPlanRepository } from '../infrastructure/instalment-plan.repository';

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

/** Turns an accepted grant into its instalments, in the transaction of GrantAccepted's delivery. */
@Injectable()
export class PlanPayouts {
  constructor(private readonly repository: InstalmentPlanRepository) {}

  async forAcceptedGrant(manager: EntityManager, grant: AcceptedGrant): Promise<PlannedInstalment[]> {
    // rettighet amounts are computed per period from records; an accepted one-off grant is paid at once.
    const plan = grant.payoutPlan.type === 'instalments' ? grant.payoutPlan.instalments : [{ sharePercent: 100, trigger: { on: 'acceptance' as const } }];
    const instalments = planInstalments(grant.amount, plan, grant.acceptedOn, grant.budgetYear);
    const [chapter, post] = grant.budgetPost.split('.');
    await this.repository.insert(manager, { ...grant, chapter, post }, instalments);
    return instalments;
  }

  /** The share held back until the recipient's report is approved falls due on the approval date. */
  releaseHeldBack(manager: EntityManager, caseId: string, dueOn: string): Promise<{ released: number; planned: number }> {
    return this.repository.releaseHeldBack(manager, caseId, dueOn);
  }
}
