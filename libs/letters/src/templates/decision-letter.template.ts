import { PdfLetterWriter } from '../pdf/pdf-letter.writer';
import { printable } from './printable-text';
import { formatOrganisationNumber, writeLetterBottom, writeLetterTop, type LetterFrame } from './letter-frame';

export interface DecisionLetterContent {
  readonly kind: 'grant' | 'refusal';
  readonly writtenStandard: 'nb' | 'nn';
  /** Letterhead, address block, reference line, signatures. */
  readonly frame: LetterFrame;
  readonly schemeName: string;
  readonly budgetYear: number;
  readonly budgetPost: string;
  readonly legalBasis: string;
  readonly purpose: string;
  /** The grant (project) period as Oslo dates, "01.03.2017–31.12.2017". */
  readonly grantPeriod: string;
  readonly grantedAmount: string;
  readonly requestedAmount: string | null;
  readonly lessThanApplied: boolean;
  /** What the money may be used for (project and budget lines); null when the application has none. */
  readonly activitiesAndBudget: string | null;
  readonly reasons: string;
  readonly conditions: string;
  readonly payoutPlan: string;
  /** Oslo date by which the report is due. */
  readonly reportDeadline: string;
  /** What the scheme adds about its reporting (e.g. monthly reports), in the letter's målform. */
  readonly reportingNote: string | null;
  /** The scheme's reporting duty asks for accounts. */
  readonly reportIncludesAccounts: boolean;
  readonly needsAuditedAccounts: boolean;
  readonly acceptBy: string;
  readonly appeal: { readonly route: 'enkeltvedtak' | 'renewed-assessment'; readonly body: string };
}

type Text = Record<
  | 'grantTitle'
  | 'refusalTitle'
  | 'recipient'
  | 'period'
  | 'projectPeriod'
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
  | 'accounts'
  | 'audited'
  | 'control'
  | 'repay'
  | 'accept'
  | 'acceptText'
  | 'appeal'
  | 'appealText'
  | 'renewedText'
  | 'costs'
  | 'deferral'
  | 'documents',
  string
>;

const TEXT: Record<'nb' | 'nn', Text> = {
  nb: {
    grantTitle: 'Tilskuddsbrev – vedtak om tilskudd',
    refusalTitle: 'Vedtak om avslag på søknad om tilskudd',
    recipient: 'Mottaker',
    period: 'Tilskuddsperiode',
    projectPeriod: 'Prosjektperiode',
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
    accounts: 'Rapporten skal inneholde regnskap for bruken av tilskuddet.',
    audited: 'Fordi tilskuddet er 400 000 kroner eller mer, skal regnskapet bekreftes av revisor.',
    control: 'IMDi og Riksrevisjonen kan iverksette kontroll med at midlene nyttes etter forutsetningene, jf. bevilgningsreglementet § 10 andre ledd.',
    repay: 'Midler som ikke blir brukt, eller som blir brukt i strid med forutsetningene, skal betales tilbake til IMDi.',
    accept: 'Aksept',
    acceptText: 'Tilskuddet må aksepteres i tilskuddsportalen innen {acceptBy}. Utbetaling skjer først etter aksept.',
    appeal: 'Klagerett',
    appealText:
      'Vedtaket kan påklages til {body} innen tre uker etter at dette brevet er mottatt, jf. forvaltningsloven §§ 28 og 29. Klagen sendes til IMDi, som kan endre vedtaket eller sende saken videre til klageinstansen. Klagen skal være skriftlig, nevne vedtaket det klages over og den endringen som ønskes.',
    renewedText:
      'Tilskudd som bare gis til kommuner er ikke enkeltvedtak etter forvaltningsloven. Er dere uenige i vurderingen, kan dere be IMDi om en fornyet vurdering innen tre uker.',
    costs:
      'Dersom vedtaket blir endret til gunst for dere etter klage, kan dere ha krav på å få dekket vesentlige kostnader som har vært nødvendige for å få endret vedtaket, jf. forvaltningsloven § 36.',
    deferral: 'Dere kan be om at gjennomføringen av vedtaket utsettes til klagefristen er ute eller klagen er avgjort, jf. forvaltningsloven § 42.',
    documents: 'Dere har rett til å se dokumentene i saken, jf. forvaltningsloven §§ 18 og 19.',
  },
  nn: {
    grantTitle: 'Tilskotsbrev – vedtak om tilskot',
    refusalTitle: 'Vedtak om avslag på søknad om tilskot',
    recipient: 'Mottakar',
    period: 'Tilskotsperiode',
    projectPeriod: 'Prosjektperiode',
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
    accounts: 'Rapporten skal innehalde rekneskap for bruken av tilskotet.',
    audited: 'Fordi tilskotet er 400 000 kroner eller meir, skal rekneskapen stadfestast av revisor.',
    control: 'IMDi og Riksrevisjonen kan setje i verk kontroll med at midlane blir nytta etter føresetnadene, jf. løyvingsreglementet § 10 andre ledd.',
    repay: 'Midlar som ikkje blir brukte, eller som blir brukte i strid med føresetnadene, skal betalast tilbake til IMDi.',
    accept: 'Aksept',
    acceptText: 'Tilskotet må aksepterast i tilskotsportalen innan {acceptBy}. Utbetaling skjer først etter aksept.',
    appeal: 'Klagerett',
    appealText:
      'Vedtaket kan klagast på til {body} innan tre veker etter at dette brevet er motteke, jf. forvaltningslova §§ 28 og 29. Klaga blir send til IMDi, som kan endre vedtaket eller sende saka vidare til klageinstansen. Klaga skal vere skriftleg, nemne vedtaket det blir klaga over og den endringa som er ønskt.',
    renewedText:
      'Tilskot som berre blir gitt til kommunar, er ikkje enkeltvedtak etter forvaltningslova. Er de usamde i vurderinga, kan de be IMDi om ei fornya vurdering innan tre veker.',
    costs:
      'Dersom vedtaket blir endra til gunst for dykk etter klage, kan de ha krav på å få dekt vesentlege kostnader som har vore naudsynte for å få endra vedtaket, jf. forvaltningslova § 36.',
    deferral: 'De kan be om at gjennomføringa av vedtaket blir utsett til klagefristen er ute eller klaga er avgjord, jf. forvaltningslova § 42.',
    documents: 'De har rett til å sjå dokumenta i saka, jf. forvaltningslova §§ 18 og 19.',
  },
};

const fill = (template: string, values: Record<string, string>): string => template.replace(/\{(\w+)\}/g, (_match, key: string) => values[key] ?? '');

/** The grant letter (tilskuddsbrev) or the refusal letter, in the recipient's målform. */
export async function renderDecisionLetter(raw: DecisionLetterContent): Promise<Uint8Array> {
  const content = printable(raw);
  const text = TEXT[content.writtenStandard];
  const { frame } = content;
  const title = content.kind === 'grant' ? text.grantTitle : text.refusalTitle;
  const writer = await PdfLetterWriter.create({ title: `${title} ${frame.ourReference}`, language: content.writtenStandard, subject: content.schemeName });
  writeLetterTop(writer, frame, content.writtenStandard);
  writer.heading(title).rows([
    [text.recipient, `${frame.recipient.name} (org.nr. ${formatOrganisationNumber(frame.recipient.organisationNumber)})`],
    [text.scheme, `${content.schemeName} ${content.budgetYear}`],
    [text.post, content.budgetPost],
    [text.basis, content.legalBasis],
    // A refusal grants no period; it names the period the application was for.
    [content.kind === 'grant' ? text.period : text.projectPeriod, content.grantPeriod],
    ...(content.kind === 'grant' ? ([[text.granted, content.grantedAmount]] as const) : []),
    ...(content.requestedAmount ? ([[text.applied, content.requestedAmount]] as const) : []),
  ]);
  if (content.kind === 'grant') {
    if (content.lessThanApplied) writer.paragraph(text.lessThanApplied);
    writer.subheading(text.purpose).paragraph(content.purpose);
    if (content.activitiesAndBudget) writer.subheading(text.use).paragraph(content.activitiesAndBudget);
  }
  writer.subheading(text.reasons).paragraph(content.reasons);
  if (content.kind === 'grant') {
    if (content.conditions) writer.subheading(text.conditions).paragraph(content.conditions);
    writer.subheading(text.payout).paragraph(content.payoutPlan);
    writer.subheading(text.report).paragraph(fill(text.reportText, { deadline: content.reportDeadline }));
    if (content.reportingNote) writer.paragraph(content.reportingNote);
    if (content.reportIncludesAccounts) writer.paragraph(text.accounts);
    if (content.needsAuditedAccounts) writer.paragraph(text.audited);
    writer.paragraph(text.control).paragraph(text.repay);
    writer.subheading(text.accept).paragraph(fill(text.acceptText, { acceptBy: content.acceptBy }));
  }
  writer.subheading(text.appeal);
  if (content.appeal.route === 'enkeltvedtak') {
    // fvl. §§ 27 third paragraph, 36 and 42: what an enkeltvedtak must tell its party.
    writer
      .paragraph(fill(text.appealText, { body: content.appeal.body }))
      .paragraph(text.costs)
      .paragraph(text.deferral);
  } else {
    writer.paragraph(text.renewedText);
  }
  writer.paragraph(text.documents);
  writeLetterBottom(writer, frame, content.writtenStandard);
  return writer.toBytes();
}
