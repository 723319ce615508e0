import type { PdfLetterWriter } from '../pdf/pdf-letter.writer';

/** The sender in the letterhead: configuration, never words in a template. */
export interface AgencyLetterhead {
  readonly name: string;
  readonly shortName: string;
  readonly postalAddress: string;
  /** Nine digits; shown grouped, "988 295 388". */
  readonly organisationNumber: string;
  readonly email: string;
  readonly phone: string;
  readonly website: string;
}

export interface LetterRecipient {
  readonly name: string;
  readonly organisationNumber: string;
  /** The organisation's contact person (att.). */
  readonly attention: string | null;
  readonly postalAddress: { readonly addressLine: string; readonly postalCode: string; readonly postalPlace: string } | null;
}

export interface LetterPerson {
  readonly name: string;
  readonly title: string;
}

/** What makes a Norwegian public letter one: who writes, to whom, which case, who decided. */
export interface LetterFrame {
  readonly agency: AgencyLetterhead;
  readonly recipient: LetterRecipient;
  /** "Vår ref.": the case number and the document's number within the case, "2017/00123-2"; null for a letter outside a case. */
  readonly ourReference: string | null;
  /** "Deres ref.": the applicant's own reference, when they gave one. */
  readonly yourReference: string | null;
  /** Oslo date of the letter, "15.03.2017". */
  readonly date: string;
  /** The caseworker who sends the letter; null for a letter the system sends on IMDi's behalf. */
  readonly caseworker: LetterPerson | null;
  /** The approver, for decisions; null for letters the caseworker sends alone. */
  readonly approver: LetterPerson | null;
  readonly copyTo: readonly string[];
}

type FrameText = Record<
  'att' | 'ourRef' | 'yourRef' | 'date' | 'orgNo' | 'phone' | 'email' | 'regards' | 'unsigned' | 'caseworker' | 'contact' | 'copyTo',
  string
>;

const TEXT: Record<'nb' | 'nn', FrameText> = {
  nb: {
    att: 'Att.',
    ourRef: 'Vår ref.',
    yourRef: 'Deres ref.',
    date: 'Dato',
    orgNo: 'Org.nr.',
    phone: 'Telefon',
    email: 'E-post',
    regards: 'Med hilsen',
    unsigned: 'Dokumentet er elektronisk godkjent og har derfor ingen signatur.',
    caseworker: 'Saksbehandler',
    contact: 'Spørsmål om saken kan rettes til',
    copyTo: 'Kopi til',
  },
  nn: {
    att: 'Att.',
    ourRef: 'Vår ref.',
    yourRef: 'Dykkar ref.',
    date: 'Dato',
    orgNo: 'Org.nr.',
    phone: 'Telefon',
    email: 'E-post',
    regards: 'Med helsing',
    unsigned: 'Dokumentet er elektronisk godkjent og har difor inga underskrift.',
    caseworker: 'Sakshandsamar',
    contact: 'Spørsmål om saka kan rettast til',
    copyTo: 'Kopi til',
  },
};

/** The recipient block from a registered organisation; the application's own contact person, when given, is the att. */
export function letterRecipient(
  organisation: {
    readonly name: string;
    readonly organisationNumber: string;
    readonly contactName: string;
    readonly postalAddress: LetterRecipient['postalAddress'];
  },
  applicationContact?: unknown,
): LetterRecipient {
  const attention = typeof applicationContact === 'string' && applicationContact.trim() ? applicationContact.trim() : organisation.contactName;
  return {
    name: organisation.name,
    organisationNumber: organisation.organisationNumber,
    attention: attention || null,
    postalAddress: organisation.postalAddress,
  };
}

/** "988295388" → "988 295 388", as organisation numbers are written for people. */
export function formatOrganisationNumber(value: string): string {
  return /^\d{9}$/.test(value) ? `${value.slice(0, 3)} ${value.slice(3, 6)} ${value.slice(6)}` : value;
}

/** Letterhead, the recipient's address block and the reference line, before the letter's title. */
export function writeLetterTop(writer: PdfLetterWriter, frame: LetterFrame, language: 'nb' | 'nn'): void {
  const text = TEXT[language];
  const { agency, recipient } = frame;
  writer
    .heading(agency.name, 13)
    .paragraph(
      [
        agency.postalAddress,
        `${text.orgNo} ${formatOrganisationNumber(agency.organisationNumber)} · ${text.phone} ${agency.phone} · ${text.email} ${agency.email} · ${agency.website}`,
      ].join('\n'),
    );
  const address = recipient.postalAddress
    ? [recipient.postalAddress.addressLine, `${recipient.postalAddress.postalCode} ${recipient.postalAddress.postalPlace}`]
    : [];
  writer.paragraph([recipient.name, ...(recipient.attention ? [`${text.att}: ${recipient.attention}`] : []), ...address].join('\n'));
  writer.rows([
    [text.ourRef, frame.ourReference ?? ''],
    [text.yourRef, frame.yourReference ?? ''],
    [text.date, frame.date],
  ]);
}

/** Greeting, who decided and who handles the case, and copy recipients, after the letter's body. */
export function writeLetterBottom(writer: PdfLetterWriter, frame: LetterFrame, language: 'nb' | 'nn'): void {
  const text = TEXT[language];
  const signers = [frame.approver, frame.caseworker].filter((person): person is LetterPerson => person !== null);
  const contact = `${text.phone.toLowerCase()} ${frame.agency.phone}, ${text.email.toLowerCase()} ${frame.agency.email}`;
  writer.paragraph(text.regards);
  writer.paragraph(signers.length > 0 ? signers.map((person) => `${person.name}, ${person.title}`).join('\n') : frame.agency.name);
  writer.paragraph(text.unsigned);
  writer.paragraph(frame.caseworker ? `${text.caseworker}: ${frame.caseworker.name}, ${contact}` : `${text.contact} ${frame.agency.shortName}, ${contact}`);
  if (frame.copyTo.length > 0) writer.paragraph(`${text.copyTo}: ${frame.copyTo.join(', ')}`);
}
