/**
 * What the journal sends to the archive as a Noark 5 `arkivmelding`, in the schema's own words
 * (element names and code values from `arkivmelding.xsd` and metadatakatalog v3.1). Plain data: the
 * builder writes it in the schema's order and the validator checks the result against the schema.
 *
 * Dates: a field typed `Kalenderdato` is an Oslo calendar day "YYYY-MM-DD" (xs:date); a field typed
 * `Date` is an instant, written as Oslo wall-clock time with its offset (xs:dateTime).
 */

/** An Oslo calendar day, "2026-02-15" (xs:date). */
export type Kalenderdato = string;

/** M082 journalposttype, as the schema spells it. */
export const JOURNALPOSTTYPER = [
  'Inngående dokument',
  'Utgående dokument',
  'Organinternt dokument for oppfølging',
  'Organinternt dokument uten oppfølging',
  'Saksframlegg',
] as const;
export type Journalposttype = (typeof JOURNALPOSTTYPER)[number];

/** The one-letter codes the journal shows (I, U, N, X, S). */
export type JournalposttypeKode = 'I' | 'U' | 'N' | 'X' | 'S';

export const JOURNALPOSTTYPE_FOR_KODE: Readonly<Record<JournalposttypeKode, Journalposttype>> = {
  I: 'Inngående dokument',
  U: 'Utgående dokument',
  N: 'Organinternt dokument for oppfølging',
  X: 'Organinternt dokument uten oppfølging',
  S: 'Saksframlegg',
};

/** M053 journalstatus. */
export const JOURNALSTATUSER = ['Journalført', 'Ferdigstilt fra saksbehandler', 'Godkjent av leder', 'Ekspedert', 'Arkivert', 'Utgår'] as const;
export type Journalstatus = (typeof JOURNALSTATUSER)[number];

/** M052 saksstatus. */
export const SAKSSTATUSER = ['Under behandling', 'Avsluttet', 'Utgår'] as const;
export type Saksstatus = (typeof SAKSSTATUSER)[number];

/** M054 dokumentstatus. */
export const DOKUMENTSTATUSER = ['Dokumentet er under redigering', 'Dokumentet er ferdigstilt'] as const;
export type Dokumentstatus = (typeof DOKUMENTSTATUSER)[number];

/** M700 variantformat. */
export const VARIANTFORMATER = ['Produksjonsformat', 'Arkivformat', 'Dokument hvor deler av innholdet er skjermet'] as const;
export type Variantformat = (typeof VARIANTFORMATER)[number];

/** M217 tilknyttetRegistreringSom. */
export type TilknyttetRegistreringSom = 'Hoveddokument' | 'Vedlegg';

/** M087 korrespondanseparttype. */
export const KORRESPONDANSEPARTTYPER = ['Avsender', 'Mottaker', 'Kopimottaker', 'Gruppemottaker', 'Intern avsender', 'Intern mottaker'] as const;
export type Korrespondanseparttype = (typeof KORRESPONDANSEPARTTYPER)[number];

/** M619 avskrivningsmaate, as the schema spells it. */
export const AVSKRIVNINGSMAATER = ['Besvart med brev', 'Besvart med e-post', 'Besvart på telefon', 'Tatt til etterretning', 'Tatt til orientering'] as const;
export type Avskrivningsmaate = (typeof AVSKRIVNINGSMAATER)[number];

/** The journal's short codes: BU besvart med utgående brev, BE e-post, TLF telefon, TE/TO tatt til etterretning/orientering. */
export type AvskrivningsmaateKode = 'BU' | 'BE' | 'TLF' | 'TE' | 'TO';

export const AVSKRIVNINGSMAATE_FOR_KODE: Readonly<Record<AvskrivningsmaateKode, Avskrivningsmaate>> = {
  BU: 'Besvart med brev',
  BE: 'Besvart med e-post',
  TLF: 'Besvart på telefon',
  TE: 'Tatt til etterretning',
  TO: 'Tatt til orientering',
};

/** M503 skjermingDokument. */
export type SkjermingDokument = 'Skjerming av hele dokumentet' | 'Skjerming av deler av dokumentet';

export interface Skjerming {
  /** M500, e.g. "13" (taushetsplikt), "26" (offl. § 26). */
  readonly tilgangsrestriksjon: string;
  /** M501, e.g. "Offl. § 13 jf. fvl. § 13". */
  readonly skjermingshjemmel: string;
  /** M502: which metadata are screened, e.g. ["tittel", "korrespondansepart"]; at least one. */
  readonly skjermingMetadata: readonly string[];
  readonly skjermingDokument?: SkjermingDokument;
  /** M504, in years. */
  readonly skjermingsvarighet?: number;
  readonly skjermingOpphoererDato?: Kalenderdato;
}

export interface Postadresse {
  /** One `postadresse` element per line (M406). */
  readonly adresselinjer: readonly string[];
  readonly postnummer?: string;
  readonly poststed?: string;
  readonly land?: string;
}

export interface Klassifikasjon {
  /** systemID (M001) of the classification system, e.g. "IMDi-arkivnøkkel". */
  readonly referanseKlassifikasjonssystem: string;
  readonly klasseID: string;
  readonly tittel: string;
}

export interface Sakspart {
  /** M010, e.g. the party's organisation number. */
  readonly sakspartID?: string;
  readonly sakspartNavn: string;
  /** M303, e.g. "Søker", "Tilskuddsmottaker". */
  readonly sakspartRolle: string;
  readonly postadresse?: Postadresse;
  readonly epostadresse?: string;
  readonly telefonnummer?: readonly string[];
  readonly kontaktperson?: string;
}

export interface Korrespondansepart {
  readonly korrespondanseparttype: Korrespondanseparttype;
  readonly korrespondansepartNavn: string;
  /** Not in this schema's korrespondansepart: written to the journalpost's virksomhetsspesifikkeMetadata. */
  readonly organisasjonsnummer?: string;
  /** Not in this schema's korrespondansepart: written to the journalpost's virksomhetsspesifikkeMetadata. */
  readonly foedselsnummer?: string;
  readonly postadresse?: Postadresse;
  readonly epostadresse?: string;
  readonly telefonnummer?: readonly string[];
  readonly kontaktperson?: string;
  readonly administrativEnhet?: string;
  readonly saksbehandler?: string;
}

/**
 * Held by the journalpost that is closed (usually the incoming one); `referanseAvskrivesAvJournalpost`
 * names the journalpost that closed it (its registreringsID "2026/123" or systemID).
 */
export interface Avskrivning {
  readonly avskrivningsdato: Kalenderdato;
  readonly avskrevetAv: string;
  readonly avskrivningsmaate: Avskrivningsmaate | AvskrivningsmaateKode;
  readonly referanseAvskrivesAvJournalpost?: string;
}

export interface Dokumentobjekt {
  readonly versjonsnummer: number;
  readonly variantformat: Variantformat;
  /** Defaults to the dokumentbeskrivelse's. */
  readonly opprettetDato?: Date;
  readonly opprettetAv?: string;
  /** The file's name in the message (the attachment in the eFormidling envelope). */
  readonly referanseDokumentfil: string;
  /** M701, e.g. "PDF/A-2b", "pdf", "docx". Written to virksomhetsspesifikkeMetadata (not in this schema's dokumentobjekt). */
  readonly format?: string;
  /** M705: hex SHA-256 of the file. Written to virksomhetsspesifikkeMetadata. */
  readonly sjekksum?: string;
  /** M706, "SHA256". Written to virksomhetsspesifikkeMetadata. */
  readonly sjekksumAlgoritme?: string;
  /** M707, bytes. Written to virksomhetsspesifikkeMetadata. */
  readonly filstoerrelse?: number;
}

export interface Dokumentbeskrivelse {
  /** GUID. */
  readonly systemID: string;
  /** M083, e.g. "Søknad", "Brev", "Vedtak", "Notat". */
  readonly dokumenttype: string;
  readonly dokumentstatus: Dokumentstatus;
  readonly tittel: string;
  readonly beskrivelse?: string;
  readonly forfatter?: readonly string[];
  /** Defaults to the journalpost's. */
  readonly opprettetDato?: Date;
  readonly opprettetAv?: string;
  readonly tilknyttetRegistreringSom: TilknyttetRegistreringSom;
  /** 1 for the main document, 2, 3 … for attachments. */
  readonly dokumentnummer: number;
  /** Defaults to opprettetDato / opprettetAv. */
  readonly tilknyttetDato?: Date;
  readonly tilknyttetAv?: string;
  readonly skjerming?: Skjerming;
  readonly dokumentobjekt: readonly Dokumentobjekt[];
}

export interface Journalpost {
  /** GUID. */
  readonly systemID: string;
  readonly opprettetDato: Date;
  readonly opprettetAv: string;
  readonly arkivertDato?: Date;
  readonly arkivertAv?: string;
  /** M004; defaults to "journalaar/journalsekvensnummer" when both are given. */
  readonly registreringsID?: string;
  readonly skjerming?: Skjerming;
  readonly dokumentbeskrivelse: readonly Dokumentbeskrivelse[];
  readonly tittel: string;
  /** The title with screened words removed ("*****"), shown in the public journal. */
  readonly offentligTittel?: string;
  readonly beskrivelse?: string;
  readonly forfatter?: readonly string[];
  readonly journalaar?: number;
  readonly journalsekvensnummer?: number;
  readonly journalpostnummer?: number;
  readonly journalposttype: Journalposttype | JournalposttypeKode;
  readonly journalstatus: Journalstatus;
  readonly journaldato: Kalenderdato;
  readonly dokumentetsDato?: Kalenderdato;
  readonly mottattDato?: Date;
  readonly sendtDato?: Date;
  readonly forfallsdato?: Kalenderdato;
  readonly offentlighetsvurdertDato?: Kalenderdato;
  readonly antallVedlegg?: number;
  readonly journalenhet?: string;
  readonly korrespondansepart?: readonly Korrespondansepart[];
  readonly avskrivning?: readonly Avskrivning[];
}

/**
 * A journalpost sent on its own: the schema points to its saksmappe by the saksmappe's systemID (GUID),
 * or, for a registry entry that belongs to no case (e.g. an assignment letter), to its arkivdel (M208).
 */
export type FrittstaaendeJournalpost = Journalpost &
  (
    | {
        /** The saksmappe's systemID; `saksmappeSystemID(saksaar, sakssekvensnummer)` gives a stable one from the case number. */
        readonly referanseForelderMappe: string;
        readonly referanseArkivdel?: never;
      }
    | {
        /** The arkivdel (archive part) the entry is filed in, when it belongs to no saksmappe. */
        readonly referanseArkivdel: string;
        readonly referanseForelderMappe?: never;
      }
  );

export interface Saksmappe {
  /** GUID; `saksmappeSystemID(saksaar, sakssekvensnummer)` gives a stable one from the case number. */
  readonly systemID: string;
  /** M003; defaults to "saksaar/sakssekvensnummer" when both are given. */
  readonly mappeID?: string;
  readonly tittel: string;
  readonly offentligTittel?: string;
  readonly beskrivelse?: string;
  readonly opprettetDato: Date;
  readonly opprettetAv: string;
  readonly avsluttetDato?: Date;
  readonly avsluttetAv?: string;
  readonly skjerming?: Skjerming;
  readonly klassifikasjon?: readonly Klassifikasjon[];
  /** Written as `basisregistrering xsi:type="journalpost"`, each pointing back to this saksmappe. */
  readonly journalposter: readonly Journalpost[];
  readonly saksaar?: number;
  readonly sakssekvensnummer?: number;
  readonly saksdato: Kalenderdato;
  readonly administrativEnhet: string;
  readonly saksansvarlig: string;
  readonly journalenhet?: string;
  readonly saksstatus: Saksstatus;
  readonly sakspart?: readonly Sakspart[];
}

interface ArkivmeldingHode {
  /** The sending system, e.g. "IMDi tilskudd". */
  readonly system: string;
  readonly meldingId: string;
  readonly tidspunkt: Date;
  /** Defaults to the number of distinct files (referanseDokumentfil) the message refers to. */
  readonly antallFiler?: number;
}

/** Either one saksmappe with its journalposter, or one journalpost pointing to its saksmappe. */
export type Arkivmelding =
  | (ArkivmeldingHode & { readonly saksmappe: Saksmappe; readonly journalpost?: never })
  | (ArkivmeldingHode & { readonly journalpost: FrittstaaendeJournalpost; readonly saksmappe?: never });

export function journalposttypeOf(value: Journalposttype | JournalposttypeKode): Journalposttype {
  return Object.hasOwn(JOURNALPOSTTYPE_FOR_KODE, value) ? JOURNALPOSTTYPE_FOR_KODE[value as JournalposttypeKode] : (value as Journalposttype);
}

export function avskrivningsmaateOf(value: Avskrivningsmaate | AvskrivningsmaateKode): Avskrivningsmaate {
  return Object.hasOwn(AVSKRIVNINGSMAATE_FOR_KODE, value) ? AVSKRIVNINGSMAATE_FOR_KODE[value as AvskrivningsmaateKode] : (value as Avskrivningsmaate);
}

/** The files the message refers to, each once, in order of appearance. */
export function dokumentfilerIn(melding: Arkivmelding): string[] {
  const journalposter = melding.saksmappe ? melding.saksmappe.journalposter : [melding.journalpost];
  const filer = journalposter.flatMap((post) =>
    (post.dokumentbeskrivelse ?? []).flatMap((beskrivelse) => (beskrivelse.dokumentobjekt ?? []).map((objekt) => objekt.referanseDokumentfil)),
  );
  return [...new Set(filer)];
}
