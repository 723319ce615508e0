import { CASE_STATUSES, type CaseStatus } from './case-status';
import { CaseError } from './case.errors';

export const SCHEME_KINDS_OF_CASES = ['sokbar', 'rettighet', 'navngitt'] as const;
export type SchemeKindOfCase = (typeof SCHEME_KINDS_OF_CASES)[number];

/** What a transition's guard may look at. */
export interface CaseFacts {
  readonly status: CaseStatus;
  readonly schemeKind: SchemeKindOfCase;
}

interface TransitionRule {
  readonly from: readonly CaseStatus[];
  readonly to: CaseStatus;
  /** A reason the transition is refused in this case, or undefined when it may happen. */
  readonly guard?: (facts: CaseFacts) => string | undefined;
}

/**
 * Every transition of a case, named as the business names it. Instruks 6.1: a søkbar decision's
 * letter waits for the ministry notification; rettighet and navngitt decisions skip that step.
 */
export const CASE_TRANSITIONS = {
  submit: { from: ['draft'], to: 'submitted' },
  // A draft is not withdrawn but left: it has no case number, which every status after draft has.
  withdraw: { from: ['submitted', 'in_assessment', 'proposed'], to: 'withdrawn' },
  rejectFormally: { from: ['submitted', 'in_assessment'], to: 'rejected_formal' },
  startAssessment: { from: ['submitted'], to: 'in_assessment' },
  propose: { from: ['in_assessment', 'proposed', 'appeal_received'], to: 'proposed' },
  returnForAssessment: { from: ['proposed'], to: 'in_assessment' },
  approve: { from: ['proposed'], to: 'approved' },
  refuse: { from: ['proposed'], to: 'refused' },
  notifyMinistry: {
    from: ['approved'],
    to: 'ministry_notified',
    guard: (facts) => (facts.schemeKind === 'sokbar' ? undefined : 'only søkbar decisions are pre-notified to the ministry (Instruks 6.1)'),
  },
  sendLetter: {
    from: ['approved', 'ministry_notified', 'refused'],
    to: 'letter_sent',
    guard: (facts) =>
      facts.status === 'approved' && facts.schemeKind === 'sokbar'
        ? 'the ministry must be notified of a søkbar decision before its grant letter is sent (Instruks 6.1)'
        : undefined,
  },
  accept: { from: ['letter_sent'], to: 'accepted' },
  recordPayment: { from: ['accepted', 'paid'], to: 'paid' },
  // The report may come before the last instalment: a share held back until it is approved.
  requireReport: { from: ['accepted', 'paid'], to: 'report_due' },
  approveReport: { from: ['report_due'], to: 'report_approved' },
  close: { from: ['report_approved', 'letter_sent', 'rejected_formal', 'withdrawn', 'upheld'], to: 'closed' },
  appeal: { from: ['letter_sent', 'closed'], to: 'appeal_received' },
  uphold: { from: ['appeal_received'], to: 'upheld' },
  // fvl. § 34: the ministry, as appeal body, gives the applicant right; IMDi assesses the case again.
  // An upheld case may have been closed while the ministry considered the klage: the reversal reopens it.
  ministryReverse: { from: ['upheld', 'closed'], to: 'in_assessment' },
} as const satisfies Record<string, TransitionRule>;

export type CaseTransition = keyof typeof CASE_TRANSITIONS;

/** The status a transition leads to from the case's current state; throws a coded refusal otherwise. */
export function nextStatus(facts: CaseFacts, transition: CaseTransition): CaseStatus {
  const rule: TransitionRule = CASE_TRANSITIONS[transition];
  if (!rule.from.includes(facts.status)) {
    throw new CaseError('ILLEGAL_TRANSITION', `Handlingen «${transition}» kan ikke gjøres når saken har status «${facts.status}».`, {
      currentStatus: facts.status,
      transition,
      allowedFrom: rule.from,
    });
  }
  const refusal = rule.guard?.(facts);
  if (refusal) {
    throw new CaseError('TRANSITION_NOT_ALLOWED', `Handlingen «${transition}» kan ikke gjøres nå: ${refusal}`, { currentStatus: facts.status, transition });
  }
  return rule.to;
}

/** The transitions open to a case now: what the user interface offers. */
export function availableTransitions(facts: CaseFacts): CaseTransition[] {
  return (Object.keys(CASE_TRANSITIONS) as CaseTransition[]).filter((transition) => {
    const rule: TransitionRule = CASE_TRANSITIONS[transition];
    return rule.from.includes(facts.status) && !rule.guard?.(facts);
  });
}

/** A move a transition allows: from a status, for a kind of scheme, to the new status. */
export interface CaseMove {
  readonly fromStatus: CaseStatus;
  readonly schemeKind: SchemeKindOfCase;
  readonly toStatus: CaseStatus;
}

/**
 * The state machine's answer for one transition as a table, guards included: every status and
 * scheme kind it may happen from. A write done in one database statement takes it as a parameter,
 * so the rules still live here and only here.
 */
export function movesOf(transition: CaseTransition): CaseMove[] {
  const moves: CaseMove[] = [];
  for (const fromStatus of CASE_STATUSES) {
    for (const schemeKind of SCHEME_KINDS_OF_CASES) {
      if (availableTransitions({ status: fromStatus, schemeKind }).includes(transition))
        moves.push({ fromStatus, schemeKind, toStatus: CASE_TRANSITIONS[transition].to });
    }
  }
  return moves;
}
