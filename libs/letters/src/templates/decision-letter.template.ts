import { PdfLetterWriter } from '../pdf/pdf-letter.writer';

export interface DecisionLetterContent {
  readonly kind: 'grant' | 'refusal';
  readonly writtenStandard: 'nb' | 'nn';
  readonly caseNumber: string;
  /** Oslo date of the letter, "15.03.2017". */
  readonly date: string;
  readonly recipientName: string;
  readonly organisationNumber: string;
  readonly schemeName: string;
  readonly budgetYear: number;
  readonly budgetPost: string;
  readonly legalBasis: string;
  readonly purpose: string;
  readonly grantedAmount: string;
  readonly requestedAmount: string | null;
  readonly lessThanApplied: boolean;
  readonly activitiesAndBudget: string;
  readonly reasons: string;
  readonly conditions: string;
  readonly payoutPlan: string;
  /** Oslo date by which the report is due. */
  readonly reportDeadline: string;
  readonly needsAuditedAccounts: boolean;
  readonly acceptBy: string;
  readonly appeal: { readonly route: 'enkeltvedtak' | 'renewed-assessment'; readonly body: string };
  readonly approvedBy: string;
  readonly proposedBy: string;
}

type Text = Record<
  | 'grantTitle'
  | 'refusalTitle'
  | 'case'
  | 'date'
  | 'recipient'
  | 'scheme'
  | 'post'
  | 'basis'
  | 'granted'
  | 'applied'
  | 'lessThanApplied'
  | 'purpose'
  | 'use'
  | 'reasons'
  | 'conditions'
  | 'payout'
  | 'report'
  | 'reportText'
  | 'audited'
  | 'control'
  | 'repay'
  | 'accept'
  | 'acceptText'
  | 'appeal'
  | 'appealText'
  | 'renewedText'
  | 'documents'
  | 'signed',
  string
>;

const TEXT: Record<'nb' | 'nn', Text> = {
  nb: {
    grantTitle: 'Tilskuddsbrev – vedtak om tilskudd',
    refusalTitle: 'Vedtak om avslag på søknad om tilskudd',
    case: 'Saksnummer',
    date: 'Dato',
    recipient: 'Mottaker',
    scheme: 'Tilskuddsordning',
    post: 'Kapittel/post',
    basis: 'Hjemmel',
    granted: 'Innvilget beløp',
    applied: 'Omsøkt beløp',
    lessThanApplied: 'Tilskuddet er lavere enn det det er søkt om. Begrunnelsen står nedenfor.',
    purpose: 'Formål',
    use: 'Aktiviteter og budsjett tilskuddet kan brukes til',
    reasons: 'Begrunnelse',
    conditions: 'Særlige vilkår',
    payout: 'Utbetaling',
    report: 'Rapportering',
    reportText: 'Rapport om bruken av midlene og oppnådde resultater skal sendes IMDi senest {deadline}, med mindre annet er avtalt.',
    audited: 'Fordi tilskuddet er 400 000 kroner eller mer, skal regnskapet bekreftes av revisor.',
    control: 'IMDi og Riksrevisjonen kan iverksette kontroll med at midlene nyttes etter forutsetningene, jf. bevilgningsreglementet § 10 andre ledd.',
    repay: 'Midler som ikke blir brukt, eller som blir brukt i strid med forutsetningene, skal betales tilbake til IMDi.',
    accept: 'Aksept',
    acceptText: 'Tilskuddet må aksepteres i tilskuddsportalen innen {acceptBy}. Utbetaling skjer først etter aksept.',
    appeal: 'Klagerett',
    appealText: 'Vedtaket kan påklages til {body} innen tre uker etter at dette brevet er mottatt, jf. forvaltningsloven §§ 28 og 29. Klagen sendes til IMDi, som kan endre vedtaket eller sende saken videre til klageinstansen. Klagen skal være skriftlig, nevne vedtaket det klages over og den endringen som ønskes.',
    renewedText: 'Tilskudd som bare gis til kommuner er ikke enkeltvedtak etter forvaltningsloven. Er dere uenige i vurderingen, kan dere be IMDi om en fornyet vurdering innen tre uker.',
    documents: 'Dere har rett til å se dokumentene i saken, jf. forvaltningsloven §§ 18 og 19.',
    signed: 'Saksbehandler {proposedBy}. Vedtaket er godkjent av {approvedBy} og er gyldig uten signatur.',
  },
  nn: {
    grantTitle: 'Tilskotsbrev – vedtak om tilskot',
    refusalTitle: 'Vedtak om avslag på søknad om tilskot',
    case: 'Saksnummer',
    date: 'Dato',
    recipient: 'Mottakar',
    scheme: 'Tilskotsordning',
    post: 'Kapittel/post',
    basis: 'Heimel',
    granted: 'Innvilga beløp',
    applied: 'Omsøkt beløp',
    lessThanApplied: 'Tilskotet er lågare enn det det er søkt om. Grunngivinga står nedanfor.',
    purpose: 'Føremål',
    use: 'Aktivitetar og budsjett tilskotet kan nyttast til',
    reasons: 'Grunngiving',
    conditions: 'Særlege vilkår',
    payout: 'Utbetaling',
    report: 'Rapportering',
    reportText: 'Rapport om bruken av midlane og oppnådde resultat skal sendast IMDi seinast {deadline}, med mindre anna er avtalt.',
    audited: 'Fordi tilskotet er 400 000 kroner eller meir, skal rekneskapen stadfestast av revisor.',
    control: 'IMDi og Riksrevisjonen kan setje i verk kontroll med at midlane blir nytta etter føresetnadene, jf. løyvingsreglementet § 10 andre ledd.',
    repay: 'Midlar som ikkje blir brukte, eller som blir brukte i strid med føresetnadene, skal betalast tilbake til IMDi.',
    accept: 'Aksept',
    acceptText: 'Tilskotet må aksepterast i tilskotsportalen innan {acceptBy}. Utbetaling skjer først etter aksept.',
    appeal: 'Klagerett',
    appealText: 'Vedtaket kan klagast på til {body} innan tre veker etter at dette brevet er motteke, jf. forvaltningslova §§ 28 og 29. Klaga blir send til IMDi, som kan endre vedtaket eller sende saka vidare til klageinstansen. Klaga skal vere skriftleg, nemne vedtaket det blir klaga over og den endringa som er ønskt.',
    renewedText: 'Tilskot som berre blir gitt til kommunar, er ikkje enkeltvedtak etter forvaltningslova. Er de usamde i vurderinga, kan de be IMDi om ei fornya vurdering innan tre veker.',
    documents: 'De har rett til å sjå dokumenta i saka, jf. forvaltningslova §§ 18 og 19.',
    signed: 'Sakshandsamar {proposedBy}. Vedtaket er godkjent av {approvedBy} og er gyldig utan signatur.',
  },
};

const fill = (template: string, values: Record<string, string>): string => template.replace(/\{(\w+)\}/g, (_match, key: string) => values[key] ?? '');

/** The grant letter (tilskuddsbrev) or the refusal letter, in the recipient's målform. */
export async function renderDecisionLetter(content: DecisionLetterContent): Promise<Uint8Array> {
  const text = TEXT[content.writtenStandard];
  const title = content.kind === 'grant' ? text.grantTitle : text.refusalTitle;
  const writer = await PdfLetterWriter.create({ title: `${title} ${content.caseNumber}`, language: content.writtenStandard, subject: content.schemeName });
  writer.heading(title).rows([
    [text.case, content.caseNumber],
    [text.date, content.date],
    [text.recipient, `${content.recipientName} (org.nr. ${content.organisationNumber})`],
    [text.scheme, `${content.schemeName} ${content.budgetYear}`],
    [text.post, content.budgetPost],
    [text.basis, content.legalBasis],
    ...(content.kind === 'grant' ? ([[text.granted, content.grantedAmount]] as const) : []),
    ...(content.requestedAmount ? ([[text.applied, content.requestedAmount]] as const) : []),
  ]);
  if (content.kind === 'grant') {
    if (content.lessThanApplied) writer.paragraph(text.lessThanApplied);
    writer.subheading(text.purpose).paragraph(content.purpose);
    writer.subheading(text.use).paragraph(content.activitiesAndBudget);
  }
  writer.subheading(text.reasons).paragraph(content.reasons);
  if (content.kind === 'grant') {
    if (content.conditions) writer.subheading(text.conditions).paragraph(content.conditions);
    writer.subheading(text.payout).paragraph(content.payoutPlan);
    writer.subheading(text.report).paragraph(fill(text.reportText, { deadline: content.reportDeadline }));
    if (content.needsAuditedAccounts) writer.paragraph(text.audited);
    writer.paragraph(text.control).paragraph(text.repay);
    writer.subheading(text.accept).paragraph(fill(text.acceptText, { acceptBy: content.acceptBy }));
  }
  writer.subheading(text.appeal).paragraph(content.appeal.route === 'enkeltvedtak' ? fill(text.appealText, { body: content.appeal.body }) : text.renewedText);
  writer.paragraph(text.documents).paragraph(fill(text.signed, { proposedBy: content.proposedBy, approvedBy: content.approvedBy }));
  return writer.toBytes();
}
