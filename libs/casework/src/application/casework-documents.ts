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
}
