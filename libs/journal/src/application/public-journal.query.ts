import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import { DataSource } from 'typeorm';
import { formatJournalNumber } from '../domain/journal-document-kind';
import { publicPartyName } from '../domain/public-access';
import { JournalRepository, type CaseFileRow, type EntryRow } from '../infrastructure/journal.repository';

/** One line of the public journal (offentlig journal), in the fields eInnsyn publishes. */
export interface PublicJournalLine {
  readonly journalnummer: string;
  readonly journaldato: string;
  readonly dokumentdato: string;
  readonly journalposttype: string;
  readonly saksnummer: string;
  readonly dokumentnummer: number;
  readonly sakstittel: string;
  readonly tittel: string;
  readonly avsenderMottaker: string[];
  readonly administrativEnhet: string;
  readonly skjermingshjemmel: string | null;
  readonly avskrevetAv: string | null;
}

const TYPE_NAMES = {
  I: 'Inngående dokument',
  U: 'Utgående dokument',
  N: 'Organinternt dokument for oppfølging',
  X: 'Organinternt dokument uten oppfølging',
} as const;

/**
 * The public journal: final entries only, with public titles, persons never named, and what is
 * screened masked. This is the one place that decides what leaves for eInnsyn.
 */
@Injectable()
export class PublicJournal {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: JournalRepository,
  ) {}

  async lines(from: string, to: string): Promise<PublicJournalLine[]> {
    const manager = this.dataSource.manager;
    const entries = await this.repository.entries(manager, { from, to, reviewState: 'final', limit: 100000 });
    const caseFiles = new Map<string, CaseFileRow>();
    const numbers = new Map(entries.map((entry) => [entry.id, formatJournalNumber(entry.journalYear, entry.journalSequence)]));
    const lines: PublicJournalLine[] = [];
    for (const entry of entries) {
      let caseFile = caseFiles.get(entry.caseFileId);
      if (!caseFile) {
        caseFile = (await this.repository.caseFileById(manager, entry.caseFileId)) as CaseFileRow;
        caseFiles.set(entry.caseFileId, caseFile);
      }
      lines.push(this.line(entry, caseFile, numbers));
    }
    return lines;
  }

  private line(entry: EntryRow, caseFile: CaseFileRow, numbers: Map<string, string>): PublicJournalLine {
    return {
      journalnummer: formatJournalNumber(entry.journalYear, entry.journalSequence),
      journaldato: entry.journalDate,
      dokumentdato: entry.documentDate,
      journalposttype: TYPE_NAMES[entry.entryType],
      saksnummer: caseFile.caseNumber,
      dokumentnummer: entry.documentNumber,
      sakstittel: caseFile.publicTitle,
      tittel: entry.publicTitle,
      avsenderMottaker: entry.parties.map((party) => publicPartyName(party, entry.screening)),
      administrativEnhet: caseFile.administrativeUnit,
      skjermingshjemmel: entry.screening?.basis ?? null,
      avskrevetAv: entry.answeredByEntryId ? (numbers.get(entry.answeredByEntryId) ?? 'ja') : null,
    };
  }

  static csv(lines: readonly PublicJournalLine[]): string {
    return stringify(
      lines.map((line) => ({
        ...line,
        avsenderMottaker: line.avsenderMottaker.join('; '),
        skjermingshjemmel: line.skjermingshjemmel ?? '',
        avskrevetAv: line.avskrevetAv ?? '',
      })),
      {
        header: true,
        columns: [
          'journalnummer',
          'journaldato',
          'dokumentdato',
          'journalposttype',
          'saksnummer',
          'dokumentnummer',
          'sakstittel',
          'tittel',
          'avsenderMottaker',
          'administrativEnhet',
          'skjermingshjemmel',
          'avskrevetAv',
        ],
      },
    );
  }
}
