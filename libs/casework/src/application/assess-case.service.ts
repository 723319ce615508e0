import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@imdi/audit';
import type { Principal } from '@imdi/auth';
import { CaseLifecycle } from '@imdi/cases';
import { Clock } from '@imdi/kernel';
import { ASSESSMENT_RECORDED, caseFactsOf, DomainEvents } from '@imdi/outbox';
import { DataSource } from 'typeorm';
import { CaseworkError } from '../domain/casework.errors';
import { suggestedAmount, weightedScore, type CriterionScore } from '../domain/decision-rules';
import { CaseworkRepository } from '../infrastructure/casework.repository';
import { CaseworkContext } from './casework-context';
import { Impartiality } from './impartiality.service';

/** A caseworker scores a søkbar application against its scheme's criteria. */
@Injectable()
export class AssessCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly context: CaseworkContext,
    private readonly cases: CaseLifecycle,
    private readonly impartiality: Impartiality,
    private readonly repository: CaseworkRepository,
    private readonly audit: AuditTrail,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  async execute(caseId: string, scores: CriterionScore[], comment: string, principal: Principal): Promise<{ totalScore: number; suggestedNok: string | null }> {
    return this.dataSource.transaction(async (manager) => {
      const { file, application, definition } = await this.context.load(manager, caseId);
      await this.impartiality.assertImpartial(manager, principal, file.organisationNumber, caseId, 'assess');
      if (definition.assessmentCriteria.length === 0) {
        throw new CaseworkError(
          'ASSESSMENT_INVALID',
          `Ordningen ${file.schemeCode} har ingen vurderingskriterier, så søknaden skal ikke poengsettes.`,
          {},
          'scores',
        );
      }
      const totalScore = weightedScore(scores, definition.assessmentCriteria);
      const suggestedNok = suggestedAmount(application.requested, totalScore)?.toDecimalString() ?? null;
      // A case still `submitted` starts its assessment here; any state past assessment is refused by the state machine.
      if (file.status !== 'in_assessment') await this.cases.transition(manager, caseId, 'startAssessment', principal);
      const assessmentId = await this.repository.saveAssessment(manager, caseId, scores, totalScore, comment, principal.userId);
      await this.audit.record(manager, {
        actor: principal,
        action: 'case.assessed',
        entityType: 'case',
        entityId: caseId,
        after: { totalScore, scores, suggestedNok },
      });
      await this.events.publish(manager, ASSESSMENT_RECORDED, {
        ...caseFactsOf(file),
        totalScore,
        assessedAt: this.clock.now().toISOString(),
        assessmentId,
      });
      return { totalScore, suggestedNok };
    });
  }
}
