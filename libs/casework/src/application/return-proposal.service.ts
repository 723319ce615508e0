import { Injectable } from '@nestjs/common';
import type { Principal } from '@imdi/auth';
import { CaseLifecycle, type CaseStatus } from '@imdi/cases';
import { DataSource } from 'typeorm';
import { CaseworkError } from '../domain/casework.errors';
import { assertFourEyes } from '../domain/decision-rules';
import { CaseworkRepository } from '../infrastructure/casework.repository';
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
    private readonly repository: CaseworkRepository,
  ) {}

  async execute(caseId: string, comment: string, principal: Principal): Promise<{ status: CaseStatus }> {
    return this.dataSource.transaction(async (manager) => {
      const { file } = await this.context.load(manager, caseId);
      const decision = await this.repository.currentDecision(manager, caseId);
      if (!decision || decision.status !== 'proposed' || file.status !== 'proposed') {
        throw new CaseworkError('NO_PROPOSAL', `Saken har status «${file.status}» og har ikke noe forslag til vedtak som kan sendes tilbake.`, {
          currentStatus: file.status,
        });
      }
      assertFourEyes(decision.proposedBy, principal.userId);
      await this.impartiality.assertImpartial(manager, principal, file.organisationNumber, caseId, 'return a proposal in');
      await this.repository.supersedeOpenDecision(manager, caseId);
      const updated = await this.cases.transition(manager, caseId, 'returnForAssessment', principal, { reason: comment, details: { decisionId: decision.id } });
      return { status: updated.status };
    });
  }
}
