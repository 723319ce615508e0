import { PdfLetterWriter } from '../pdf/pdf-letter.writer';
import { printable } from './printable-text';
import { formatOrganisationNumber } from './letter-frame';

export interface ReceiptContent {
  readonly caseNumber: string;
  readonly schemeName: string;
  readonly budgetYear: number;
  readonly organisationName: string;
  readonly organisationNumber: string;
  /** Oslo local time of receipt, "31.01.2017 kl. 23:59:59". */
  readonly receivedAt: string;
  readonly submittedBy: string;
  readonly requestedAmount: string | null;
  readonly answers: ReadonlyArray<readonly [string, string]>;
  readonly attachments: ReadonlyArray<{ readonly fileName: string; readonly sizeBytes: number; readonly sha256: string }>;
  readonly writtenStandard: 'nb' | 'nn';
}

const TEXT = {
  nb: {
    title: 'Kvittering for mottatt søknad',
    intro: 'IMDi har mottatt søknaden nedenfor. Ta vare på kvitteringen. Oppgi saksnummeret når du kontakter oss om saken.',
    case: 'Saksnummer',
    scheme: 'Tilskuddsordning',
    year: 'Budsjettår',
    applicant: 'Søker',
    received: 'Mottatt',
    by: 'Sendt inn av',
    amount: 'Omsøkt beløp',
    answers: 'Opplysninger i søknaden',
    attachments: 'Vedlegg',
    none: 'Ingen vedlegg',
    handling: 'Søknaden blir behandlet etter forvaltningsloven. Får du ikke svar innen én måned, sender vi et foreløpig svar om når du kan vente avgjørelse.',
  },
  nn: {
    title: 'Kvittering for motteken søknad',
    intro: 'IMDi har motteke søknaden nedanfor. Ta vare på kvitteringa. Oppgi saksnummeret når du kontaktar oss om saka.',
    case: 'Saksnummer',
    scheme: 'Tilskotsordning',
    year: 'Budsjettår',
    applicant: 'Søkjar',
    received: 'Motteke',
    by: 'Send inn av',
    amount: 'Omsøkt beløp',
    answers: 'Opplysningar i søknaden',
    attachments: 'Vedlegg',
    none: 'Ingen vedlegg',
    handling: 'Søknaden blir behandla etter forvaltningslova. Får du ikkje svar innan éin månad, sender vi eit førebels svar om når du kan vente avgjerd.',
  },
} as const;

/** The applicant's receipt (kvittering): what was submitted, when, and under which case number. */
export async function renderReceipt(raw: ReceiptContent): Promise<Uint8Array> {
  const content = printable(raw);
  const text = TEXT[content.writtenStandard];
  const writer = await PdfLetterWriter.create({ title: `${text.title} ${content.caseNumber}`, language: content.writtenStandard });
  writer
    .heading(text.title)
    .paragraph(text.intro)
    .rows([
      [text.case, content.caseNumber],
      [text.scheme, content.schemeName],
      [text.year, String(content.budgetYear)],
      [text.applicant, `${content.organisationName} (org.nr. ${formatOrganisationNumber(content.organisationNumber)})`],
      [text.received, content.receivedAt],
      [text.by, content.submittedBy],
      ...(content.requestedAmount ? ([[text.amount, content.requestedAmount]] as const) : []),
    ])
    .subheading(text.answers)
    .rows(content.answers)
    .subheading(text.attachments);
  if (content.attachments.length === 0) writer.paragraph(text.none);
  else
    writer.bullets(
      content.attachments.map(
        (file) => `${file.fileName} (${String(file.sizeBytes).replace(/\B(?=(\d{3})+$)/g, ' ')} byte, SHA-256 ${file.sha256.slice(0, 16)}…)`,
      ),
    );
  writer.paragraph(text.handling);
  return writer.toBytes();
}
