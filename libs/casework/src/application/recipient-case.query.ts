import { Injectable } from '@nestjs/common';
import type { Principal } from '@imdi/auth';
import { CaseError, CaseLifecycle } from '@imdi/cases';
import { ApplicationLookup, scopeOf } from '@imdi/intake';
import { CasePayouts, type CasePayoutsView } from '@imdi/payments';
import { DataSource } from 'typeorm';
import type { DecisionOutcome } from '../domain/decision-rules';
import { AppealRepository } from '../infrastructure/appeal.repository';
import { CaseworkRepository } from '../infrastructure/casework.repository';
import { acceptanceDeadline } from '../domain/appeal-deadline';
import { DecisionLetters } from './decision-letters.service';

/**
 * What happened on a case, as the recipient may read it: the decision once its letter is out (never a
 * proposal still inside IMDi), the date to accept by, the payout plan with payments made and due, and
 * any reclaim. Payments answer through their own port; the report has its own route.
 */
export interface RecipientCaseView {
  readonly caseId: string;
  readonly decision: {
    readonly outcome: DecisionOutcome;
    readonly grantedNok: string;
    readonly requestedNok: string | null;
    readonly reasons: string;
    readonly conditions: string;
    /** When the decision letter was produced. */
    readonly decidedAt: string;
  } | null;
  /** Oslo date the grant must be accepted by (the letter states it), while acceptance is open. */
  readonly acceptBy: string | null;
  readonly payouts: CasePayoutsView;
  /** The recipient's latest appeal of the decision and what became of it; null when there is none. */
  readonly appeal: RecipientAppealView | null;
}

export interface RecipientAppealView {
  readonly kind: 'klage' | 'renewed-assessment';
  readonly receivedAt: string;
  readonly late: boolean;
  /** IMDi's answer: reversed (a new decision follows) or upheld; null while IMDi considers it. */
  readonly imdiOutcome: 'reversed' | 'upheld' | null;
  readonly imdiDecidedAt: string | null;
  /** When an upheld klage went to the ministry as appeal body. */
  readonly forwardedAt: string | null;
  /** The ministry's final decision and its reasons (fvl. § 34), once recorded. */
  readonly ministryDecision: { readonly outcome: 'upheld' | 'reversed'; readonly reasons: string; readonly decidedAt: string } | null;
}

@Injectable()
export class RecipientCaseQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseLifecycle,
    private readonly applications: ApplicationLookup,
    private readonly repository: CaseworkRepository,
    private readonly letters: DecisionLetters,
    private readonly payouts: CasePayouts,
    private readonly appeals: AppealRepository,
  ) {}

  async get(caseId: string, principal: Principal): Promise<RecipientCaseView> {
    const manager = this.dataSource.manager;
    if (!(await this.applications.find(manager, caseId, scopeOf(principal)))) {
      throw new CaseError('CASE_NOT_FOUND', `Fant ingen sak med id ${caseId} som du har tilgang til.`, { caseId });
    }
    const [file, decision, letters, payouts, appeal] = await Promise.all([
      this.cases.find(manager, caseId),
      this.repository.currentDecision(manager, caseId),
      this.letters.list(manager, caseId),
      this.payouts.forCase(caseId, principal),
      this.appeals.latestOf(manager, caseId),
    ]);
    const letter = decision ? [...letters].reverse().find((candidate) => candidate.kind === (decision.outcome === 'refused' ? 'refusal' : 'grant')) : undefined;
    const told = decision && letter && decision.status === 'approved' ? decision : undefined;
    return {
      caseId,
      decision: told
        ? {
            outcome: told.outcome,
            grantedNok: told.amount.toDecimalString(),
            requestedNok: told.requested?.toDecimalString() ?? null,
            reasons: told.reasons,
            conditions: told.conditions,
            decidedAt: letter!.producedAt,
          }
        : null,
      acceptBy: letter && letter.kind === 'grant' && file?.status === 'letter_sent' ? acceptanceDeadline(new Date(letter.producedAt)).lastDay : null,
      payouts,
      appeal: appeal
        ? {
            kind: appeal.kind,
            receivedAt: appeal.received_at.toISOString(),
            late: appeal.late,
            imdiOutcome: appeal.outcome,
            imdiDecidedAt: appeal.outcome ? (appeal.decided_at?.toISOString() ?? null) : null,
            forwardedAt: appeal.forwarded_at?.toISOString() ?? null,
            ministryDecision:
              appeal.ministry_outcome && appeal.ministry_decided_at
                ? { outcome: appeal.ministry_outcome, reasons: appeal.ministry_reasons ?? '', decidedAt: appeal.ministry_decided_at.toISOString() }
                : null,
          }
        : null,
    };
  }
}
