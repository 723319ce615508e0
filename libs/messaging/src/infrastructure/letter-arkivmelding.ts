import { createHash } from 'node:crypto';
import type { DigitalLetter } from '../domain/message';

const NAMESPACE = 'http://www.arkivverket.no/standarder/noark5/arkivmelding';

/**
 * The letter's arkivmelding: one case folder (saksmappe) with one outgoing registry entry
 * (journalpost) whose main document is the letter's file. Identifiers (systemID) are derived from
 * the message id, so every attempt sends the same document.
 */
export function letterArkivmelding(letter: DigitalLetter, message: { messageId: string; documentName: string; createdAt: Date }): string {
  const [year, sequence] = letter.caseNumber.split('/');
  const id = (part: string): string => stableGuid(`${message.messageId}:${part}`);
  const at = message.createdAt.toISOString();
  const e = escapeXml;
  return `<?xml version="1.0" encoding="UTF-8"?>
<arkivmelding xmlns="${NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <system>${e(letter.senderName)} tilskuddsforvaltning</system>
  <meldingId>${e(message.messageId)}</meldingId>
  <tidspunkt>${at}</tidspunkt>
  <antallFiler>1</antallFiler>
  <mappe xsi:type="saksmappe">
    <systemID>${id('saksmappe')}</systemID>
    <mappeID>${e(letter.caseNumber)}</mappeID>
    <tittel>${e(letter.caseTitle)}</tittel>
    <opprettetDato>${at}</opprettetDato>
    <opprettetAv>${e(letter.caseworker)}</opprettetAv>
    <basisregistrering xsi:type="journalpost">
      <systemID>${id('journalpost')}</systemID>
      <opprettetDato>${at}</opprettetDato>
      <opprettetAv>${e(letter.caseworker)}</opprettetAv>
      <referanseForelderMappe>${id('saksmappe')}</referanseForelderMappe>
      <dokumentbeskrivelse>
        <systemID>${id('dokumentbeskrivelse')}</systemID>
        <dokumenttype>Brev</dokumenttype>
        <dokumentstatus>Dokumentet er ferdigstilt</dokumentstatus>
        <tittel>${e(letter.title)}</tittel>
        <opprettetDato>${at}</opprettetDato>
        <opprettetAv>${e(letter.caseworker)}</opprettetAv>
        <tilknyttetRegistreringSom>Hoveddokument</tilknyttetRegistreringSom>
        <dokumentnummer>1</dokumentnummer>
        <tilknyttetDato>${at}</tilknyttetDato>
        <tilknyttetAv>${e(letter.caseworker)}</tilknyttetAv>
        <dokumentobjekt>
          <versjonsnummer>1</versjonsnummer>
          <variantformat>Arkivformat</variantformat>
          <opprettetDato>${at}</opprettetDato>
          <opprettetAv>${e(letter.caseworker)}</opprettetAv>
          <referanseDokumentfil>${e(message.documentName)}</referanseDokumentfil>
        </dokumentobjekt>
      </dokumentbeskrivelse>
      <tittel>${e(letter.title)}</tittel>
      <journalaar>${Number(year)}</journalaar>
      <journalpostnummer>${letter.documentNumber}</journalpostnummer>
      <journalposttype>Utgående dokument</journalposttype>
      <journalstatus>Ekspedert</journalstatus>
      <journaldato>${letter.letterDate}</journaldato>
      <dokumentetsDato>${letter.letterDate}</dokumentetsDato>
      <korrespondansepart>
        <korrespondanseparttype>Mottaker</korrespondanseparttype>
        <korrespondansepartNavn>${e(letter.recipientName)}</korrespondansepartNavn>
      </korrespondansepart>
    </basisregistrering>
    <saksaar>${Number(year)}</saksaar>
    <sakssekvensnummer>${Number(sequence)}</sakssekvensnummer>
    <saksdato>${letter.caseDate}</saksdato>
    <administrativEnhet>${e(letter.administrativeUnit)}</administrativEnhet>
    <saksansvarlig>${e(letter.caseworker)}</saksansvarlig>
    <saksstatus>Under behandling</saksstatus>
  </mappe>
</arkivmelding>
`;
}

function stableGuid(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function escapeXml(value: string): string {
  return value.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}
