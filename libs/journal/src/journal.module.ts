import { Module } from '@nestjs/common';
import { registerDomainErrorStatuses } from '@imdi/platform';
import { JournalController } from './api/journal.controller';
import { PublicJournalController } from './api/public-journal.controller';
import { DeliverToArchive } from './application/deliver-to-archive.handler';
import { ExportPublicJournal } from './application/export-public-journal.handler';
import { KeepJournal } from './application/keep-journal.service';
import { PublicJournal } from './application/public-journal.query';
import { RecordJournalEntry } from './application/record-journal-entry.service';
import { JournalError, journalErrorStatus } from './domain/journal.errors';
import { ArchiveClient } from './infrastructure/archive.client';
import { JournalRepository } from './infrastructure/journal.repository';

registerDomainErrorStatuses((error) => (error instanceof JournalError ? journalErrorStatus(error.code) : undefined));

@Module({
  controllers: [JournalController, PublicJournalController],
  providers: [JournalRepository, ArchiveClient, RecordJournalEntry, KeepJournal, PublicJournal, DeliverToArchive, ExportPublicJournal],
  exports: [RecordJournalEntry, KeepJournal, PublicJournal],
})
export class JournalModule {}
