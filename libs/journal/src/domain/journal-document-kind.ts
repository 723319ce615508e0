/** Noark 5 journalposttype: I incoming, U outgoing, N internal note with follow-up, X internal note without. */
export type JournalEntryType = 'I' | 'U' | 'N' | 'X';

/** Every kind of document the system journals, and how each is journaled. */
export const JOURNAL_DOCUMENT_KINDS = {
  application: { type: 'I', title: 'Søknad om tilskudd' },
  'recipient-report': { type: 'I', title: 'Rapport fra tilskuddsmottaker' },
  appeal: { type: 'I', title: 'Klage på vedtak' },
  'reclaim-comment': { type: 'I', title: 'Merknad til varsel om tilbakekreving' },
  'ministry-appeal-decision': { type: 'I', title: 'Klagevedtak fra departementet' },
  receipt: { type: 'U', title: 'Kvittering for mottatt søknad' },
  'grant-letter': { type: 'U', title: 'Tilsagnsbrev' },
  'refusal-letter': { type: 'U', title: 'Avslag på søknad' },
  'provisional-answer': { type: 'U', title: 'Foreløpig svar' },
  'reclaim-notice': { type: 'U', title: 'Varsel om tilbakekreving' },
  'reclaim-decision': { type: 'U', title: 'Vedtak om tilbakekreving' },
  'assignment-letter': { type: 'U', title: 'Oppdragsbrev' },
  'ministry-pre-notification': { type: 'U', title: 'Forhåndsorientering til departementet' },
  'appeal-decision': { type: 'U', title: 'Svar på klage' },
  assessment: { type: 'N', title: 'Vurdering av søknad' },
  'decision-proposal': { type: 'N', title: 'Forslag til vedtak' },
  'report-approval': { type: 'X', title: 'Godkjenning av rapport' },
} as const satisfies Record<string, { type: JournalEntryType; title: string }>;

export type JournalDocumentKind = keyof typeof JOURNAL_DOCUMENT_KINDS;

export function isJournalDocumentKind(value: string): value is JournalDocumentKind {
  return Object.prototype.hasOwnProperty.call(JOURNAL_DOCUMENT_KINDS, value);
}

export function entryTypeOf(kind: JournalDocumentKind): JournalEntryType {
  return JOURNAL_DOCUMENT_KINDS[kind].type;
}

/** Noark 5 avskrivningsmåte: BU answered by a letter, TO taken into account, TE answered by phone/note. */
export type AnswerMethod = 'BU' | 'TO' | 'TE';

/**
 * Which incoming documents a new entry answers (avskriver): the grant or refusal letter answers the
 * application, the appeal's answer the appeal, the reclaim decision the comment on the notice, and
 * the approval note takes the report into account.
 */
export const ANSWERS: Partial<Record<JournalDocumentKind, { readonly answers: JournalDocumentKind; readonly method: AnswerMethod }>> = {
  'grant-letter': { answers: 'application', method: 'BU' },
  'refusal-letter': { answers: 'application', method: 'BU' },
  'appeal-decision': { answers: 'appeal', method: 'BU' },
  'reclaim-decision': { answers: 'reclaim-comment', method: 'BU' },
  'report-approval': { answers: 'recipient-report', method: 'TO' },
};

/** Noark 5 journalstatus: J journalført, F ferdigstilt fra saksbehandler, E ekspedert, A arkivert. */
export type JournalStatus = 'J' | 'F' | 'E' | 'A';

/** An entry is journaled (J) until its public access is settled; then ferdigstilt (F) or, if sent, ekspedert (E). */
export function finalStatusOf(type: JournalEntryType): JournalStatus {
  return type === 'U' ? 'E' : 'F';
}

/** `2017/000042`: journal year and the year's sequence number. */
export function formatJournalNumber(year: number, sequence: number): string {
  return `${year}/${String(sequence).padStart(6, '0')}`;
}
