import { Injectable } from '@nestjs/common';
import type { Principal } from '@imdi/auth';
import { CaseLifecycle } from '@imdi/cases';
import { Clock, Money } from '@imdi/kernel';
import { caseFactsOf, DECISION_PROPOSED, DomainEvents } from '@imdi/outbox';
import { DataSource } from 'typeorm';
import { CaseworkError } from '../domain/casework.errors';
import { outcomeOf } from '../domain/decision-rules';
import { CaseworkRepository } from '../infrastructure/casework.repository';
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
    private readonly repository: CaseworkRepository,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  async execute(caseId: string, proposal: Proposal, principal: Principal): Promise<{ decisionId: string; outcome: string }> {
    return this.dataSource.transaction(async (manager) => {
      const { file, application, version } = await this.context.load(manager, caseId);
      await this.impartiality.assertImpartial(manager, principal, file.organisationNumber, caseId, 'propose a decision in');
      if (file.status === 'submitted') await this.cases.transition(manager, caseId, 'startAssessment', principal);
      const outcome = outcomeOf(proposal.amount, application.requested);
      const earmarkCode = proposal.earmarkCode ?? version.earmarkCodes[0] ?? null;
      if (earmarkCode && !version.earmarkCodes.includes(earmarkCode)) {
        throw new CaseworkError(
          'PROPOSAL_INVALID',
          `Ordningen ${file.schemeCode} bruker ${version.earmarkCodes.length > 0 ? `øremerkingen ${version.earmarkCodes.join(', ')}` : 'ingen øremerking'}, ikke «${earmarkCode}». Velg en av dem.`,
          {},
          'earmarkCode',
        );
      }
      await this.repository.supersedeOpenDecision(manager, caseId);
      const decisionId = await this.repository.insertDecision(manager, {
        caseId,
        outcome,
        amount: proposal.amount,
        requested: application.requested,
        reasons: proposal.reasons,
        conditions: proposal.conditions,
        legalBasis: version.legalBasis,
        budgetYear: version.budgetYear,
        budgetPost: version.budgetPost.toString(),
        earmarkCode: outcome === 'refused' ? null : earmarkCode,
        schemeVersionId: version.id,
        proposedBy: principal.userId,
        proposedByName: principal.name,
      });
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
