import type { Role } from '@imdi/auth';
import { availableTransitions, type CaseStatus, type SchemeKindOfCase } from '@imdi/cases';

/** What a member of staff can do with a case now; the web offers exactly these. */
export const STAFF_ACTIONS = [
  'assign',
  'declareConflict',
  'rejectFormally',
  'assess',
  'propose',
  'approve',
  'returnForAssessment',
  'gatherMinistryNotification',
  'previewLetter',
  'sendLetter',
  'reverseAppeal',
  'upholdAppeal',
  'reclaimNotice',
  'sendProvisionalAnswer',
] as const;
export type StaffActionCode = (typeof STAFF_ACTIONS)[number];

export interface StaffAction {
  readonly code: StaffActionCode;
  /** The button's text, in bokmål. */
  readonly label: string;
}

const LABELS: Record<StaffActionCode, string> = {
  assign: 'Tildel saksbehandler',
  declareConflict: 'Meld inhabilitet',
  rejectFormally: 'Avvis søknaden formelt',
  assess: 'Vurder søknaden',
  propose: 'Foreslå vedtak',
  approve: 'Godkjenn vedtaket',
  returnForAssessment: 'Send tilbake til saksbehandler',
  gatherMinistryNotification: 'Send forhåndsorientering til departementet',
  previewLetter: 'Forhåndsvis brevet',
  sendLetter: 'Send brevet',
  reverseAppeal: 'Omgjør vedtaket',
  upholdAppeal: 'Oppretthold vedtaket og send klagen til departementet',
  reclaimNotice: 'Varsle tilbakekreving',
  sendProvisionalAnswer: 'Send foreløpig svar',
};

/** Statuses in which the case is done from casework's side: nothing more is to be decided or followed up. */
export const FINISHED_STATUSES: readonly CaseStatus[] = ['draft', 'closed', 'withdrawn', 'rejected_formal', 'upheld', 'report_approved'];

/** Statuses in which money has been paid out, so a reclaim may be noticed (fvl. § 16). */
const PAID_STATUSES: readonly CaseStatus[] = ['paid', 'report_due', 'report_approved'];

export interface StaffActionFacts {
  readonly status: CaseStatus;
  readonly schemeKind: SchemeKindOfCase;
  readonly roles: readonly Role[];
  readonly userId: string;
  /** The caller has declared a conflict of interest with the applicant (fvl. § 6). */
  readonly conflictOfInterest: boolean;
  readonly hasAssessmentCriteria: boolean;
  readonly decision: { readonly status: 'proposed' | 'approved' | 'superseded'; readonly proposedBy: string; readonly outcome: string } | null;
  /** Instruks 6.1: the decision must be pre-notified and is not yet in a notification. */
  readonly awaitsMinistryNotification: boolean;
  readonly appealOpen: boolean;
  /** The applicant has had the provisional answer (fvl. § 11a); it is sent once. */
  readonly provisionalAnswerSent: boolean;
}

/** Statuses in which the application is still undecided, so a provisional answer may be owed (fvl. § 11a). */
const UNDECIDED_STATUSES: readonly CaseStatus[] = ['submitted', 'in_assessment', 'proposed'];

/**
 * The actions the caller may take on the case now, from the state machine, the caller's roles,
 * habilitet and four eyes. The server still checks each action when it is taken.
 */
export function staffActions(facts: StaffActionFacts): StaffAction[] {
  const has = (...roles: Role[]) => roles.some((role) => facts.roles.includes(role));
  const transitions = availableTransitions({ status: facts.status, schemeKind: facts.schemeKind });
  const impartial = !facts.conflictOfInterest;
  const open = !FINISHED_STATUSES.includes(facts.status);
  const codes: StaffActionCode[] = [];
  if (open && has('caseworker', 'approver', 'admin')) codes.push('assign');
  if (!facts.conflictOfInterest && has('caseworker', 'approver')) codes.push('declareConflict');
  if (impartial && has('caseworker')) {
    if (transitions.includes('rejectFormally')) codes.push('rejectFormally');
    if (facts.hasAssessmentCriteria && (facts.status === 'submitted' || facts.status === 'in_assessment')) codes.push('assess');
    if (transitions.includes('propose') || facts.status === 'submitted') codes.push('propose');
  }
  const ownProposal = facts.decision?.proposedBy === facts.userId;
  if (impartial && has('approver') && facts.status === 'proposed' && facts.decision?.status === 'proposed' && !ownProposal) {
    codes.push('approve', 'returnForAssessment');
  }
  if (has('caseworker', 'approver') && facts.awaitsMinistryNotification && transitions.includes('notifyMinistry')) codes.push('gatherMinistryNotification');
  if (has('caseworker', 'approver') && transitions.includes('sendLetter')) codes.push('previewLetter', 'sendLetter');
  if (impartial && has('caseworker') && facts.status === 'appeal_received' && facts.appealOpen) codes.push('reverseAppeal', 'upholdAppeal');
  if (impartial && has('caseworker') && PAID_STATUSES.includes(facts.status)) codes.push('reclaimNotice');
  if (impartial && has('caseworker') && UNDECIDED_STATUSES.includes(facts.status) && !facts.provisionalAnswerSent) codes.push('sendProvisionalAnswer');
  return codes.map((code) => ({ code, label: LABELS[code] }));
}
