import type { CorrespondenceParty } from '../domain/public-access';
import type { JournalDocumentKind } from '../domain/journal-document-kind';

/** What the journal needs to know about a case to keep its case file. */
export interface CaseFacts {
  readonly caseId: string;
  readonly caseNumber: string;
  readonly schemeCode: string;
  readonly schemeName: string;
  readonly budgetYear: number;
  readonly organisationNumber: string;
  readonly organisationName: string;
  /** The date the case began (the application was received), Oslo calendar date. */
  readonly caseDate: string;
}

export interface JournalDocumentFile {
  readonly title: string;
  readonly role: 'main' | 'attachment';
  readonly fileName: string;
  readonly mediaType: string;
  readonly content: Buffer;
}

/**
 * A document another context produced and keeps (a letter's PDF): named here, fetched from its owner's
 * port when the entry is delivered to the archive.
 */
export interface ProducedDocumentSource {
  readonly owner:
    | 'intake-receipt'
    | 'casework-decision-letter'
    | 'casework-provisional-answer'
    | 'casework-assessment'
    | 'casework-appeal-decision'
    | 'casework-pre-notification'
    | 'casework-ministry-appeal-decision'
    | 'payments-reclaim-notice'
    | 'payments-reclaim-decision'
    | 'recipient-report';
  /**
   * The owner's id of the document: the case for a receipt, a provisional answer or an assessment; the
   * letter, appeal (IMDi's answer, the ministry's decision), pre-notification, notice, reclaim or report otherwise.
   */
  readonly id: string;
  /** Which version of the document, where its owner keeps several under one id (a case's assessments, a report's submissions). */
  readonly version?: string;
  readonly title: string;
}

/** One document received, sent or written in a case, as an event told it. */
export interface JournalFact {
  /** Names the event the entry records (`application-submitted:<caseId>`): an event journals once. */
  readonly sourceKey: string;
  readonly case: CaseFacts;
  readonly kind: JournalDocumentKind;
  /** What the document is about beyond its kind, e.g. the project's title. */
  readonly subject?: string;
  /** When it was received or sent (or written, for internal notes). */
  readonly occurredAt: Date;
  /** The document's own date, Oslo calendar date; the day it occurred when not given. */
  readonly documentDate?: string;
  readonly parties: readonly CorrespondenceParty[];
  /** Private persons named in the document: removed from public titles. */
  readonly privatePersonNames: readonly string[];
  /** The document's text, searched for personal data when proposing screening. */
  readonly content: string;
  readonly documents: readonly JournalDocumentFile[];
  /**
   * The document's number in the case when the document already has one (a letter's "Vår ref."), or
   * the application's 1; otherwise the journal takes the next from cases' CaseDocuments.
   */
  readonly documentNumber?: number;
  /** The produced document (main document) the archive gets with the entry, fetched at delivery. */
  readonly producedDocument?: ProducedDocumentSource;
  /** The caseworker who handles the case, when the fact tells. */
  readonly caseworker?: string;
}
