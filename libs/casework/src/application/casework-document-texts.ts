/** The texts of the documents casework renders for the archive, in both written standards. */
export const ASSESSMENT_NOTE_TEXT = {
  nb: {
    title: 'Vurdering av søknad',
    caseNumber: 'Saksnummer',
    applicant: 'Søker',
    scheme: 'Tilskuddsordning',
    assessedOn: 'Vurdert',
    assessedBy: 'Vurdert av',
    total: 'Samlet poengsum (vektet)',
    perCriterion: 'Poeng per kriterium',
    points: 'poeng',
    overall: 'Samlet vurdering',
    internal: 'Organinternt dokument (notat). Poengene er gitt etter kriteriene i ordningens regelverk.',
  },
  nn: {
    title: 'Vurdering av søknad',
    caseNumber: 'Saksnummer',
    applicant: 'Søkjar',
    scheme: 'Tilskotsordning',
    assessedOn: 'Vurdert',
    assessedBy: 'Vurdert av',
    total: 'Samla poengsum (vekta)',
    perCriterion: 'Poeng per kriterium',
    points: 'poeng',
    overall: 'Samla vurdering',
    internal: 'Organinternt dokument (notat). Poenga er gitt etter kriteria i regelverket for ordninga.',
  },
} as const;

export const APPEAL_ANSWER_TEXT = {
  nb: {
    title: 'Svar på klage',
    received: 'Klagen mottatt',
    outcome: 'Utfall',
    upheld: 'Vedtaket opprettholdes',
    reversed: 'Klagen tas til følge',
    forwarded:
      'IMDi har vurdert klagen og finner ikke grunn til å endre vedtaket. Klagen er derfor sendt til departementet, som er klageinstans (forvaltningsloven § 33). Du får svar fra departementet.',
    renewed: 'IMDi har vurdert saken på nytt og finner ikke grunn til å endre vedtaket. Ordningen har ingen klageinstans, så dette er IMDis endelige svar.',
    reversedText: 'IMDi har vurdert klagen og gir dere medhold. Vedtaket er opphevet, og saken blir behandlet på nytt. Dere får et nytt vedtak.',
    assessment: 'IMDis vurdering',
    grounds: 'Klagen',
  },
  nn: {
    title: 'Svar på klage',
    received: 'Klaga motteken',
    outcome: 'Utfall',
    upheld: 'Vedtaket blir ståande',
    reversed: 'Klaga blir teken til følgje',
    forwarded:
      'IMDi har vurdert klaga og finn ikkje grunn til å endre vedtaket. Klaga er difor send til departementet, som er klageinstans (forvaltningslova § 33). De får svar frå departementet.',
    renewed:
      'IMDi har vurdert saka på nytt og finn ikkje grunn til å endre vedtaket. Ordninga har ingen klageinstans, så dette er det endelege svaret frå IMDi.',
    reversedText: 'IMDi har vurdert klaga og gir dykk medhald. Vedtaket er oppheva, og saka blir behandla på nytt. De får eit nytt vedtak.',
    assessment: 'Vurderinga til IMDi',
    grounds: 'Klaga',
  },
} as const;

/** The pre-notification goes to the ministry in bokmål, as its e-mail does. */
export const PRE_NOTIFICATION_RECORD_TEXT = {
  to: 'Til',
  address: 'E-postadresse',
  sent: 'Levert til departementets e-posttjener',
  notDelivered: 'Ikke levert',
  channel: 'Sendt som e-post. Dette dokumentet er e-postens innhold i arkivformat.',
} as const;

/**
 * The ministry's decision on a forwarded klage, as IMDi received it: in bokmål, the ministry writing to
 * IMDi (the applicant hears the outcome in its own written standard by e-mail and in the portal).
 */
export const MINISTRY_APPEAL_DECISION_RECORD_TEXT = {
  title: 'Vedtak i klagesak',
  unknownMinistry: 'Departementet (klageinstans)',
  to: 'Til',
  caseNumber: 'IMDis saksnummer',
  appellant: 'Klager',
  scheme: 'Tilskuddsordning',
  appealReceived: 'Klagen mottatt av IMDi',
  forwarded: 'Klagen oversendt departementet',
  decidedOn: 'Vedtaksdato',
  decidedBy: 'Avgjort av',
  outcome: 'Utfall',
  upheld: 'Klagen tas ikke til følge',
  reversed: 'Klagen tas til følge',
  upheldText:
    'Departementet har behandlet klagen som klageinstans (forvaltningsloven § 34) og opprettholder IMDis vedtak. Vedtaket er endelig og kan ikke påklages (forvaltningsloven § 28 tredje ledd).',
  reversedText:
    'Departementet har behandlet klagen som klageinstans (forvaltningsloven § 34), gir klager medhold og opphever IMDis vedtak. Saken sendes tilbake til IMDi for ny behandling.',
  reasons: 'Begrunnelse',
  channel: 'Registrert av departementet i IMDis tilskuddssystem. Dette dokumentet er vedtaket i arkivformat.',
} as const;
