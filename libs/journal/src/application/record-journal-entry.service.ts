import { Injectable } from '@nestjs/common';
import { AuditTrail, SYSTEM_ACTOR } from '@imdi/audit';
import { CaseDocuments } from '@imdi/cases';
import { Clock, osloDate } from '@imdi/kernel';
import { OutboxWriter } from '@imdi/outbox';
import { AppConfig } from '@imdi/platform';
import type { EntityManager } from 'typeorm';
import { ANSWERS, entryTypeOf, finalStatusOf, JOURNAL_DOCUMENT_KINDS } from '../domain/journal-document-kind';
import { proposePublicAccess, removePrivateData } from '../domain/public-access';
import { JournalRepository, type Classification } from '../infrastructure/journal.repository';
import type { CaseFacts, JournalFact } from './journal-facts';
import { DELIVER_TO_ARCHIVE } from './journal.jobs';

/** Used until the archivist configures a class for the scheme and year. */
const UNCLASSIFIED: Classification = { classSystem: 'IMDi tilskuddsordninger', classId: '000', classTitle: 'Tilskudd, ikke klassifisert' };

export function caseFileTitle(facts: CaseFacts): string {
  return `Søknad om tilskudd – ${facts.schemeName} ${facts.budgetYear} – ${facts.organisationName}`;
}

/**
 * Journals a document: opens the case's file if needed, numbers the entry (journal year and
 * sequence, document number in the case) in the caller's transaction, proposes its public title and
 * screening, marks what it answers, and — when nothing needs a person's review — sends it to the archive.
 */
@Injectable()
export class RecordJournalEntry {
  constructor(
    private readonly repository: JournalRepository,
    private readonly audit: AuditTrail,
    private readonly outbox: OutboxWriter,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly documents: CaseDocuments,
  ) {}

  async record(manager: EntityManager, fact: JournalFact, correlationId?: string): Promise<string> {
    const existing = await this.repository.entryIdBySourceKey(manager, fact.sourceKey);
    if (existing) return existing;
    const kind = JOURNAL_DOCUMENT_KINDS[fact.kind];
    const type = entryTypeOf(fact.kind);
    // Journaled today (journaldato); received or sent when it happened.
    const day = osloDate(this.clock.now());
    const happened = osloDate(fact.occurredAt);
    const journalYear = Number(day.slice(0, 4));
    // The numbers are taken before anything here writes the audit trail, whose chain head every writer
    // holds to the end of its transaction: a case action holds the case and then the chain, so taking the
    // case's document number (which holds the case row) or the year's journal number after the chain would
    // deadlock with it, or with another entry taking them the other way round. Cases owns the case's
    // document numbers: a letter's is the one its "Vår ref." shows.
    const documentNumber = fact.documentNumber ?? (await this.documents.next(fact.case.caseId, manager));
    const journalSequence = await this.repository.nextJournalSequence(manager, journalYear);
    const caseFile = await this.openCaseFile(manager, fact.case, correlationId);
    if (fact.caseworker) await this.repository.setCaseworker(manager, caseFile.id, fact.caseworker);

    const title = `${kind.title} – ${fact.subject ?? `${fact.case.schemeName} ${fact.case.budgetYear}`} – ${fact.case.organisationName}`;
    const proposal = proposePublicAccess({ title, privatePersonNames: fact.privatePersonNames, content: fact.content, parties: fact.parties });
    const reviewState = proposal.needsReview ? 'proposed' : 'final';
    const entryId = await this.repository.insertEntry(manager, {
      caseFileId: caseFile.id,
      sourceKey: fact.sourceKey,
      journalYear,
      journalSequence,
      documentNumber,
      kind: fact.kind,
      entryType: type,
      status: reviewState === 'final' ? finalStatusOf(type) : 'J',
      title,
      publicTitle: proposal.publicTitle,
      journalDate: day,
      documentDate: fact.documentDate ?? happened,
      receivedDate: type === 'I' ? happened : null,
      sentDate: type === 'U' ? happened : null,
      parties: fact.parties,
      screening: proposal.screening,
      reviewState,
      producedDocument: fact.producedDocument ?? null,
    });
    await this.repository.insertDocuments(manager, entryId, fact.documents);
    const answer = ANSWERS[fact.kind];
    const answered = answer ? await this.repository.answerOldestOpen(manager, caseFile.id, answer.answers, entryId, day, answer.method) : undefined;
    await this.audit.record(manager, {
      actor: SYSTEM_ACTOR,
      action: 'journal.entry-recorded',
      entityType: 'journal_entry',
      entityId: entryId,
      after: {
        caseId: fact.case.caseId,
        journalYear,
        journalSequence,
        documentNumber,
        kind: fact.kind,
        type,
        publicTitle: proposal.publicTitle,
        screening: proposal.screening,
        reviewState,
        answers: answered ?? null,
      },
      correlationId,
    });
    if (reviewState === 'final') await this.sendToArchive(manager, entryId, SYSTEM_ACTOR.userId, correlationId);
    // The archive has (or is getting) the answered entry without its avskrivning: it gets the entry again with it.
    // One still under review goes when it is made final, avskrivning included.
    if (answered && (await this.repository.entry(manager, answered))?.reviewState === 'final') {
      await this.sendToArchive(manager, answered, SYSTEM_ACTOR.userId, correlationId);
    }
    return entryId;
  }

  async sendToArchive(manager: EntityManager, entryId: string, requestedBy: string, correlationId?: string): Promise<{ id: string; version: number }> {
    const delivery = await this.repository.insertDelivery(manager, entryId, requestedBy);
    await this.outbox.add(manager, DELIVER_TO_ARCHIVE, { deliveryId: delivery.id }, correlationId);
    return delivery;
  }

  private async openCaseFile(manager: EntityManager, facts: CaseFacts, correlationId?: string) {
    const classification = (await this.repository.classification(manager, facts.schemeCode, facts.budgetYear)) ?? UNCLASSIFIED;
    const title = caseFileTitle(facts);
    const { row, opened } = await this.repository.lockCaseFile(manager, {
      caseId: facts.caseId,
      caseNumber: facts.caseNumber,
      title,
      publicTitle: removePrivateData(title, []),
      caseDate: facts.caseDate,
      administrativeUnit: this.config.JOURNAL_ADMINISTRATIVE_UNIT,
      schemeCode: facts.schemeCode,
      budgetYear: facts.budgetYear,
      classification,
      parties: [{ name: facts.organisationName, kind: 'organisation', role: 'sender', organisationNumber: facts.organisationNumber }],
    });
    if (opened) {
      await this.audit.record(manager, {
        actor: SYSTEM_ACTOR,
        action: 'journal.case-file-opened',
        entityType: 'journal_case_file',
        entityId: row.id,
        after: { caseId: facts.caseId, caseNumber: facts.caseNumber, classification },
        correlationId,
      });
    }
    return row;
  }

  /** Names the case file's responsible caseworker (saksansvarlig) when the case is assigned; opens the file if needed. */
  async assignCaseworker(manager: EntityManager, facts: CaseFacts, caseworker: string, correlationId?: string): Promise<void> {
    const caseFile = await this.openCaseFile(manager, facts, correlationId);
    if (caseFile.responsibleCaseworker === caseworker) return;
    await this.repository.setCaseworker(manager, caseFile.id, caseworker);
    await this.audit.record(manager, {
      actor: SYSTEM_ACTOR,
      action: 'journal.case-file-assigned',
      entityType: 'journal_case_file',
      entityId: caseFile.id,
      before: { responsibleCaseworker: caseFile.responsibleCaseworker },
      after: { responsibleCaseworker: caseworker },
      correlationId,
    });
  }

  /** Closes the case file when the case ends. */
  async closeCaseFile(manager: EntityManager, caseId: string, closedAt: Date, correlationId?: string): Promise<boolean> {
    const closed = await this.repository.closeCaseFile(manager, caseId, osloDate(closedAt), closedAt);
    if (closed) {
      await this.audit.record(manager, {
        actor: SYSTEM_ACTOR,
        action: 'journal.case-file-closed',
        entityType: 'journal_case_file',
        entityId: caseId,
        after: { closedOn: osloDate(closedAt), closedAt: closedAt.toISOString() },
        correlationId,
      });
    }
    return closed;
  }

  /**
   * Reopens a closed case file when the case is reopened: an appeal of a closed case, or the ministry
   * reversing IMDi's decision. The archive learns it with the next entry's arkivmelding (saksstatus
   * «Under behandling», no avsluttetDato).
   */
  async reopenCaseFile(
    manager: EntityManager,
    caseId: string,
    reopenedAt: Date,
    why: 'appeal' | 'ministry-reversed',
    correlationId?: string,
  ): Promise<boolean> {
    const reopened = await this.repository.reopenCaseFile(manager, caseId, reopenedAt);
    if (reopened) {
      await this.audit.record(manager, {
        actor: SYSTEM_ACTOR,
        action: 'journal.case-file-reopened',
        entityType: 'journal_case_file',
        entityId: caseId,
        before: { status: 'closed', closedOn: reopened.closedOn },
        after: { status: 'open', reopenedAt: reopenedAt.toISOString(), why },
        correlationId,
      });
    }
    return reopened !== undefined;
  }
}
