import { osloDateTimeWithOffset } from '@imdi/kernel';
import { create } from 'xmlbuilder2';
import {
  Arkivmelding,
  Avskrivning,
  avskrivningsmaateOf,
  Dokumentbeskrivelse,
  Dokumentobjekt,
  dokumentfilerIn,
  Journalpost,
  journalposttypeOf,
  Klassifikasjon,
  Korrespondansepart,
  Postadresse,
  Saksmappe,
  Sakspart,
  Skjerming,
} from '../domain/arkivmelding.model';

export const ARKIVMELDING_NAMESPACE = 'http://www.arkivverket.no/standarder/noark5/arkivmelding';
/** Where the builder puts what this schema version has no element for (file format and checksum, parties' identifiers). */
export const VIRKSOMHETSSPESIFIKKE_METADATA_NAMESPACE = 'https://imdi.no/tilskudd/noark5/virksomhetsspesifikkeMetadata';
const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';
const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

/** xmlbuilder2's node builder (the package's index does not re-export the interface). */
type XMLBuilder = ReturnType<typeof create>;
type Value = string | number | Date | undefined | null;

/**
 * The arkivmelding as XML (UTF-8, indented), elements in the order `arkivmelding.xsd` requires:
 * a saksmappe is `<mappe xsi:type="saksmappe">`, a journalpost `<basisregistrering xsi:type="journalpost">`,
 * and an extended type's own elements follow its base type's. Instants are written as Oslo time with
 * offset, calendar days as given. The builder writes what it is given and leaves judging to
 * `validateArkivmelding`: a model missing a required field gives XML the schema refuses.
 */
export function buildArkivmelding(melding: Arkivmelding): string {
  const document = create({ version: '1.0', encoding: 'UTF-8' });
  const root = document.ele(ARKIVMELDING_NAMESPACE, 'arkivmelding').att(XMLNS_NAMESPACE, 'xmlns:xsi', XSI_NAMESPACE);
  add(root, 'system', melding.system);
  add(root, 'meldingId', melding.meldingId);
  add(root, 'tidspunkt', melding.tidspunkt);
  add(root, 'antallFiler', melding.antallFiler ?? dokumentfilerIn(melding).length);
  if (melding.saksmappe) writeSaksmappe(root.ele(ARKIVMELDING_NAMESPACE, 'mappe'), melding.saksmappe);
  else if (melding.journalpost)
    writeJournalpost(
      root.ele(ARKIVMELDING_NAMESPACE, 'basisregistrering'),
      melding.journalpost,
      melding.journalpost.referanseArkivdel === undefined
        ? { referanseForelderMappe: melding.journalpost.referanseForelderMappe }
        : { referanseArkivdel: melding.journalpost.referanseArkivdel },
    );
  return document.end({ prettyPrint: true });
}

function writeSaksmappe(mappe: XMLBuilder, saksmappe: Saksmappe): void {
  mappe.att(XSI_NAMESPACE, 'xsi:type', 'saksmappe');
  // mappe
  add(mappe, 'systemID', saksmappe.systemID);
  add(mappe, 'mappeID', saksmappe.mappeID ?? joined(saksmappe.saksaar, saksmappe.sakssekvensnummer));
  add(mappe, 'tittel', saksmappe.tittel);
  add(mappe, 'offentligTittel', saksmappe.offentligTittel);
  add(mappe, 'beskrivelse', saksmappe.beskrivelse);
  add(mappe, 'opprettetDato', saksmappe.opprettetDato);
  add(mappe, 'opprettetAv', saksmappe.opprettetAv);
  add(mappe, 'avsluttetDato', saksmappe.avsluttetDato);
  add(mappe, 'avsluttetAv', saksmappe.avsluttetAv);
  if (saksmappe.skjerming) writeSkjerming(child(mappe, 'skjerming'), saksmappe.skjerming);
  for (const klassifikasjon of saksmappe.klassifikasjon ?? []) writeKlassifikasjon(child(mappe, 'klassifikasjon'), klassifikasjon);
  for (const journalpost of saksmappe.journalposter ?? [])
    writeJournalpost(child(mappe, 'basisregistrering'), journalpost, { referanseForelderMappe: saksmappe.systemID });
  // saksmappe
  add(mappe, 'saksaar', saksmappe.saksaar);
  add(mappe, 'sakssekvensnummer', saksmappe.sakssekvensnummer);
  add(mappe, 'saksdato', saksmappe.saksdato);
  add(mappe, 'administrativEnhet', saksmappe.administrativEnhet);
  add(mappe, 'saksansvarlig', saksmappe.saksansvarlig);
  add(mappe, 'journalenhet', saksmappe.journalenhet);
  add(mappe, 'saksstatus', saksmappe.saksstatus);
  for (const part of saksmappe.sakspart ?? []) writeSakspart(child(mappe, 'sakspart'), part);
}

/** Where a journalpost is filed: in its saksmappe, or (belonging to no case) directly in an arkivdel. */
type Forelder = { readonly referanseForelderMappe: string } | { readonly referanseArkivdel: string };

function writeJournalpost(registrering: XMLBuilder, post: Journalpost, forelder: Forelder): void {
  registrering.att(XSI_NAMESPACE, 'xsi:type', 'journalpost');
  // registrering
  add(registrering, 'systemID', post.systemID);
  add(registrering, 'opprettetDato', post.opprettetDato);
  add(registrering, 'opprettetAv', post.opprettetAv);
  add(registrering, 'arkivertDato', post.arkivertDato);
  add(registrering, 'arkivertAv', post.arkivertAv);
  add(registrering, 'registreringsID', post.registreringsID ?? joined(post.journalaar, post.journalsekvensnummer));
  if ('referanseArkivdel' in forelder) add(registrering, 'referanseArkivdel', forelder.referanseArkivdel);
  else add(registrering, 'referanseForelderMappe', forelder.referanseForelderMappe);
  if (post.skjerming) writeSkjerming(child(registrering, 'skjerming'), post.skjerming);
  for (const beskrivelse of post.dokumentbeskrivelse ?? []) writeDokumentbeskrivelse(child(registrering, 'dokumentbeskrivelse'), beskrivelse, post);
  // basisregistrering
  add(registrering, 'tittel', post.tittel);
  add(registrering, 'offentligTittel', post.offentligTittel);
  add(registrering, 'beskrivelse', post.beskrivelse);
  for (const forfatter of post.forfatter ?? []) add(registrering, 'forfatter', forfatter);
  writeVirksomhetsspesifikkeMetadata(registrering, post);
  // journalpost
  add(registrering, 'journalaar', post.journalaar);
  add(registrering, 'journalsekvensnummer', post.journalsekvensnummer);
  add(registrering, 'journalpostnummer', post.journalpostnummer);
  add(registrering, 'journalposttype', post.journalposttype === undefined ? undefined : journalposttypeOf(post.journalposttype));
  add(registrering, 'journalstatus', post.journalstatus);
  add(registrering, 'journaldato', post.journaldato);
  add(registrering, 'dokumentetsDato', post.dokumentetsDato);
  add(registrering, 'mottattDato', post.mottattDato);
  add(registrering, 'sendtDato', post.sendtDato);
  add(registrering, 'forfallsdato', post.forfallsdato);
  add(registrering, 'offentlighetsvurdertDato', post.offentlighetsvurdertDato);
  add(registrering, 'antallVedlegg', post.antallVedlegg);
  add(registrering, 'journalenhet', post.journalenhet);
  for (const part of post.korrespondansepart ?? []) writeKorrespondansepart(child(registrering, 'korrespondansepart'), part);
  for (const avskrivning of post.avskrivning ?? []) writeAvskrivning(child(registrering, 'avskrivning'), avskrivning);
}

function writeDokumentbeskrivelse(element: XMLBuilder, beskrivelse: Dokumentbeskrivelse, post: Journalpost): void {
  const opprettetDato = beskrivelse.opprettetDato ?? post.opprettetDato;
  const opprettetAv = beskrivelse.opprettetAv ?? post.opprettetAv;
  add(element, 'systemID', beskrivelse.systemID);
  add(element, 'dokumenttype', beskrivelse.dokumenttype);
  add(element, 'dokumentstatus', beskrivelse.dokumentstatus);
  add(element, 'tittel', beskrivelse.tittel);
  add(element, 'beskrivelse', beskrivelse.beskrivelse);
  for (const forfatter of beskrivelse.forfatter ?? []) add(element, 'forfatter', forfatter);
  add(element, 'opprettetDato', opprettetDato);
  add(element, 'opprettetAv', opprettetAv);
  add(element, 'tilknyttetRegistreringSom', beskrivelse.tilknyttetRegistreringSom);
  add(element, 'dokumentnummer', beskrivelse.dokumentnummer);
  add(element, 'tilknyttetDato', beskrivelse.tilknyttetDato ?? opprettetDato);
  add(element, 'tilknyttetAv', beskrivelse.tilknyttetAv ?? opprettetAv);
  if (beskrivelse.skjerming) writeSkjerming(child(element, 'skjerming'), beskrivelse.skjerming);
  for (const objekt of beskrivelse.dokumentobjekt ?? []) {
    const dokumentobjekt = child(element, 'dokumentobjekt');
    add(dokumentobjekt, 'versjonsnummer', objekt.versjonsnummer);
    add(dokumentobjekt, 'variantformat', objekt.variantformat);
    add(dokumentobjekt, 'opprettetDato', objekt.opprettetDato ?? opprettetDato);
    add(dokumentobjekt, 'opprettetAv', objekt.opprettetAv ?? opprettetAv);
    add(dokumentobjekt, 'referanseDokumentfil', objekt.referanseDokumentfil);
  }
}

function writeSkjerming(element: XMLBuilder, skjerming: Skjerming): void {
  add(element, 'tilgangsrestriksjon', skjerming.tilgangsrestriksjon);
  add(element, 'skjermingshjemmel', skjerming.skjermingshjemmel);
  for (const metadata of skjerming.skjermingMetadata ?? []) add(element, 'skjermingMetadata', metadata);
  add(element, 'skjermingDokument', skjerming.skjermingDokument);
  add(element, 'skjermingsvarighet', skjerming.skjermingsvarighet);
  add(element, 'skjermingOpphoererDato', skjerming.skjermingOpphoererDato);
}

function writeKlassifikasjon(element: XMLBuilder, klassifikasjon: Klassifikasjon): void {
  add(element, 'referanseKlassifikasjonssystem', klassifikasjon.referanseKlassifikasjonssystem);
  add(element, 'klasseID', klassifikasjon.klasseID);
  add(element, 'tittel', klassifikasjon.tittel);
}

function writeSakspart(element: XMLBuilder, part: Sakspart): void {
  add(element, 'sakspartID', part.sakspartID);
  add(element, 'sakspartNavn', part.sakspartNavn);
  add(element, 'sakspartRolle', part.sakspartRolle);
  writeAdresse(element, part.postadresse);
  add(element, 'epostadresse', part.epostadresse);
  for (const nummer of part.telefonnummer ?? []) add(element, 'telefonnummer', nummer);
  add(element, 'kontaktperson', part.kontaktperson);
}

function writeKorrespondansepart(element: XMLBuilder, part: Korrespondansepart): void {
  add(element, 'korrespondanseparttype', part.korrespondanseparttype);
  add(element, 'korrespondansepartNavn', part.korrespondansepartNavn);
  writeAdresse(element, part.postadresse);
  add(element, 'epostadresse', part.epostadresse);
  for (const nummer of part.telefonnummer ?? []) add(element, 'telefonnummer', nummer);
  add(element, 'kontaktperson', part.kontaktperson);
  add(element, 'administrativEnhet', part.administrativEnhet);
  add(element, 'saksbehandler', part.saksbehandler);
}

function writeAdresse(element: XMLBuilder, adresse: Postadresse | undefined): void {
  if (!adresse) return;
  for (const linje of adresse.adresselinjer ?? []) add(element, 'postadresse', linje);
  add(element, 'postnummer', adresse.postnummer);
  add(element, 'poststed', adresse.poststed);
  add(element, 'land', adresse.land);
}

function writeAvskrivning(element: XMLBuilder, avskrivning: Avskrivning): void {
  add(element, 'avskrivningsdato', avskrivning.avskrivningsdato);
  add(element, 'avskrevetAv', avskrivning.avskrevetAv);
  add(element, 'avskrivningsmaate', avskrivning.avskrivningsmaate === undefined ? undefined : avskrivningsmaateOf(avskrivning.avskrivningsmaate));
  add(element, 'referanseAvskrivesAvJournalpost', avskrivning.referanseAvskrivesAvJournalpost);
}

/**
 * This schema version has no place for a file's format, checksum and size, nor for a party's
 * organisation or national id number; they go to the journalpost's virksomhetsspesifikkeMetadata
 * (xs:anyType) in our own namespace, so the archive keeps them and the schema still holds.
 */
function writeVirksomhetsspesifikkeMetadata(registrering: XMLBuilder, post: Journalpost): void {
  const parter = (post.korrespondansepart ?? []).filter((part) => part.organisasjonsnummer !== undefined || part.foedselsnummer !== undefined);
  const filer = (post.dokumentbeskrivelse ?? [])
    .flatMap((beskrivelse) => beskrivelse.dokumentobjekt ?? [])
    .filter((objekt) => objekt.format !== undefined || objekt.sjekksum !== undefined || objekt.filstoerrelse !== undefined);
  if (parter.length === 0 && filer.length === 0) return;
  const metadata = child(registrering, 'virksomhetsspesifikkeMetadata');
  for (const part of parter) {
    const element = metadata.ele(VIRKSOMHETSSPESIFIKKE_METADATA_NAMESPACE, 'imdi:korrespondansepart');
    addOwn(element, 'korrespondanseparttype', part.korrespondanseparttype);
    addOwn(element, 'korrespondansepartNavn', part.korrespondansepartNavn);
    addOwn(element, 'organisasjonsnummer', part.organisasjonsnummer);
    addOwn(element, 'foedselsnummer', part.foedselsnummer);
  }
  for (const objekt of filer) writeFilMetadata(metadata.ele(VIRKSOMHETSSPESIFIKKE_METADATA_NAMESPACE, 'imdi:dokumentobjekt'), objekt);
}

function writeFilMetadata(element: XMLBuilder, objekt: Dokumentobjekt): void {
  addOwn(element, 'referanseDokumentfil', objekt.referanseDokumentfil);
  addOwn(element, 'versjonsnummer', objekt.versjonsnummer);
  addOwn(element, 'variantformat', objekt.variantformat);
  addOwn(element, 'format', objekt.format);
  addOwn(element, 'sjekksum', objekt.sjekksum);
  addOwn(element, 'sjekksumAlgoritme', objekt.sjekksumAlgoritme ?? (objekt.sjekksum === undefined ? undefined : 'SHA256'));
  addOwn(element, 'filstoerrelse', objekt.filstoerrelse);
}

function child(parent: XMLBuilder, name: string): XMLBuilder {
  return parent.ele(ARKIVMELDING_NAMESPACE, name);
}

function add(parent: XMLBuilder, name: string, value: Value): void {
  if (value === undefined || value === null) return;
  child(parent, name).txt(textOf(value));
}

function addOwn(parent: XMLBuilder, name: string, value: Value): void {
  if (value === undefined || value === null) return;
  parent.ele(VIRKSOMHETSSPESIFIKKE_METADATA_NAMESPACE, `imdi:${name}`).txt(textOf(value));
}

function textOf(value: string | number | Date): string {
  if (!(value instanceof Date)) return String(value);
  // An invalid instant is written as such, for the validator to name the element.
  return Number.isNaN(value.getTime()) ? 'ugyldig tidspunkt' : osloDateTimeWithOffset(value);
}

function joined(year: number | undefined, sequence: number | undefined): string | undefined {
  return year === undefined || sequence === undefined ? undefined : `${year}/${sequence}`;
}
