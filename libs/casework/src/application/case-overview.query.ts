import { Injectable } from '@nestjs/common';
import { CaseLifecycle, type CaseStatus, type SchemeKindOfCase } from '@imdi/cases';
import { ApplicationLookup, OrganisationDirectory } from '@imdi/intake';
import { BankReconciliation, type CasePaymentView } from '@imdi/payments';
import { MessageQuery, type MessageView } from '@imdi/messaging';
import type { Principal } from '@imdi/auth';
import { requiresMinistryPreNotification, schemeDefinition } from '@imdi/schemes';
import { DataSource } from 'typeorm';
import { CaseworkError } from '../domain/casework.errors';
import { ASSESSMENT_SCALE, MAX_WEIGHTED_SCORE, SUGGESTION_RULE, suggestedAmount, type DecisionOutcome } from '../domain/decision-rules';
import { staffActions, type StaffAction } from '../domain/staff-actions';
import { AppealRepository } from '../infrastructure/appeal.repository';
import { MinistryNotificationRepository } from '../infrastructure/ministry-notification.repository';
import { CaseworkRepository } from '../infrastructure/casework.repository';
import { DecisionLetters, type LetterView } from './decision-letters.service';

export interface CaseOverview {
  readonly caseId: string;
  readonly caseNumber: string | null;
  readonly status: CaseStatus;
  readonly schemeCode: string;
  readonly budgetYear: number;
  readonly schemeKind: SchemeKindOfCase;
  readonly organisation: { readonly organisationNumber: string; readonly name: string; readonly writtenStandard: 'nb' | 'nn' } | null;
  readonly assignedTo: string | null;
  readonly assessment: {
    readonly scores: ReadonlyArray<{ criterion: string; score: number; comment: string }>;
    readonly totalScore: number;
    readonly comment: string;
    readonly assessedBy: string;
    readonly assessedAt: string;
  } | null;
  /** What the assessment is scored on: the scheme's criteria and scale, and the amount the scores suggest. */
  readonly assessmentGuide: {
    readonly scale: { readonly min: number; readonly max: number };
    readonly maxTotalScore: number;
    readonly criteria: ReadonlyArray<{ readonly code: string; readonly label: { readonly nb: string; readonly nn: string }; readonly weight: number }>;
    readonly requestedNok: string | null;
    /** From the recorded assessment by the rule below; null before an assessment or without an amount applied for. */
    readonly suggestedNok: string | null;
    readonly suggestionRule: { readonly nb: string; readonly nn: string };
  };
  readonly decision: {
    readonly id: string;
    readonly outcome: DecisionOutcome;
    readonly amountNok: string;
    readonly requestedNok: string | null;
    readonly reasons: string;
    readonly conditions: string;
    readonly budgetPost: string;
    readonly earmarkCode: string | null;
    readonly status: 'proposed' | 'approved' | 'superseded';
    readonly proposedBy: string;
    readonly approvedBy: string | null;
    readonly approvedAt: string | null;
  } | null;
  /** Instruks 6.1: whether this decision must reach the ministry before its letter, and where that stands. */
  readonly ministryNotification: {
    readonly required: boolean;
    readonly id: string | null;
    readonly round: number | null;
    readonly gatheredAt: string | null;
    /** When the ministry's mail server took the notification (Instruks 6.1 is met from then). */
    readonly deliveredAt: string | null;
    /** Why the e-mail to the ministry failed for good, until someone resends it. */
    readonly deliveryFailure: string | null;
    readonly messageId: string | null;
  };
  readonly letters: readonly LetterView[];
  /** What was sent about this case (receipt, letter notices, reminders) and what became of it. */
  readonly messages: readonly MessageView[];
  readonly appeal: {
    readonly id: string;
    readonly kind: 'klage' | 'renewed-assessment';
    readonly grounds: string;
    readonly receivedAt: string;
    readonly late: boolean;
    readonly outcome: 'reversed' | 'upheld' | null;
    readonly forwardedAt: string | null;
    /** The ministry's decision as appeal body on a forwarded klage, once recorded (fvl. § 34). */
    readonly ministryDecision: {
      readonly outcome: 'upheld' | 'reversed';
      readonly reasons: string;
      readonly decidedAt: string;
      readonly decidedByName: string | null;
    } | null;
  } | null;
  /** Each payment of the grant as the bank answered it; a rejected one with the bank's reason. */
  readonly payments: readonly CasePaymentView[];
  /** The provisional answer the applicant has had (fvl. § 11a), if any. */
  readonly provisionalAnswer: { readonly sentAt: string; readonly expectedDecisionDate: string } | null;
  /** The caller may write internal notes on the case. */
  readonly canWriteNotes: boolean;
  /** The caller has declared a conflict of interest with the applicant (fvl. § 6). */
  readonly callerHasConflict: boolean;
  /** What the caller may do with the case now; the web offers these and nothing else. */
  readonly actions: readonly StaffAction[];
}

/** Everything a caseworker or approver needs on one screen about a case's casework, read-only. */
@Injectable()
export class CaseOverviewQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseLifecycle,
    private readonly repository: CaseworkRepository,
    private readonly appeals: AppealRepository,
    private readonly ministryNotifications: MinistryNotificationRepository,
    private readonly organisations: OrganisationDirectory,
    private readonly applications: ApplicationLookup,
    private readonly letters: DecisionLetters,
    private readonly bankPayments: BankReconciliation,
    private readonly messages: MessageQuery,
  ) {}

  async get(caseId: string, principal: Principal): Promise<CaseOverview> {
    const manager = this.dataSource.manager;
    const file = await this.cases.find(manager, caseId);
    if (!file) throw new CaseworkError('LETTER_NOT_FOUND', `Fant ingen sak med id ${caseId}.`, {}, 'id');
    const [organisation, decision, assignment, assessment, appeal, letters, payments] = await Promise.all([
      this.organisations.findByNumber(manager, file.organisationNumber),
      this.repository.currentDecision(manager, caseId),
      this.repository.caseworkerOf(manager, caseId),
      this.repository.assessmentOf(manager, caseId),
      this.appeals.latestOf(manager, caseId),
      this.letters.list(manager, caseId),
      this.bankPayments.forCase(caseId),
    ]);
    const notification = decision ? await this.ministryNotifications.roundOf(manager, decision.id) : undefined;
    const assessed = assessment;
    const provisionalAnswer = await this.repository.provisionalAnswerOf(manager, caseId);
    const requested = (await this.applications.find(manager, caseId, null))?.requested ?? null;
    const criteria = schemeDefinition(file.schemeCode)?.assessmentCriteria ?? [];
    const lastAppeal = appeal;
    const callerHasConflict = await this.repository.hasConflict(manager, principal.userId, file.organisationNumber);
    const preNotificationRequired = requiresMinistryPreNotification(file.schemeKind) && decision?.outcome !== 'refused';
    const actions = staffActions({
      status: file.status,
      schemeKind: file.schemeKind,
      roles: principal.roles,
      userId: principal.userId,
      conflictOfInterest: callerHasConflict,
      hasAssessmentCriteria: criteria.length > 0,
      decision: decision ? { status: decision.status, proposedBy: decision.proposedBy, outcome: decision.outcome } : null,
      awaitsMinistryNotification: preNotificationRequired && decision?.status === 'approved' && !notification,
      appealOpen: lastAppeal !== undefined && lastAppeal.outcome === null,
      provisionalAnswerSent: provisionalAnswer !== null,
    });
    return {
      caseId,
      caseNumber: file.caseNumber,
      status: file.status,
      schemeCode: file.schemeCode,
      budgetYear: file.budgetYear,
      schemeKind: file.schemeKind,
      organisation: organisation
        ? { organisationNumber: organisation.organisationNumber, name: organisation.name, writtenStandard: organisation.writtenStandard }
        : null,
      assignedTo: assignment,
      assessment: assessed
        ? {
            scores: assessed.scores,
            totalScore: assessed.total_score,
            comment: assessed.comment,
            assessedBy: assessed.assessed_by,
            assessedAt: assessed.assessed_at.toISOString(),
          }
        : null,
      assessmentGuide: {
        scale: ASSESSMENT_SCALE,
        maxTotalScore: MAX_WEIGHTED_SCORE,
        criteria: criteria.map((criterion) => ({ code: criterion.code, label: { nb: criterion.label.nb, nn: criterion.label.nn }, weight: criterion.weight })),
        requestedNok: requested?.toDecimalString() ?? null,
        suggestedNok: assessed ? (suggestedAmount(requested, assessed.total_score)?.toDecimalString() ?? null) : null,
        suggestionRule: SUGGESTION_RULE,
      },
      decision: decision
        ? {
            id: decision.id,
            outcome: decision.outcome,
            amountNok: decision.amount.toDecimalString(),
            requestedNok: decision.requested?.toDecimalString() ?? null,
            reasons: decision.reasons,
            conditions: decision.conditions,
            budgetPost: decision.budgetPost.toString(),
            earmarkCode: decision.earmarkCode,
            status: decision.status,
            proposedBy: decision.proposedBy,
            approvedBy: decision.approvedBy,
            approvedAt: decision.approvedAt?.toISOString() ?? null,
          }
        : null,
      ministryNotification: {
        // A refusal commits nothing and is not pre-notified; only grants of søkbar schemes are.
        required: preNotificationRequired,
        id: notification?.id ?? null,
        round: notification?.round ?? null,
        gatheredAt: notification?.created_at.toISOString() ?? null,
        deliveredAt: notification?.delivered_at?.toISOString() ?? null,
        deliveryFailure: notification?.delivery_failure ?? null,
        messageId: notification?.message_id ?? null,
      },
      letters,
      messages: await this.messages.forCase(caseId),
      appeal: lastAppeal
        ? {
            id: lastAppeal.id,
            kind: lastAppeal.kind,
            grounds: lastAppeal.grounds,
            receivedAt: lastAppeal.received_at.toISOString(),
            late: lastAppeal.late,
            outcome: lastAppeal.outcome,
            forwardedAt: lastAppeal.forwarded_at?.toISOString() ?? null,
            ministryDecision:
              lastAppeal.ministry_outcome && lastAppeal.ministry_decided_at
                ? {
                    outcome: lastAppeal.ministry_outcome,
                    reasons: lastAppeal.ministry_reasons ?? '',
                    decidedAt: lastAppeal.ministry_decided_at.toISOString(),
                    decidedByName: lastAppeal.ministry_decided_by_name,
                  }
                : null,
          }
        : null,
      payments,
      provisionalAnswer: provisionalAnswer
        ? { sentAt: provisionalAnswer.sentAt.toISOString(), expectedDecisionDate: provisionalAnswer.expectedDecisionDate }
        : null,
      canWriteNotes: principal.roles.some((role) => role === 'caseworker' || role === 'approver'),
      callerHasConflict,
      actions,
    };
  }
}
