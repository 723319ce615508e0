export { JournalModule } from './journal.module';
export { RecordJournalEntry } from './application/record-journal-entry.service';
export { KeepJournal, type EntryView } from './application/keep-journal.service';
export { PublicJournal, type PublicJournalLine } from './application/public-journal.query';
export { PublicJournalExportSchedule } from './application/export-public-journal.handler';
export { DELIVER_TO_ARCHIVE, EXPORT_PUBLIC_JOURNAL } from './application/journal.jobs';
export type { CaseFacts, JournalFact, JournalDocumentFile } from './application/journal-facts';
export { JournalError, JOURNAL_ERROR_STATUSES, type JournalErrorCode } from './domain/journal.errors';
export { JOURNAL_DOCUMENT_KINDS, type JournalDocumentKind } from './domain/journal-document-kind';
