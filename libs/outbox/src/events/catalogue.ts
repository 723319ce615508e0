import { defineDomainEvent } from './domain-event';

/*
 * The published language between contexts: every domain event, its version and its payload. Events
 * carry ids and facts (amounts as integer øre in decimal strings, Oslo dates as YYYY-MM-DD, instants as
 * ISO strings), never whole records; a subscriber that needs more asks the owner through its port.
 * A payload change that removes or changes a field is a new version; adding an optional field is not.
 * EVENTS.md beside the outbox library lists them for people.
 */

/** The facts that name a case in every case event. */
export interface CaseFacts {
  readonly caseId: string;
  readonly caseNumber: string;
  readonly organisationNumber: string;
  readonly schemeCode: string;
  readonly budgetYear: number;
}

/** The case facts of a case file (anything with its id, number, organisation, scheme and year). */
export function caseFactsOf(file: {
  readonly id: string;
  readonly caseNumber: string | null;
  readonly organisationNumber: string;
  readonly schemeCode: string;
  readonly budgetYear: number;
}): CaseFacts {
  return {
    caseId: file.id,
    caseNumber: file.caseNumber ?? '',
    organisationNumber: file.organisationNumber,
    schemeCode: file.schemeCode,
    budgetYear: file.budgetYear,
  };
}

export interface ApplicationSubmittedV1 extends CaseFacts {
  readonly requestedOre: string;
  /** The instant of receipt. */
  readonly receivedAt: string;
}
/** Published by intake (inside the submit function, in SQL) when an application is received and numbered. */
export const APPLICATION_SUBMITTED = defineDomainEvent<ApplicationSubmittedV1>('ApplicationSubmitted', 1, 'intake');

export interface ReceiptIssuedV1 extends CaseFacts {
  /** The instant the receipt (kvittering) was rendered and stored; it goes to the applicant then. */
  readonly issuedAt: string;
  /** The receipt's document number in the case, from cases' CaseDocuments (the receipt prints none). */
  readonly documentNumber: number;
  /** SHA-256 of the stored receipt PDF. */
  readonly sha256: string;
}
/** Published by intake when the receipt of a submitted application is stored (once); its PDF through intake's `IntakeDocuments` port. */
export const RECEIPT_ISSUED = defineDomainEvent<ReceiptIssuedV1>('ReceiptIssued', 1, 'intake');

export interface DecisionApprovedV1 extends CaseFacts {
  readonly decisionId: string;
  /** granted, partly_granted or refused. */
  readonly outcome: string;
  readonly amountOre: string;
  readonly budgetPost: string;
  readonly earmarkCode: string | null;
  /** The instant of the approver's decision. */
  readonly decidedAt: string;
}
/** Published by casework when an approver decides a proposal (a refusal too: outcome refused). */
export const DECISION_APPROVED = defineDomainEvent<DecisionApprovedV1>('DecisionApproved', 1, 'casework');

export interface PreNotificationSentV1 extends CaseFacts {
  readonly notificationId: string;
  /** The mail's Message-ID as the ministry's server took it. */
  readonly messageId: string | null;
}
/** Published by casework per case when the ministry's mail server has taken the pre-notification of its decision (Instruks 6.1): the case is then ministry_notified. */
export const PRE_NOTIFICATION_SENT = defineDomainEvent<PreNotificationSentV1>('PreNotificationSent', 1, 'casework');

export interface LetterSentV1 extends CaseFacts {
  readonly letterId: string;
  /** grant or refusal. */
  readonly kind: string;
  readonly decisionId: string;
  readonly sentAt: string;
  /** The letter's document number in the case (from cases' CaseDocuments); absent on events published before it was added. */
  readonly documentNumber?: number;
}
/** Published by casework when a decision letter is produced and sent to the recipient. */
export const LETTER_SENT = defineDomainEvent<LetterSentV1>('LetterSent', 1, 'casework');

export interface GrantAcceptedV1 extends CaseFacts {
  readonly decisionId: string;
  readonly amountOre: string;
  /** Chapter.post, e.g. 496.62. */
  readonly budgetPost: string;
  readonly earmarkCode: string | null;
  /** Oslo date of acceptance. */
  readonly acceptedOn: string;
  /** The account the recipient gave, as registered at acceptance. */
  readonly accountNumber: string;
  /** The project's last day from the application, when it has one. */
  readonly periodEnd: string | null;
}
/** Published by casework when the recipient accepts the grant and its conditions. */
export const GRANT_ACCEPTED = defineDomainEvent<GrantAcceptedV1>('GrantAccepted', 1, 'casework');

export interface AppealReceivedV1 extends CaseFacts {
  readonly appealId: string;
  readonly decisionId: string;
  /** klage (an enkeltvedtak) or renewed-assessment. */
  readonly kind: string;
  readonly receivedAt: string;
  /** After the appeal deadline (it may still be heard). */
  readonly late: boolean;
}
/** Published by casework when a recipient's appeal is registered. */
export const APPEAL_RECEIVED = defineDomainEvent<AppealReceivedV1>('AppealReceived', 1, 'casework');

export interface RecipientReportSubmittedV1 extends CaseFacts {
  readonly reportId: string;
  readonly spentOre: string | null;
  readonly submittedAt: string;
  /** Submitted after its due date. */
  readonly late: boolean;
  /** This submission as sent (a report sent again keeps each); absent in events published before it was added. */
  readonly submissionId?: string;
}
/** Published by recipient-reports when the recipient submits the report on the use of the grant. */
export const RECIPIENT_REPORT_SUBMITTED = defineDomainEvent<RecipientReportSubmittedV1>('RecipientReportSubmitted', 1, 'recipient-reports');

export interface ReportApprovedV1 extends CaseFacts {
  readonly reportId: string;
  /** Oslo date of approval: a held-back share falls due on it. */
  readonly approvedOn: string;
}
/** Published by recipient-reports when a caseworker approves the recipient's report. */
export const REPORT_APPROVED = defineDomainEvent<ReportApprovedV1>('ReportApproved', 1, 'recipient-reports');

export interface ReclaimNoticeSentV1 extends CaseFacts {
  readonly noticeId: string;
  readonly amountOre: string;
  /** Oslo date by which the recipient may comment. */
  readonly commentDeadline: string;
  readonly sentAt: string;
  /** The notice's document number in the case (from cases' CaseDocuments); absent on events published before it was added. */
  readonly documentNumber?: number;
}
/** Published by payments when a notice of reclaim (forhåndsvarsel) goes to the recipient. */
export const RECLAIM_NOTICE_SENT = defineDomainEvent<ReclaimNoticeSentV1>('ReclaimNoticeSent', 1, 'payments');

export interface ProvisionalAnswerSentV1 extends CaseFacts {
  /** The instant the provisional answer (fvl. § 11 a) was produced and sent. */
  readonly sentAt: string;
  /** Oslo date the answer promises a decision by. */
  readonly expectedDecisionDate: string;
  /** The answer's document number in the case (its "Vår ref."), from cases' CaseDocuments. */
  readonly documentNumber?: number;
}
/** Published by casework when a provisional answer goes to an applicant still waiting for a decision. */
export const PROVISIONAL_ANSWER_SENT = defineDomainEvent<ProvisionalAnswerSentV1>('ProvisionalAnswerSent', 1, 'casework');

export interface CaseAssignedV1 extends CaseFacts {
  /** The caseworker's user id. */
  readonly caseworkerId: string;
  readonly caseworkerName: string | null;
  readonly assignedAt: string;
}
/** Published by casework when a case is assigned to a caseworker (or reassigned). */
export const CASE_ASSIGNED = defineDomainEvent<CaseAssignedV1>('CaseAssigned', 1, 'casework');

export interface CaseClosedV1 extends CaseFacts {
  readonly closedAt: string;
}
/** Published by casework when a caseworker closes a case that has come to its end (`POST /casework/cases/:id/close`). */
export const CASE_CLOSED = defineDomainEvent<CaseClosedV1>('CaseClosed', 1, 'casework');

export interface ReclaimCommentReceivedV1 extends CaseFacts {
  readonly noticeId: string;
  readonly receivedAt: string;
}
/** Published by payments when the recipient's comment on a reclaim notice is registered (fvl. § 16). */
export const RECLAIM_COMMENT_RECEIVED = defineDomainEvent<ReclaimCommentReceivedV1>('ReclaimCommentReceived', 1, 'payments');

export interface ReclaimDecidedV1 extends CaseFacts {
  readonly reclaimId: string;
  readonly noticeId: string | null;
  readonly amountOre: string;
  /** Oslo date the amount is due. */
  readonly dueOn: string;
  readonly decidedAt: string;
  /** The decision letter's document number in the case (from cases' CaseDocuments); absent on events published before it was added. */
  readonly documentNumber?: number;
}
/** Published by payments when a reclaim is decided (demanded). */
export const RECLAIM_DECIDED = defineDomainEvent<ReclaimDecidedV1>('ReclaimDecided', 1, 'payments');

export interface AssessmentRecordedV1 extends CaseFacts {
  readonly totalScore: number;
  readonly assessedAt: string;
  /** This assessment as recorded (a case assessed again keeps each); absent in events published before it was added. */
  readonly assessmentId?: string;
}
/** Published by casework when a caseworker records the assessment of a søkbar application. */
export const ASSESSMENT_RECORDED = defineDomainEvent<AssessmentRecordedV1>('AssessmentRecorded', 1, 'casework');

export interface DecisionProposedV1 extends CaseFacts {
  readonly decisionId: string;
  /** granted, partly_granted or refused. */
  readonly outcome: string;
  readonly amountOre: string;
  readonly proposedAt: string;
}
/** Published by casework when a caseworker proposes a decision for the approver. */
export const DECISION_PROPOSED = defineDomainEvent<DecisionProposedV1>('DecisionProposed', 1, 'casework');

export interface AppealDecidedV1 extends CaseFacts {
  readonly appealId: string;
  /** upheld (forwarded to the ministry when a klage) or reversed (the case is assessed again). */
  readonly outcome: string;
  readonly forwardedToMinistry: boolean;
  readonly decidedAt: string;
}
/** Published by casework when IMDi answers an appeal: upholds its decision or reverses it. */
export const APPEAL_DECIDED = defineDomainEvent<AppealDecidedV1>('AppealDecided', 1, 'casework');

export interface MinistryAppealDecidedV1 extends CaseFacts {
  readonly appealId: string;
  /** upheld (the case stays decided) or reversed (the case goes back to IMDi for a new assessment). */
  readonly outcome: string;
  readonly decidedAt: string;
}
/** Published by casework when the ministry, as appeal body, records its decision on a forwarded klage. */
export const MINISTRY_APPEAL_DECIDED = defineDomainEvent<MinistryAppealDecidedV1>('MinistryAppealDecided', 1, 'casework');
