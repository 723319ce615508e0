import { Module } from '@nestjs/common';
import { BudgetModule } from '@imdi/budget';
import { CasesModule } from '@imdi/cases';
import { CaseworkModule } from '@imdi/casework';
import { IntakeModule } from '@imdi/intake';
import { PaymentsModule } from '@imdi/payments';
import { RecipientReportsModule } from '@imdi/recipient-reports';
import { SchemesModule } from '@imdi/schemes';
import { domainErrorStatuses, jobDefinitions } from '@imdi/platform';
import { JournalController } from './api/journal.controller';
import { PublicJournalController } from './api/public-journal.controller';
import { DeliverToArchive } from './application/deliver-to-archive.handler';
import { ExportPublicJournal } from './application/export-public-journal.handler';
import { JournalSources, ProducedDocuments } from './application/journal-sources';
import { JOURNAL_SUBSCRIBERS, JournalFromEvents } from './application/journal.subscribers';
import { KeepJournal } from './application/keep-journal.service';
import { PublicJournal } from './application/public-journal.query';
import { RecordJournalEntry } from './application/record-journal-entry.service';
import * as journalJobs from './application/journal.jobs';
import { JournalError, JOURNAL_ERROR_STATUSES } from './domain/journal.errors';
import { ArchiveClient } from './infrastructure/archive.client';
import { JournalRepository } from './infrastructure/journal.repository';
import { JournalSourcesAdapter } from './infrastructure/journal-sources.adapter';
import { ProducedDocumentsAdapter } from './infrastructure/produced-documents.adapter';

@Module({
  imports: [BudgetModule, CasesModule, IntakeModule, SchemesModule, CaseworkModule, PaymentsModule, RecipientReportsModule],
  controllers: [JournalController, PublicJournalController],
  providers: [
    domainErrorStatuses(JournalError, JOURNAL_ERROR_STATUSES),
    jobDefinitions(...Object.values(journalJobs)),
    JournalRepository,
    ArchiveClient,
    RecordJournalEntry,
    KeepJournal,
    PublicJournal,
    DeliverToArchive,
    ExportPublicJournal,
    { provide: JournalSources, useClass: JournalSourcesAdapter },
    { provide: ProducedDocuments, useClass: ProducedDocumentsAdapter },
    JournalFromEvents,
    ...JOURNAL_SUBSCRIBERS,
  ],
  exports: [RecordJournalEntry, KeepJournal, PublicJournal],
})
export class JournalModule {}
