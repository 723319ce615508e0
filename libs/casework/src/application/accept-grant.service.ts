import { Injectable } from '@nestjs/common';
import type { Principal } from '@imdi/auth';
import { CaseLifecycle, type CaseFile } from '@imdi/cases';
import { Clock, osloDate } from '@imdi/kernel';
import { DomainEvents, GRANT_ACCEPTED } from '@imdi/outbox';
import { DataSource } from 'typeorm';
import { acceptanceDeadline } from '../domain/appeal-deadline';
import { CaseworkError } from '../domain/casework.errors';
import { CaseworkRepository } from '../infrastructure/casework.repository';
import { LetterRepository } from '../infrastructure/letter.repository';
import { CaseworkContext } from './casework-context';

/**
 * The recipient accepts the grant and its conditions within the deadline the letter gives. The
 * acceptance publishes GrantAccepted in its transaction; payments plans the instalments and
 * recipient-reports opens the reporting duty as its subscribers, after the commit.
 */
@Injectable()
export class AcceptGrant {
  constructor(
    private readonly dataSource: DataSource,
    private readonly context: CaseworkContext,
    private readonly repository: CaseworkRepository,
    private readonly letters: LetterRepository,
    private readonly cases: CaseLifecycle,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  async execute(caseId: string, principal: Principal): Promise<CaseFile> {
    return this.dataSource.transaction(async (manager) => {
      const { file, application, organisation } = await this.context.loadForRecipient(manager, caseId, principal);
      const grantLetterAt = await this.letters.latestProducedAt(manager, caseId, 'grant');
      const now = this.clock.now();
      if (grantLetterAt && now > acceptanceDeadline(grantLetterAt).endsAt) {
        throw new CaseworkError(
          'ACCEPTANCE_DEADLINE_PASSED',
          'Fristen for å akseptere tilskuddet har gått ut. Kontakt IMDi hvis dere fortsatt ønsker tilskuddet.',
          {},
        );
      }
      const accepted = await this.cases.transition(manager, caseId, 'accept', principal, { reason: 'the recipient accepts the grant and its conditions' });
      const decision = (await this.repository.currentDecision(manager, caseId))!;
      const periodEnd = (application.form as { periodEnd?: unknown }).periodEnd;
      await this.events.publish(manager, GRANT_ACCEPTED, {
        caseId,
        caseNumber: file.caseNumber!,
        organisationNumber: organisation.organisationNumber,
        schemeCode: file.schemeCode,
        budgetYear: decision.budgetYear,
        decisionId: decision.id,
        amountOre: decision.amount.toOreString(),
        budgetPost: decision.budgetPost.toString(),
        earmarkCode: decision.earmarkCode,
        acceptedOn: osloDate(now),
        accountNumber: organisation.accountNumber,
        periodEnd: typeof periodEnd === 'string' ? periodEnd : null,
      });
      return accepted;
    });
  }
}
