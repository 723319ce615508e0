/** The name the decision letter goes by, to the recipient and in the archive. */
export const DECISION_FILE_NAME = 'vedtak-om-tilbakekreving.pdf';

/** A document payments produced, as it was sent: the PDF/A-2b file and what to call it. */
export interface ReclaimDocument {
  readonly fileName: string;
  readonly mediaType: 'application/pdf';
  readonly content: Buffer;
}

/**
 * The port payments exports for the reclaim documents it produces, so another context (the journal)
 * can archive them without reading payments' tables. Undefined when no such document exists.
 */
export abstract class ReclaimDocuments {
  /** The notice of reclaim (forhåndsvarsel, fvl. § 16) `noticeId` names. */
  abstract notice(noticeId: string): Promise<ReclaimDocument | undefined>;
  /** The decision to reclaim (ReclaimDecided's reclaimId), as a letter in the recipient's written standard. */
  abstract decision(reclaimId: string): Promise<ReclaimDocument | undefined>;
}
