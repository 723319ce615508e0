/** A document casework produced, as it was sent: the PDF/A-2b file and what to call it. */
export interface ProducedDocument {
  readonly fileName: string;
  readonly mediaType: 'application/pdf';
  readonly content: Buffer;
}

/**
 * The port casework exports for the documents it produces (decision letters, provisional answers),
 * so another context (the journal) can archive them without reading casework's tables.
 * Undefined when no such document exists.
 */
export abstract class CaseworkDocuments {
  /** The grant or refusal letter `letterId` names (LetterSent's letterId). */
  abstract decisionLetter(letterId: string): Promise<ProducedDocument | undefined>;
  /** The provisional answer sent in the case. */
  abstract provisionalAnswer(caseId: string): Promise<ProducedDocument | undefined>;
  /**
   * The caseworker's assessment of the case (an internal note), rendered in the applicant's written
   * standard: the one AssessmentRecorded's assessmentId names, or the case's current one.
   */
  abstract assessment(caseId: string, assessmentId?: string): Promise<ProducedDocument | undefined>;
  /** IMDi's answer to the appeal `appealId` names (AppealDecided's appealId), once decided. */
  abstract appealDecision(appealId: string): Promise<ProducedDocument | undefined>;
  /** The pre-notification to the ministry (PreNotificationSent's notificationId): its e-mail, rendered as PDF/A. */
  abstract preNotification(notificationId: string): Promise<ProducedDocument | undefined>;
  /**
   * The ministry's decision, as appeal body, on the forwarded klage `appealId` names (MinistryAppealDecided's
   * appealId), rendered as PDF/A: outcome, reasons, date and case number. Undefined until the ministry decided.
   */
  abstract ministryAppealDecision(appealId: string): Promise<ProducedDocument | undefined>;
}
