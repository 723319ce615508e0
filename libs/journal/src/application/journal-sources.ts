import type { CorrespondenceParty } from '../domain/public-access';
import type { CaseFacts, JournalDocumentFile, ProducedDocumentSource } from './journal-facts';

/** What an event names a case by. */
export interface CaseReference {
  readonly caseId: string;
  readonly caseNumber: string;
  readonly organisationNumber: string;
  readonly schemeCode: string;
  readonly budgetYear: number;
}

export interface ReceivedApplication {
  readonly subject: string;
  readonly privatePersonNames: readonly string[];
  readonly content: string;
  readonly documents: readonly JournalDocumentFile[];
}

/**
 * What the journal asks the contexts that own the facts (through their exported ports): the
 * organisation's, the scheme's and the responsible ministry's names, the application as received.
 */
export abstract class JournalSources {
  abstract caseFacts(reference: CaseReference, caseDate: string): Promise<CaseFacts>;
  abstract organisationParty(organisationNumber: string, role: CorrespondenceParty['role']): Promise<CorrespondenceParty>;
  /**
   * The ministry IMDi answered to in the budget year (budget's responsible ministry, as the year's
   * allocation letter names it; the one the pre-notification goes to), as a correspondence party.
   */
  abstract ministryParty(budgetYear: number, role: CorrespondenceParty['role']): Promise<CorrespondenceParty>;
  abstract application(caseId: string): Promise<ReceivedApplication>;
}

/** A produced document's file, as its owner keeps it. */
export interface ProducedDocumentFile {
  readonly fileName: string;
  readonly mediaType: string;
  readonly content: Buffer;
  /** Files that came with it (a report's attachments), in their original format. */
  readonly attachments?: ReadonlyArray<{ readonly fileName: string; readonly mediaType: string; readonly content: Buffer }>;
}

/**
 * The produced documents (letters' PDFs) the archive delivery fetches from the contexts that own them,
 * through the ports they export. Undefined when the owner has no such document.
 */
export abstract class ProducedDocuments {
  abstract fetch(source: ProducedDocumentSource): Promise<ProducedDocumentFile | undefined>;
}
