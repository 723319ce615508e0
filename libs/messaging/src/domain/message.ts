/** How a message leaves: e-mail over SMTP, or digital post through eFormidling's integration point. */
export type MessageChannel = 'email' | 'eformidling';

export type Language = 'nb' | 'nn';

/**
 * queued → sending (one attempt holds a lease) → handed_over (SMTP 2xx / the integration point took
 * it) → delivered → read (where the channel reports it: eFormidling's LEVERT and LEST); failed is
 * permanent and carries its reason until someone resends. A digital-post message can still fail
 * after hand-over, when the integration point reports FEIL or LEVETID_UTLOPT.
 */
export type MessageState = 'queued' | 'sending' | 'handed_over' | 'delivered' | 'read' | 'failed';

export type MessageKind =
  | 'receipt'
  | 'letter-ready'
  | 'report-reminder'
  | 'reclaim-notice'
  | 'ministry-pre-notification'
  | 'decision-letter'
  | 'provisional-answer'
  | 'reclaim-notice-letter'
  | 'assignment-letter'
  | 'appeal-decided'
  | 'reclaim-decision'
  | 'reclaim-decision-letter';

export interface MessageText {
  readonly subject: string;
  readonly body: string;
}

export interface Message {
  readonly id: string;
  readonly channel: MessageChannel;
  readonly kind: MessageKind;
  readonly recipient: string;
  readonly language: Language;
  readonly subject: string;
  readonly body: string;
  readonly caseId: string | null;
  readonly reference: string | null;
  readonly state: MessageState;
  readonly failureReason: string | null;
  readonly lastError: string | null;
  readonly attempts: number;
  /** SMTP: the Message-ID header. eFormidling: the integration point's messageId (a UUID, new for each resend). */
  readonly messageId: string;
  /** eFormidling's conversationId: the same for the message's whole life, resends included. */
  readonly conversationId: string;
  /** What the archive message says about a digital-post letter; null for e-mail. */
  readonly letter: DigitalLetter | null;
  /** The file the letter travels as (e.g. vedtaksbrev.pdf); null for e-mail. */
  readonly documentName: string | null;
  /** The channel's last word on the message (eFormidling: OPPRETTET, SENDT, MOTTATT, LEVERT, LEST, FEIL …). */
  readonly channelStatus: string | null;
  readonly handedOverAt: Date | null;
  readonly deliveredAt: Date | null;
  readonly readAt: Date | null;
  readonly failedAt: Date | null;
  readonly createdAt: Date;
}

/** What every digital-post letter's arkivmelding says of it. Dates are Europe/Oslo calendar dates. */
interface DigitalLetterBase {
  readonly title: string;
  /** Noark 5 dokumenttype: a decision is «Vedtak» (the default), any other formal letter «Brev». */
  readonly documentType?: 'Vedtak' | 'Brev';
  /** The letter's date (journaldato / dokumentets dato). */
  readonly letterDate: string;
  readonly caseworker: string;
  readonly administrativeUnit: string;
  readonly recipientName: string;
  readonly senderName: string;
  /** The sending agency's organisation number (9 digits). */
  readonly senderOrganisationNumber: string;
}

/**
 * A formal letter in a case as digital post: its arkivmelding records one case folder (saksmappe)
 * with one outgoing registry entry (journalpost) with the letter as main document.
 */
export interface CaseDigitalLetter extends DigitalLetterBase {
  /** The case number, "2017/123". */
  readonly caseNumber: string;
  readonly caseTitle: string;
  /** When the case was opened (saksdato). */
  readonly caseDate: string;
  /** The letter's document number within the case (the n in 2017/123-n), from cases' CaseDocuments. */
  readonly documentNumber: number;
  readonly archivePart?: never;
}

/**
 * A formal letter that belongs to no case (an assignment letter): its arkivmelding records one
 * outgoing journalpost on its own, filed directly in an arkivdel (referanseArkivdel) for such letters.
 */
export interface StandaloneDigitalLetter extends DigitalLetterBase {
  /** The arkivdel it is filed in, e.g. "Oppdragsbrev frivillige-lokale 2017". */
  readonly archivePart: string;
  /** The entry's registreringsID, unique within the arkivdel (e.g. "OPPDRAG-2017-964338531"). */
  readonly registrationId: string;
  readonly caseNumber?: never;
}

export type DigitalLetter = CaseDigitalLetter | StandaloneDigitalLetter;

/** How the letter is referred to in texts: "2017/123-4", or the standalone entry's registration id. */
export function letterReference(letter: DigitalLetter): string {
  return letter.archivePart === undefined ? `${letter.caseNumber}-${letter.documentNumber}` : letter.registrationId;
}

/** What a channel answered to one attempt. */
export type SendOutcome =
  | { readonly kind: 'handed_over'; readonly response: string }
  | { readonly kind: 'temporary'; readonly reason: string }
  | { readonly kind: 'permanent'; readonly reason: string };

/** The message's state as the sender's context learns it (payload of its report-back job). */
export interface MessageStatusReport {
  readonly messageId: string;
  readonly reference: string | null;
  readonly state: 'queued' | 'handed_over' | 'failed';
  readonly reason?: string;
}

/** Bokmål always; nynorsk for recipients whose målform is nynorsk (not needed for a state agency writing to a ministry). */
export interface MessageTexts {
  readonly nb: MessageText;
  readonly nn?: MessageText;
}

/** Picks the recipient's written standard (målform); the other one is never stored. */
export function textFor(texts: MessageTexts, language: Language): { language: Language; text: MessageText } {
  return texts.nn && language === 'nn' ? { language: 'nn', text: texts.nn } : { language: 'nb', text: texts.nb };
}

/**
 * SMTP replies (RFC 5321 § 4.2.1): 2yz accepted, 4yz transient (try again), 5yz permanent. No reply
 * at all (refused, reset, timed out) is a server away, so transient.
 */
export function classifySmtpFailure(responseCode: number | undefined, message: string): SendOutcome {
  if (responseCode !== undefined && responseCode >= 500 && responseCode < 600) return { kind: 'permanent', reason: message };
  return { kind: 'temporary', reason: message };
}
