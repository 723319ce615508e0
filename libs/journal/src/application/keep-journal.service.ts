import { Injectable } from '@nestjs/common';
import { AuditTrail, type AuditActor } from '@imdi/audit';
import { inTransaction } from '@imdi/platform';
import { DataSource } from 'typeorm';
import { finalStatusOf } from '../domain/journal-document-kind';
import { JournalError } from '../domain/journal.errors';
import { PERSONAL_CIRCUMSTANCES_RESTRICTION, removePrivateData, type Screening, type ScreenableField } from '../domain/public-access';
import { JournalRepository, type CaseFileRow, type Classification, type DeliveryRow, type EntryRow } from '../infrastructure/journal.repository';
import { RecordJournalEntry } from './record-journal-entry.service';

export interface PublicAccessChange {
  readonly publicTitle: string;
  /** null lifts the screening. */
  readonly screening: { readonly basis: string; readonly fields: readonly ScreenableField[] } | null;
  /** Make the entry final now (and send it to the archive). */
  readonly finalize: boolean;
}

export interface EntryView extends Omit<EntryRow, 'createdAt' | 'producedDocument'> {
  readonly journalNumber: string;
  readonly deliveries: DeliveryRow[];
}

/** What the archivist (and the caseworker) do with the journal: read it, settle public access, resend. */
@Injectable()
export class KeepJournal {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: JournalRepository,
    private readonly recorder: RecordJournalEntry,
    private readonly audit: AuditTrail,
  ) {}

  async caseFile(caseId: string): Promise<CaseFileRow & { entries: EntryView[] }> {
    const manager = this.dataSource.manager;
    const caseFile = await this.repository.caseFileByCase(manager, caseId);
    if (!caseFile) throw new JournalError('JOURNAL_CASE_FILE_NOT_FOUND', 'Saken har ingen saksmappe i journalen.', { caseId });
    const entries = await this.repository.entriesOfCaseFile(manager, caseFile.id);
    return { ...caseFile, entries: await Promise.all(entries.map((entry) => this.view(entry))) };
  }

  async entries(filter: { from?: string; to?: string; reviewState?: 'proposed' | 'final' }): Promise<EntryView[]> {
    const rows = await this.repository.entries(this.dataSource.manager, { ...filter, limit: 1000 });
    return Promise.all(rows.map((entry) => this.view(entry)));
  }

  async entry(id: string): Promise<EntryView> {
    const row = await this.repository.entry(this.dataSource.manager, id);
    if (!row) throw new JournalError('JOURNAL_ENTRY_NOT_FOUND', 'Fant ikke journalposten.', { id });
    return this.view(row);
  }

  /** Deliveries the archive has not confirmed: failing ones still retry, failed ones wait for a resend. */
  async unconfirmedDeliveries(): Promise<DeliveryRow[]> {
    return this.repository.deliveries(this.dataSource.manager, { states: ['pending', 'failing', 'failed'] });
  }

  /** Changes the proposed public title and screening; audited with before and after. */
  async changePublicAccess(entryId: string, change: PublicAccessChange, actor: AuditActor): Promise<EntryView> {
    await inTransaction(this.dataSource, async (manager) => {
      const entry = await this.repository.entry(manager, entryId, true);
      if (!entry) throw new JournalError('JOURNAL_ENTRY_NOT_FOUND', 'Fant ikke journalposten.', { id: entryId });
      const personNames = entry.parties.filter((party) => party.kind === 'person').map((party) => party.name);
      if (removePrivateData(change.publicTitle, personNames) !== change.publicTitle) {
        throw new JournalError(
          'JOURNAL_PUBLIC_TITLE_HOLDS_PERSONAL_DATA',
          'Offentlig tittel kan ikke inneholde fødselsnummer eller navn på privatpersoner som er parter.',
          {},
          'publicTitle',
        );
      }
      const screening: Screening | null = change.screening
        ? { restriction: PERSONAL_CIRCUMSTANCES_RESTRICTION, basis: change.screening.basis, fields: [...new Set(change.screening.fields)] }
        : null;
      const finalNow = change.finalize || entry.reviewState === 'final';
      await this.repository.updatePublicAccess(manager, entryId, {
        publicTitle: change.publicTitle,
        screening,
        reviewState: finalNow ? 'final' : 'proposed',
        status: finalNow ? (entry.status === 'A' ? 'A' : finalStatusOf(entry.entryType)) : entry.status,
        reviewedBy: actor.userId,
      });
      await this.audit.record(manager, {
        actor,
        action:
          entry.reviewState === 'final' ? 'journal.public-access-corrected' : change.finalize ? 'journal.entry-finalized' : 'journal.public-access-changed',
        entityType: 'journal_entry',
        entityId: entryId,
        before: { publicTitle: entry.publicTitle, screening: entry.screening, reviewState: entry.reviewState },
        after: { publicTitle: change.publicTitle, screening, reviewState: finalNow ? 'final' : 'proposed' },
      });
      if (entry.reviewState === 'proposed' && change.finalize) await this.recorder.sendToArchive(manager, entryId, actor.userId);
    });
    return this.entry(entryId);
  }

  /** Sends a final entry to the archive again (after a correction, or when deliveries gave up). */
  async resend(entryId: string, actor: AuditActor): Promise<EntryView> {
    await inTransaction(this.dataSource, async (manager) => {
      const entry = await this.repository.entry(manager, entryId, true);
      if (!entry) throw new JournalError('JOURNAL_ENTRY_NOT_FOUND', 'Fant ikke journalposten.', { id: entryId });
      if (entry.reviewState !== 'final')
        throw new JournalError('JOURNAL_ENTRY_NOT_FINAL', 'Journalposten må ferdigstilles før den sendes til arkivet.', { id: entryId });
      const open = await this.repository.deliveries(manager, { entryId, states: ['pending', 'failing'] });
      if (open.length > 0) throw new JournalError('JOURNAL_DELIVERY_PENDING', 'Journalposten er allerede på vei til arkivet.', { id: entryId });
      const delivery = await this.recorder.sendToArchive(manager, entryId, actor.userId);
      await this.audit.record(manager, {
        actor,
        action: 'journal.entry-resent',
        entityType: 'journal_entry',
        entityId: entryId,
        after: { deliveryId: delivery.id, version: delivery.version },
      });
    });
    return this.entry(entryId);
  }

  async classifications(): Promise<Array<Classification & { schemeCode: string; budgetYear: number }>> {
    return this.repository.classifications(this.dataSource.manager);
  }

  async classify(schemeCode: string, budgetYear: number, classification: Classification, actor: AuditActor): Promise<void> {
    await inTransaction(this.dataSource, async (manager) => {
      await this.repository.saveClassification(manager, schemeCode, budgetYear, classification, actor.userId);
      await this.audit.record(manager, {
        actor,
        action: 'journal.classification-set',
        entityType: 'journal_classification',
        entityId: `${schemeCode}/${budgetYear}`,
        after: classification,
      });
    });
  }

  private async view(entry: EntryRow): Promise<EntryView> {
    const { createdAt: _createdAt, producedDocument: _producedDocument, ...rest } = entry;
    const deliveries = await this.repository.deliveries(this.dataSource.manager, { entryId: entry.id });
    return { ...rest, journalNumber: `${entry.journalYear}/${String(entry.journalSequence).padStart(6, '0')}`, deliveries };
  }
}
