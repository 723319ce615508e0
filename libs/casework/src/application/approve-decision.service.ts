import { Injectable } from '@nestjs/common';
import type { Principal } from '@imdi/auth';
import { BudgetLedger } from '@imdi/budget';
import { CaseLifecycle, type CaseStatus } from '@imdi/cases';
import { Clock } from '@imdi/kernel';
import { caseFactsOf, DECISION_APPROVED, DomainEvents } from '@imdi/outbox';
import { FreezeSchemeVersion, requiresMinistryPreNotification } from '@imdi/schemes';
import { DataSource } from 'typeorm';
import { Decision } from '../domain/decision';
import { CaseworkRepository } from '../infrastructure/casework.repository';
import { DecisionRepository } from '../infrastructure/decision.repository';
import { CaseworkContext } from './casework-context';
import { Impartiality } from './impartiality.service';

/**
 * An approver decides a proposal: never their own, only within their written delegation, never
 * with a conflict of interest. A grant commits its amount on the post (or earmark) in the same
 * transaction, so simultaneous approvals can never overdraw it; a refusal commits nothing.
 */
@Injectable()
export class ApproveDecision {
  constructor(
    private readonly dataSource: DataSource,
    private readonly context: CaseworkContext,
    private readonly cases: CaseLifecycle,
    private readonly impartiality: Impartiality,
    private readonly repository: CaseworkRepository,
    private readonly decisions: DecisionRepository,
    private readonly ledger: BudgetLedger,
    private readonly freeze: FreezeSchemeVersion,
    private readonly clock: Clock,
    private readonly events: DomainEvents,
  ) {}

  async execute(caseId: string, principal: Principal): Promise<{ decisionId: string; status: CaseStatus }> {
    return this.dataSource.transaction(async (manager) => {
      const { file, version } = await this.context.load(manager, caseId);
      const decision = Decision.openProposal(await this.decisions.current(manager, caseId), file.status, 'godkjennes');
      const approver = await this.impartiality.actor(manager, principal, file.organisationNumber);
      // The decision date is a legal fact (processing time, appeal deadlines): taken from the clock.
      const decidedAt = this.clock.now();
      const delegation = await this.impartiality.recordingRefusal(principal, caseId, async () =>
        decision.approve(approver, file.organisationNumber, await this.repository.delegationsOf(manager, principal.userId), decidedAt),
      );
      if (decision.outcome !== 'refused') {
        await this.ledger.commit(manager, {
          budgetYear: decision.budgetYear,
          budgetPost: decision.budgetPost,
          earmarkCode: decision.earmarkCode,
          amount: decision.amount,
          referenceType: 'decision',
          referenceId: decision.id,
          actorId: principal.userId,
        });
      }
      await this.decisions.save(manager, decision);
      await this.freeze.execute(manager, version.id, `decision ${decision.id}`);
      const preNotification = requiresMinistryPreNotification(file.schemeKind)
        ? 'required before the letter (Instruks 6.1)'
        : `not required: ${file.schemeKind} scheme (Instruks 6.1 covers application-based schemes only)`;
      const updated = await this.cases.transition(manager, caseId, decision.outcome === 'refused' ? 'refuse' : 'approve', principal, {
        details: {
          decisionId: decision.id,
          outcome: decision.outcome,
          amountNok: decision.amount.toDecimalString(),
          proposedBy: decision.proposedBy,
          delegation: delegation?.reference,
          ministryPreNotification: preNotification,
        },
      });
      await this.events.publish(manager, DECISION_APPROVED, {
        ...caseFactsOf(updated),
        budgetYear: decision.budgetYear,
        decisionId: decision.id,
        outcome: decision.outcome,
        amountOre: decision.amount.toOreString(),
        budgetPost: decision.budgetPost.toString(),
        earmarkCode: decision.earmarkCode,
        decidedAt: decidedAt.toISOString(),
      });
      return { decisionId: decision.id, status: updated.status };
    });
  }
}
