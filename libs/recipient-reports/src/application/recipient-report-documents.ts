/** A file of the report as the archive gets it. */
export interface RecipientReportFile {
  readonly fileName: string;
  readonly mediaType: string;
  readonly content: Buffer;
}

/**
 * The port recipient-reports exports for the report a recipient submitted, so another context (the
 * journal) can archive it without reading this context's tables: the report rendered as PDF/A-2b in
 * the recipient's written standard, and the attachments as uploaded. Undefined before it is submitted.
 */
export abstract class RecipientReportDocuments {
  /** The submission RecipientReportSubmitted's submissionId names, or (without one) the report as it stands. */
  abstract report(
    reportId: string,
    submissionId?: string,
  ): Promise<{ readonly report: RecipientReportFile; readonly attachments: readonly RecipientReportFile[] } | undefined>;
}

export const RECIPIENT_REPORT_TEXT = {
  nb: {
    title: 'Rapport fra tilskuddsmottaker',
    caseNumber: 'Saksnummer',
    recipient: 'Tilskuddsmottaker',
    scheme: 'Tilskuddsordning og budsjettår',
    submitted: 'Sendt inn',
    due: 'Rapportfrist',
    granted: 'Tilsagt beløp',
    spent: 'Brukt beløp',
    useOfFunds: 'Bruk av midlene',
    results: 'Resultater',
    goalAchievement: 'Måloppnåelse',
    participants: 'Deltakere',
    female: 'Kvinner',
    male: 'Menn',
    accounts: 'Regnskap',
    auditor: 'Regnskapet er bekreftet av revisor',
    yes: 'Ja',
    no: 'Nei',
    attachments: 'Vedlegg',
    none: 'Ingen vedlegg',
  },
  nn: {
    title: 'Rapport frå tilskotsmottakar',
    caseNumber: 'Saksnummer',
    recipient: 'Tilskotsmottakar',
    scheme: 'Tilskotsordning og budsjettår',
    submitted: 'Send inn',
    due: 'Rapportfrist',
    granted: 'Tilsett beløp',
    spent: 'Brukt beløp',
    useOfFunds: 'Bruk av midlane',
    results: 'Resultat',
    goalAchievement: 'Måloppnåing',
    participants: 'Deltakarar',
    female: 'Kvinner',
    male: 'Menn',
    accounts: 'Rekneskap',
    auditor: 'Rekneskapen er stadfesta av revisor',
    yes: 'Ja',
    no: 'Nei',
    attachments: 'Vedlegg',
    none: 'Ingen vedlegg',
  },
} as const;
