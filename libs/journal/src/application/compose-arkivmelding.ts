import { createHash } from 'node:crypto';
import { saksmappeSystemID, type Arkivmelding, type Dokumentbeskrivelse, type Journalpost, type Korrespondansepart, type Skjerming } from '@imdi/noark';
import type { Screening } from '../domain/public-access';
import type { CaseFileRow, DocumentRow, EntryRow } from '../infrastructure/journal.repository';

const DOCUMENT_TYPES: Record<EntryRow['entryType'], string> = { I: 'Brev', U: 'Brev', N: 'Notat', X: 'Notat' };
const STATUS_NAMES = { J: 'Journalført', F: 'Ferdigstilt fra saksbehandler', E: 'Ekspedert', A: 'Arkivert' } as const;
const ROLE_NAMES = { sender: 'Avsender', recipient: 'Mottaker', copy: 'Kopimottaker' } as const;
const METADATA_NAMES = { title: 'tittel', parties: 'korrespondansepart', documents: 'dokumentbeskrivelse' } as const;

/** A document delivered with an entry; a produced PDF/A file is labelled as the archive format. */
export interface ArchiveDocument extends DocumentRow {
  readonly archiveFormat?: 'PDF/A-2b';
}

export interface ArchiveFile {
  readonly name: string;
  readonly mediaType: string;
  readonly content: Buffer;
}

function skjermingOf(screening: Screening | null): Skjerming | undefined {
  if (!screening) return undefined;
  return {
    tilgangsrestriksjon: screening.restriction,
    skjermingshjemmel: screening.basis,
    skjermingMetadata: screening.fields.map((field) => METADATA_NAMES[field]),
    ...(screening.fields.includes('documents') ? { skjermingDokument: 'Skjerming av hele dokumentet' as const } : {}),
  };
}

function fileNameOf(entry: EntryRow, document: DocumentRow): string {
  return `${entry.journalYear}-${entry.journalSequence}-${document.number}-${document.fileName.replace(/[^\p{L}\p{N}._-]+/gu, '_')}`;
}

/**
 * One delivery's arkivmelding: the case file with the one journal entry, its documents referred to by
 * file name (the files travel beside the message). `answeredBy` is the journal number of the entry
 * that answered this one, when one did.
 */
export function composeArkivmelding(input: {
  deliveryId: string;
  now: Date;
  system: string;
  caseFile: CaseFileRow;
  entry: EntryRow;
  documents: readonly ArchiveDocument[];
  answeredBy?: string;
}): { melding: Arkivmelding; files: ArchiveFile[] } {
  const { caseFile, entry } = input;
  const [saksaar, sakssekvensnummer] = caseFile.caseNumber.split('/').map(Number);
  const skjerming = skjermingOf(entry.screening);
  const files: ArchiveFile[] = input.documents.map((document) => ({
    name: fileNameOf(entry, document),
    mediaType: document.mediaType,
    content: document.content,
  }));
  const dokumentbeskrivelse: Dokumentbeskrivelse[] = input.documents.map((document, index) => ({
    systemID: uuidFrom(`${entry.id}/${document.number}`),
    dokumenttype: DOCUMENT_TYPES[entry.entryType],
    dokumentstatus: 'Dokumentet er ferdigstilt',
    tittel: document.title,
    opprettetDato: entry.createdAt,
    opprettetAv: input.system,
    tilknyttetRegistreringSom: document.role === 'main' ? 'Hoveddokument' : 'Vedlegg',
    dokumentnummer: document.number,
    ...(skjerming?.skjermingDokument ? { skjerming } : {}),
    dokumentobjekt: [
      {
        versjonsnummer: 1,
        variantformat: document.archiveFormat ? 'Arkivformat' : 'Produksjonsformat',
        referanseDokumentfil: files[index].name,
        format: document.archiveFormat ?? (document.mediaType === 'application/pdf' ? 'pdf' : document.mediaType),
        sjekksum: createHash('sha256').update(document.content).digest('hex'),
        sjekksumAlgoritme: 'SHA256',
        filstoerrelse: document.content.length,
      },
    ],
  }));
  const korrespondansepart: Korrespondansepart[] = entry.parties.map((party) => ({
    korrespondanseparttype: ROLE_NAMES[party.role],
    korrespondansepartNavn: party.name,
    ...(party.organisationNumber ? { organisasjonsnummer: party.organisationNumber } : {}),
  }));
  const journalpost: Journalpost = {
    systemID: entry.id,
    opprettetDato: entry.createdAt,
    opprettetAv: input.system,
    ...(skjerming ? { skjerming } : {}),
    dokumentbeskrivelse,
    tittel: entry.title,
    offentligTittel: entry.publicTitle,
    journalaar: entry.journalYear,
    journalsekvensnummer: entry.journalSequence,
    journalpostnummer: entry.documentNumber,
    journalposttype: entry.entryType,
    journalstatus: STATUS_NAMES[entry.status],
    journaldato: entry.journalDate,
    dokumentetsDato: entry.documentDate,
    ...(entry.receivedDate ? { mottattDato: new Date(`${entry.receivedDate}T12:00:00Z`) } : {}),
    ...(entry.sentDate ? { sendtDato: new Date(`${entry.sentDate}T12:00:00Z`) } : {}),
    antallVedlegg: input.documents.filter((document) => document.role === 'attachment').length,
    korrespondansepart,
    ...(entry.answeredOn && entry.answerMethod && input.answeredBy
      ? {
          avskrivning: [
            {
              avskrivningsdato: entry.answeredOn,
              avskrevetAv: caseFile.responsibleCaseworker ?? input.system,
              avskrivningsmaate: entry.answerMethod,
              referanseAvskrivesAvJournalpost: input.answeredBy,
            },
          ],
        }
      : {}),
  };
  const melding: Arkivmelding = {
    system: input.system,
    meldingId: input.deliveryId,
    tidspunkt: input.now,
    saksmappe: {
      systemID: saksmappeSystemID(saksaar, sakssekvensnummer),
      tittel: caseFile.title,
      offentligTittel: caseFile.publicTitle,
      opprettetDato: new Date(`${caseFile.caseDate}T12:00:00Z`),
      opprettetAv: input.system,
      ...(caseFile.closedOn ? { avsluttetDato: new Date(`${caseFile.closedOn}T12:00:00Z`), avsluttetAv: input.system } : {}),
      klassifikasjon: [
        {
          referanseKlassifikasjonssystem: caseFile.classification.classSystem,
          klasseID: caseFile.classification.classId,
          tittel: caseFile.classification.classTitle,
        },
      ],
      journalposter: [journalpost],
      saksaar,
      sakssekvensnummer,
      saksdato: caseFile.caseDate,
      administrativEnhet: caseFile.administrativeUnit,
      saksansvarlig: caseFile.responsibleCaseworker ?? caseFile.administrativeUnit,
      saksstatus: caseFile.status === 'closed' ? 'Avsluttet' : 'Under behandling',
      sakspart: caseFile.parties.map((party) => ({
        ...(party.organisationNumber ? { sakspartID: party.organisationNumber } : {}),
        sakspartNavn: party.name,
        sakspartRolle: 'Søker',
      })),
    },
  };
  return { melding, files };
}

/** A stable GUID from a name (for documents, which have no id of their own). */
function uuidFrom(name: string): string {
  const hex = createHash('sha256').update(`imdi-journal:${name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
