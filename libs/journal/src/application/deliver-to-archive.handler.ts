import { Injectable, Logger } from '@nestjs/common';
import { AuditTrail, SYSTEM_ACTOR } from '@imdi/audit';
import { Clock } from '@imdi/kernel';
import { buildArkivmelding, validateArkivmeldingAsync } from '@imdi/noark';
import { AppConfig, HandlesJob, inTransaction, type JobContext, type JobHandler } from '@imdi/platform';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { formatJournalNumber } from '../domain/journal-document-kind';
import { ArchiveClient } from '../infrastructure/archive.client';
import { JournalRepository } from '../infrastructure/journal.repository';
import type { EntryRow } from '../infrastructure/journal.repository';
import { composeArkivmelding, type ArchiveDocument } from './compose-arkivmelding';
import { ProducedDocuments } from './journal-sources';
import { DELIVER_TO_ARCHIVE } from './journal.jobs';

/**
 * Sends one delivery to the archive and records its receipt. A delivered one is never sent again;
 * a failure is recorded where the archivist sees it and retried by the queue; when the queue gives
 * up (or retrying cannot help) the delivery is marked failed and waits for the archivist's resend.
 */
@Injectable()
@HandlesJob(DELIVER_TO_ARCHIVE)
export class DeliverToArchive implements JobHandler<{ deliveryId: string }> {
  private readonly logger = new Logger(DeliverToArchive.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: JournalRepository,
    private readonly client: ArchiveClient,
    private readonly audit: AuditTrail,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly produced: ProducedDocuments,
  ) {}

  async handle(payload: { deliveryId: string }, context: JobContext): Promise<void> {
    const manager = this.dataSource.manager;
    const delivery = await this.repository.delivery(manager, payload.deliveryId);
    if (!delivery || delivery.state === 'delivered') return;
    const entry = await this.repository.entry(manager, delivery.entryId);
    if (!entry) return;
    const caseFile = await this.repository.caseFileById(manager, entry.caseFileId);
    if (!caseFile) return;
    const answeredBy = entry.answeredByEntryId ? await this.repository.entry(manager, entry.answeredByEntryId) : undefined;
    const { melding, files } = composeArkivmelding({
      deliveryId: delivery.id,
      now: this.clock.now(),
      system: `${this.config.AGENCY_SHORT_NAME} tilskudd`,
      caseFile,
      entry,
      documents: await this.documentsOf(entry),
      answeredBy: answeredBy ? formatJournalNumber(answeredBy.journalYear, answeredBy.journalSequence) : undefined,
    });
    const xml = buildArkivmelding(melding);
    const validation = await validateArkivmeldingAsync(xml);
    if (!validation.valid) return this.giveUp(delivery.id, `Arkivmeldingen følger ikke skjemaet: ${validation.errors.join('; ')}`);
    if (!this.config.ARCHIVE_URL) return this.giveUp(delivery.id, 'Arkivets adresse (ARCHIVE_URL) er ikke satt.');

    let receipt: object;
    try {
      receipt = await this.client.send(this.config.ARCHIVE_URL, delivery.id, xml, files);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const last = context.maxAttempts !== undefined && context.attempt >= context.maxAttempts;
      await inTransaction(this.dataSource, (tx) => this.repository.recordAttemptFailure(tx, delivery.id, message, last));
      throw error;
    }
    await inTransaction(this.dataSource, async (tx) => {
      if (!(await this.repository.recordDelivered(tx, delivery.id, receipt))) return;
      await this.repository.markArchived(tx, entry.id);
      await this.audit.record(tx, {
        actor: SYSTEM_ACTOR,
        action: 'journal.entry-archived',
        entityType: 'journal_entry',
        entityId: entry.id,
        after: { deliveryId: delivery.id, version: delivery.version, receipt },
      });
    });
  }

  /**
   * The entry's documents: a produced document first, as the main document in its archive format
   * (PDF/A-2b), fetched from the context that owns it, with the files that came with it (a report's
   * attachments, in their production format); then what the journal keeps itself.
   */
  private async documentsOf(entry: EntryRow): Promise<ArchiveDocument[]> {
    const kept = await this.repository.documents(this.dataSource.manager, entry.id);
    if (!entry.producedDocument) return kept;
    const file = await this.produced.fetch(entry.producedDocument);
    // The event follows the commit that stored the document, so a missing one is an error worth retrying.
    if (!file) throw new Error(`Dokumentet ${entry.producedDocument.owner}/${entry.producedDocument.id} finnes ikke hos eieren.`);
    return [
      {
        number: 1,
        role: 'main',
        title: entry.producedDocument.title,
        fileName: file.fileName,
        mediaType: file.mediaType,
        content: file.content,
        ...(file.mediaType === 'application/pdf' ? { archiveFormat: 'PDF/A-2b' as const } : {}),
      },
      ...(file.attachments ?? []).map((attachment, index) => ({
        number: index + 2,
        role: 'attachment' as const,
        title: attachment.fileName,
        fileName: attachment.fileName,
        mediaType: attachment.mediaType,
        content: attachment.content,
      })),
      ...kept.map((document) => ({ ...document, number: document.number + 1 + (file.attachments?.length ?? 0), role: 'attachment' as const })),
    ];
  }

  private async giveUp(deliveryId: string, reason: string): Promise<never> {
    this.logger.warn(`archive delivery ${deliveryId}: ${reason}`);
    await inTransaction(this.dataSource, (tx) => this.repository.recordAttemptFailure(tx, deliveryId, reason, true));
    throw new UnrecoverableError(reason);
  }
}
