import { Injectable } from '@nestjs/common';
import type { Principal } from '@imdi/auth';
import { CaseLifecycle } from '@imdi/cases';
import { Clock, Money } from '@imdi/kernel';
import { caseFactsOf, DECISION_PROPOSED, DomainEvents } from '@imdi/outbox';
import { DataSource } from 'typeorm';
import { Decision } from '../domain/decision';
import { DecisionRepository } from '../infrastructure/decision.repository';
import { CaseworkContext } from './casework-context';
import { Impartiality } from './impartiality.service';

export interface Proposal {
  readonly amount: Money;
  /** fvl. §§ 24–25: the reasons go into the letter. */
  readonly reasons: string;
  readonly conditions: string;
  readonly earmarkCode?: string;
}

/** A caseworker proposes a decision: in full, in part, or a refusal, always with reasons. */
@Injectable()
export class ProposeDecision {
  constructor(
    private readonly dataSource: DataSource,
    private readonly context: CaseworkContext,
    private readonly cases: CaseLifecycle,
    private readonly impartiality: Impartiality,
    private readonly decisions: DecisionRepository,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  async execute(caseId: string, proposal: Proposal, principal: Principal): Promise<{ decisionId: string; outcome: string }> {
    return this.dataSource.transaction(async (manager) => {
      const { file, application, version } = await this.context.load(manager, caseId);
      const proposer = await this.impartiality.actor(manager, principal, file.organisationNumber);
      const decision = await this.impartiality.recordingRefusal(principal, caseId, () =>
        Decision.propose(
          {
            caseId,
            organisationNumber: file.organisationNumber,
            schemeCode: file.schemeCode,
            schemeVersionId: version.id,
            legalBasis: version.legalBasis,
            budgetYear: version.budgetYear,
            budgetPost: version.budgetPost,
            schemeEarmarks: version.earmarkCodes,
            requested: application.requested,
            amount: proposal.amount,
            reasons: proposal.reasons,
            conditions: proposal.conditions,
            earmarkCode: proposal.earmarkCode,
          },
          proposer,
        ),
      );
      if (file.status === 'submitted') await this.cases.transition(manager, caseId, 'startAssessment', principal);
      await this.decisions.supersedeOpenProposal(manager, caseId);
      await this.decisions.save(manager, decision);
      const { id: decisionId, outcome } = decision;
      const proposed = await this.cases.transition(manager, caseId, 'propose', principal, {
        reason: proposal.reasons,
        details: { decisionId, outcome, amountNok: proposal.amount.toDecimalString() },
      });
      await this.events.publish(manager, DECISION_PROPOSED, {
        ...caseFactsOf(proposed),
        decisionId,
        outcome,
        amountOre: proposal.amount.toOreString(),
        proposedAt: this.clock.now().toISOString(),
      });
      return { decisionId, outcome };
    });
  }
}
