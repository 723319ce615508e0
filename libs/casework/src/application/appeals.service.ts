import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@imdi/audit';
import type { Principal } from '@imdi/auth';
import { BudgetLedger } from '@imdi/budget';
import { CaseLifecycle } from '@imdi/cases';
import { Clock, formatOsloDateTime } from '@imdi/kernel';
import { Messages } from '@imdi/messaging';
import { APPEAL_DECIDED, APPEAL_RECEIVED, caseFactsOf, DomainEvents, MINISTRY_APPEAL_DECIDED } from '@imdi/outbox';
import { DataSource, type EntityManager } from 'typeorm';
import { appealTiming } from '../domain/appeal-deadline';
import { CaseworkError } from '../domain/casework.errors';
import { AppealRepository, type MinistryAppealOutcome } from '../infrastructure/appeal.repository';
import { CaseworkRepository } from '../infrastructure/casework.repository';
import { DecisionRepository } from '../infrastructure/decision.repository';
import { LetterRepository } from '../infrastructure/letter.repository';
import { appealDecidedMail } from './appeal-decided-mail';
import { CaseworkContext } from './casework-context';

export interface AppealView {
  readonly id: string;
  readonly caseId: string;
  readonly caseNumber: string | null;
  readonly kind: 'klage' | 'renewed-assessment';
  readonly grounds: string;
  readonly receivedAt: string;
  readonly deadlineAt: string;
  readonly late: boolean;
  readonly outcome: 'reversed' | 'upheld' | null;
  readonly summaryForMinistry: string | null;
  readonly forwardedAt: string | null;
  /** The ministry's decision as appeal body, once recorded. */
  readonly ministryDecision: {
    readonly outcome: MinistryAppealOutcome;
    readonly reasons: string;
    readonly decidedAt: string;
    readonly decidedByName: string | null;
  } | null;
}

/**
 * Appeals by the scheme's route: an enkeltvedtak is appealed (klage, fvl. chapter VI) and, if IMDi
 * upholds it, forwarded to the ministry as appeal body; other decisions get a renewed assessment.
 * A reversal is a new decision through the same four-eyes path.
 */
@Injectable()
export class Appeals {
  constructor(
    private readonly dataSource: DataSource,
    private readonly context: CaseworkContext,
    private readonly cases: CaseLifecycle,
    private readonly repository: CaseworkRepository,
    private readonly decisions: DecisionRepository,
    private readonly appeals: AppealRepository,
    private readonly letters: LetterRepository,
    private readonly ledger: BudgetLedger,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    private readonly events: DomainEvents,
    private readonly messages: Messages,
  ) {}

  async receive(caseId: string, grounds: string, principal: Principal): Promise<AppealView> {
    const id = await this.dataSource.transaction(async (manager) => {
      const { version } = await this.context.loadForRecipient(manager, caseId, principal);
      // load() locks the case: a second appeal sent at the same moment waits there and then finds the first.
      const decision = await this.repository.currentDecision(manager, caseId);
      if (decision) {
        const earlier = await this.repository.appealOf(manager, decision.id);
        if (earlier) {
          throw new CaseworkError(
            'ALREADY_APPEALED',
            `Vedtaket er allerede påklaget (klagen kom inn ${formatOsloDateTime(earlier.received_at)}). Et vedtak kan påklages én gang; send eventuelle tilleggsopplysninger til saksbehandleren.`,
            { appealedAt: earlier.received_at.toISOString() },
          );
        }
      }
      const letterSentAt = await this.letters.latestProducedAt(manager, caseId);
      if (!decision || !letterSentAt)
        throw new CaseworkError('NO_OPEN_APPEAL', 'Bare et vedtak som er sendt, kan påklages. Vent til vedtaksbrevet er sendt.', {});
      const receivedAt = this.clock.now();
      const timing = appealTiming(letterSentAt, receivedAt);
      if (timing.tooLate) {
        throw new CaseworkError('APPEAL_TOO_LATE', 'Vedtaket er mer enn ett år gammelt, og klagen kan ikke lenger behandles (forvaltningsloven § 31).', {
          decisionSentAt: letterSentAt.toISOString(),
        });
      }
      const kind = version.appealRoute === 'enkeltvedtak' ? 'klage' : 'renewed-assessment';
      const appeal = {
        id: await this.appeals.insert(manager, {
          caseId,
          decisionId: decision.id,
          kind,
          grounds,
          receivedAt,
          deadlineAt: timing.deadlineAt,
          late: timing.late,
          submittedBy: principal.userId,
        }),
      };
      const appealed = await this.cases.transition(manager, caseId, 'appeal', principal, {
        reason: grounds,
        details: { appealId: appeal.id, kind, late: timing.late },
      });
      await this.events.publish(manager, APPEAL_RECEIVED, {
        ...caseFactsOf(appealed),
        appealId: appeal.id,
        decisionId: decision.id,
        kind,
        receivedAt: receivedAt.toISOString(),
        late: timing.late,
      });
      return appeal.id;
    });
    return this.viewOf(this.dataSource.manager, id);
  }

  /** Opening a reversal: the appealed decision is set aside and its commitment released; a new proposal follows. */
  async reverse(caseId: string, principal: Principal): Promise<AppealView> {
    const id = await this.dataSource.transaction(async (manager) => {
      const appeal = await this.openAppeal(manager, caseId);
      const decision = (await this.decisions.byId(manager, appeal.decision_id))!;
      if (!decision.amount.isZero() && decision.status === 'approved') {
        await this.ledger.uncommit(manager, {
          budgetYear: decision.budgetYear,
          budgetPost: decision.budgetPost,
          earmarkCode: decision.earmarkCode,
          amount: decision.amount,
          referenceType: 'decision-reversed',
          referenceId: decision.id,
          actorId: principal.userId,
        });
      }
      decision.setAside();
      await this.decisions.save(manager, decision);
      const decidedAt = this.clock.now();
      await this.appeals.markReversed(manager, appeal.id, principal.userId, decidedAt);
      await this.audit.record(manager, {
        actor: principal,
        action: 'appeal.reversal-opened',
        entityType: 'case',
        entityId: caseId,
        after: { appealId: appeal.id, supersededDecision: decision.id },
      });
      await this.events.publish(manager, APPEAL_DECIDED, {
        ...caseFactsOf(await this.cases.lockCase(manager, caseId)),
        appealId: appeal.id,
        outcome: 'reversed',
        forwardedToMinistry: false,
        decidedAt: decidedAt.toISOString(),
      });
      return appeal.id;
    });
    return this.viewOf(this.dataSource.manager, id);
  }

  async uphold(caseId: string, summary: string, principal: Principal): Promise<AppealView> {
    const id = await this.dataSource.transaction(async (manager) => {
      const appeal = await this.openAppeal(manager, caseId);
      const forwarded = appeal.kind === 'klage';
      const decidedAt = this.clock.now();
      await this.appeals.markUpheld(manager, appeal.id, summary, forwarded, principal.userId, decidedAt);
      const upheld = await this.cases.transition(manager, caseId, 'uphold', principal, {
        reason: summary,
        details: {
          appealId: appeal.id,
          forwardedToMinistry: forwarded,
          why: forwarded ? 'fvl. § 33: the ministry is the appeal body' : 'renewed assessment: no appeal body',
        },
      });
      await this.events.publish(manager, APPEAL_DECIDED, {
        ...caseFactsOf(upheld),
        appealId: appeal.id,
        outcome: 'upheld',
        forwardedToMinistry: forwarded,
        decidedAt: decidedAt.toISOString(),
      });
      return appeal.id;
    });
    return this.viewOf(this.dataSource.manager, id);
  }

  /** What the ministry, as appeal body, reads. */
  async forwardedToMinistry(): Promise<AppealView[]> {
    const ids = await this.appeals.forwardedIds(this.dataSource.manager, 200);
    return Promise.all(ids.map((id) => this.viewOf(this.dataSource.manager, id)));
  }

  /**
   * The ministry, as appeal body (fvl. § 34), decides a forwarded klage. Upheld: the case stays decided.
   * Reversed: the case goes back to IMDi's assessment for a new decision. Once per appeal.
   */
  async recordMinistryDecision(appealId: string, outcome: MinistryAppealOutcome, reasons: string, principal: Principal): Promise<AppealView> {
    await this.dataSource.transaction(async (manager) => {
      const found = await this.appeals.byId(manager, appealId);
      if (!found) throw new CaseworkError('APPEAL_NOT_FOUND', `Fant ingen klage med id ${appealId}.`, {}, 'id');
      // The case first, as every casework action: audit and state change follow under its lock.
      const { file, organisation } = await this.context.load(manager, found.case_id);
      // Read again under the case's lock: a decision recorded meanwhile is seen here.
      const appeal = (await this.appeals.byId(manager, appealId)) ?? found;
      if (appeal.ministry_outcome) {
        throw new CaseworkError('MINISTRY_ALREADY_DECIDED', 'Departementet har allerede avgjort denne klagen.', {
          outcome: appeal.ministry_outcome,
          decidedAt: appeal.ministry_decided_at?.toISOString(),
        });
      }
      if (!appeal.forwarded_at) throw new CaseworkError('APPEAL_NOT_FORWARDED', 'Klagen er ikke oversendt til departementet.', {});
      const decidedAt = this.clock.now();
      const text = reasons.trim();
      await this.appeals.recordMinistryDecision(manager, appealId, {
        outcome,
        reasons: text,
        decidedBy: principal.userId,
        decidedByName: principal.name,
        decidedAt,
      });
      const after =
        outcome === 'reversed'
          ? await this.cases.transition(manager, file.id, 'ministryReverse', principal, {
              reason: text,
              details: { appealId, why: 'fvl. § 34: the ministry as appeal body reversed the decision; IMDi assesses the case again' },
            })
          : file;
      await this.audit.record(manager, {
        actor: principal,
        action: 'appeal.ministry-decided',
        entityType: 'case',
        entityId: file.id,
        after: { appealId, outcome, reasons: text },
      });
      await this.events.publish(manager, MINISTRY_APPEAL_DECIDED, {
        ...caseFactsOf(after),
        appealId,
        outcome,
        decidedAt: decidedAt.toISOString(),
      });
      // The applicant hears of it in their målform; the outcome itself is read in the portal.
      await this.messages.send(manager, {
        dedupeKey: `appeal-decided:${appealId}`,
        kind: 'appeal-decided',
        recipient: organisation.contactEmail,
        language: organisation.writtenStandard,
        texts: appealDecidedMail(organisation.name, file.caseNumber ?? ''),
        caseId: file.id,
        reference: appealId,
      });
    });
    return this.viewOf(this.dataSource.manager, appealId);
  }

  private async openAppeal(manager: EntityManager, caseId: string): Promise<{ id: string; decision_id: string; kind: 'klage' | 'renewed-assessment' }> {
    const file = await this.cases.lockCase(manager, caseId);
    const appeal = await this.appeals.openOf(manager, caseId);
    if (!appeal || file.status !== 'appeal_received')
      throw new CaseworkError('NO_OPEN_APPEAL', `Saken har status «${file.status}» og har ingen klage som venter på behandling.`, {
        currentStatus: file.status,
      });
    return appeal;
  }

  /** The appeal as shown, for an id this service has just written or listed. */
  private async viewOf(manager: EntityManager, id: string): Promise<AppealView> {
    const view = await this.view(manager, id);
    if (!view) throw new CaseworkError('APPEAL_NOT_FOUND', `Fant ingen klage med id ${id}.`, {}, 'id');
    return view;
  }

  private async view(manager: EntityManager, id: string): Promise<AppealView | undefined> {
    const row = await this.appeals.byId(manager, id);
    // The case number is the cases context's: asked through its lifecycle port.
    const file = row && (await this.cases.find(manager, row.case_id));
    return (
      row && {
        id: row.id,
        caseId: row.case_id,
        caseNumber: file?.caseNumber ?? null,
        kind: row.kind,
        grounds: row.grounds,
        receivedAt: row.received_at.toISOString(),
        deadlineAt: row.deadline_at.toISOString(),
        late: row.late,
        outcome: row.outcome,
        summaryForMinistry: row.summary_for_ministry,
        forwardedAt: row.forwarded_at?.toISOString() ?? null,
        ministryDecision:
          row.ministry_outcome && row.ministry_decided_at
            ? {
                outcome: row.ministry_outcome,
                reasons: row.ministry_reasons ?? '',
                decidedAt: row.ministry_decided_at.toISOString(),
                decidedByName: row.ministry_decided_by_name,
              }
            : null,
      }
    );
  }
}
