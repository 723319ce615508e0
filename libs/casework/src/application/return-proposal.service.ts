import { Injectable } from '@nestjs/common';
import type { Principal } from '@imdi/auth';
import { CaseLifecycle, type CaseStatus } from '@imdi/cases';
import { DataSource } from 'typeorm';
import { Decision } from '../domain/decision';
import { DecisionRepository } from '../infrastructure/decision.repository';
import { CaseworkContext } from './casework-context';
import { Impartiality } from './impartiality.service';

/** The approver sends a proposal back to the caseworker with a comment; the proposal lapses. */
@Injectable()
export class ReturnProposal {
  constructor(
    private readonly dataSource: DataSource,
    private readonly context: CaseworkContext,
    private readonly cases: CaseLifecycle,
    private readonly impartiality: Impartiality,
    private readonly decisions: DecisionRepository,
  ) {}

  async execute(caseId: string, comment: string, principal: Principal): Promise<{ status: CaseStatus }> {
    return this.dataSource.transaction(async (manager) => {
      const { file } = await this.context.load(manager, caseId);
      const decision = Decision.openProposal(await this.decisions.current(manager, caseId), file.status, 'sendes tilbake');
      const approver = await this.impartiality.actor(manager, principal, file.organisationNumber);
      await this.impartiality.recordingRefusal(principal, caseId, () => decision.returnToCaseworker(approver, file.organisationNumber));
      await this.decisions.save(manager, decision);
      const updated = await this.cases.transition(manager, caseId, 'returnForAssessment', principal, { reason: comment, details: { decisionId: decision.id } });
      return { status: updated.status };
    });
  }
}
