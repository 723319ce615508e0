import { osloLocalToInstant } from '@imdi/kernel';
import { buildArkivmelding, dokumentfil, noarkSystemID, saksmappeSystemID } from '@imdi/noark';
import type { CaseDigitalLetter, DigitalLetter, StandaloneDigitalLetter } from '../domain/message';

/**
 * The letter's arkivmelding (built by @imdi/noark): one case folder (saksmappe) with one outgoing
 * registry entry (journalpost) whose main document is the letter's file. The systemIDs are derived
 * from the case number and document number, so every attempt and every resend describes the same
 * folder and entry, and the receiver's archive files them together.
 */
export function letterArkivmelding(letter: DigitalLetter, message: LetterMessage): string {
  return letter.archivePart === undefined ? caseLetterArkivmelding(letter, message) : standaloneLetterArkivmelding(letter, message);
}

interface LetterMessage {
  readonly messageId: string;
  readonly receiver: string;
  readonly createdAt: Date;
  readonly document: { readonly name: string; readonly content: Uint8Array };
}

/**
 * A letter that belongs to no case (an assignment letter): one outgoing journalpost on its own,
 * filed directly in the arkivdel for such letters (referanseArkivdel, which the schema allows in
 * place of a parent folder). Its systemIDs derive from the arkivdel and registration id, so a resend
 * describes the same entry.
 */
function standaloneLetterArkivmelding(letter: StandaloneDigitalLetter, message: LetterMessage): string {
  const entry = `${letter.archivePart}:${letter.registrationId}`;
  return buildArkivmelding({
    system: `${letter.senderName} tilskuddsforvaltning`,
    meldingId: message.messageId,
    tidspunkt: message.createdAt,
    journalpost: {
      systemID: noarkSystemID(`journalpost:${entry}`),
      referanseArkivdel: letter.archivePart,
      registreringsID: letter.registrationId,
      opprettetDato: message.createdAt,
      opprettetAv: letter.caseworker,
      tittel: letter.title,
      journalposttype: 'U',
      journalstatus: 'Ekspedert',
      journaldato: letter.letterDate,
      dokumentetsDato: letter.letterDate,
      sendtDato: message.createdAt,
      korrespondansepart: [{ korrespondanseparttype: 'Mottaker', korrespondansepartNavn: letter.recipientName, organisasjonsnummer: message.receiver }],
      dokumentbeskrivelse: [
        {
          systemID: noarkSystemID(`dokumentbeskrivelse:${entry}`),
          dokumenttype: letter.documentType ?? 'Brev',
          dokumentstatus: 'Dokumentet er ferdigstilt',
          tittel: letter.title,
          tilknyttetRegistreringSom: 'Hoveddokument',
          dokumentnummer: 1,
          dokumentobjekt: [
            { versjonsnummer: 1, variantformat: 'Arkivformat', format: 'PDF/A', ...dokumentfil(message.document.name, message.document.content) },
          ],
        },
      ],
    },
  });
}

function caseLetterArkivmelding(letter: CaseDigitalLetter, message: LetterMessage): string {
  const [saksaar, sakssekvensnummer] = letter.caseNumber.split('/').map(Number);
  const entry = `${letter.caseNumber}-${letter.documentNumber}`;
  return buildArkivmelding({
    system: `${letter.senderName} tilskuddsforvaltning`,
    meldingId: message.messageId,
    tidspunkt: message.createdAt,
    saksmappe: {
      systemID: saksmappeSystemID(saksaar, sakssekvensnummer),
      // The case number as the parties know it ("2017/00042"), not its integer parts.
      mappeID: letter.caseNumber,
      tittel: letter.caseTitle,
      opprettetDato: osloLocalToInstant(`${letter.caseDate}T00:00:00`),
      opprettetAv: letter.caseworker,
      saksaar,
      sakssekvensnummer,
      saksdato: letter.caseDate,
      administrativEnhet: letter.administrativeUnit,
      saksansvarlig: letter.caseworker,
      saksstatus: 'Under behandling',
      journalposter: [
        {
          systemID: noarkSystemID(`journalpost:${entry}`),
          opprettetDato: message.createdAt,
          opprettetAv: letter.caseworker,
          tittel: letter.title,
          journalaar: saksaar,
          journalpostnummer: letter.documentNumber,
          journalposttype: 'U',
          journalstatus: 'Ekspedert',
          journaldato: letter.letterDate,
          dokumentetsDato: letter.letterDate,
          sendtDato: message.createdAt,
          korrespondansepart: [{ korrespondanseparttype: 'Mottaker', korrespondansepartNavn: letter.recipientName, organisasjonsnummer: message.receiver }],
          dokumentbeskrivelse: [
            {
              systemID: noarkSystemID(`dokumentbeskrivelse:${entry}`),
              dokumenttype: letter.documentType ?? 'Vedtak',
              dokumentstatus: 'Dokumentet er ferdigstilt',
              tittel: letter.title,
              tilknyttetRegistreringSom: 'Hoveddokument',
              dokumentnummer: 1,
              dokumentobjekt: [
                { versjonsnummer: 1, variantformat: 'Arkivformat', format: 'PDF/A', ...dokumentfil(message.document.name, message.document.content) },
              ],
            },
          ],
        },
      ],
    },
  });
}
