import { Injectable } from '@nestjs/common';
import { APPLICATION_DOCUMENT_NUMBER } from '@imdi/cases';
import { Clock, osloDate } from '@imdi/kernel';
import {
  APPEAL_DECIDED,
  APPEAL_RECEIVED,
  ASSESSMENT_RECORDED,
  CASE_ASSIGNED,
  DECISION_PROPOSED,
  PROVISIONAL_ANSWER_SENT,
  RECLAIM_COMMENT_RECEIVED,
  RECLAIM_DECIDED,
  RECEIPT_ISSUED,
  CASE_CLOSED,
  MINISTRY_APPEAL_DECIDED,
  type CaseClosedV1,
  type MinistryAppealDecidedV1,
  type ReceiptIssuedV1,
  type AppealDecidedV1,
  type AssessmentRecordedV1,
  type CaseAssignedV1,
  type DecisionProposedV1,
  type ProvisionalAnswerSentV1,
  type ReclaimCommentReceivedV1,
  type ReclaimDecidedV1,
  APPLICATION_SUBMITTED,
  LETTER_SENT,
  PRE_NOTIFICATION_SENT,
  RECIPIENT_REPORT_SUBMITTED,
  RECLAIM_NOTICE_SENT,
  REPORT_APPROVED,
  SubscribesTo,
  type AppealReceivedV1,
  type ApplicationSubmittedV1,
  type DomainEvent,
  type DomainEventHandler,
  type LetterSentV1,
  type PreNotificationSentV1,
  type RecipientReportSubmittedV1,
  type ReclaimNoticeSentV1,
  type ReportApprovedV1,
} from '@imdi/outbox';
import type { EntityManager } from 'typeorm';
import { JOURNAL_DOCUMENT_KINDS, type JournalDocumentKind } from '../domain/journal-document-kind';
import type { CorrespondenceParty } from '../domain/public-access';
import { JournalRepository } from '../infrastructure/journal.repository';
import type { JournalFact } from './journal-facts';
import { JournalSources, type CaseReference } from './journal-sources';
import { RecordJournalEntry } from './record-journal-entry.service';

/** What every case event's journal entry is built from; the kind decides type, title and what it answers. */
@Injectable()
export class JournalFromEvents {
  constructor(
    private readonly recorder: RecordJournalEntry,
    private readonly sources: JournalSources,
    private readonly repository: JournalRepository,
    private readonly clock: Clock,
  ) {}

  /** `occurredAt` when the event tells when the document was received or sent; else now. */
  async record(
    manager: EntityManager,
    event: DomainEvent<CaseReference>,
    kind: JournalDocumentKind,
    happenedAt: Date | undefined,
    details: Partial<Pick<JournalFact, 'subject' | 'privatePersonNames' | 'content' | 'documents' | 'documentDate' | 'documentNumber' | 'producedDocument'>> & {
      parties?: CorrespondenceParty[];
    } = {},
  ): Promise<void> {
    const occurredAt = happenedAt ?? this.clock.now();
    const existing = await this.repository.caseFileByCase(manager, event.payload.caseId);
    const facts = await this.sources.caseFacts(event.payload, existing?.caseDate ?? osloDate(occurredAt));
    await this.recorder.record(
      manager,
      {
        sourceKey: `${event.name}:${event.id}`,
        case: facts,
        kind,
        occurredAt,
        parties: details.parties ?? [
          await this.sources.organisationParty(
            event.payload.organisationNumber,
            kind === 'application' || kind === 'recipient-report' || kind === 'appeal' || kind === 'reclaim-comment' ? 'sender' : 'recipient',
          ),
        ],
        privatePersonNames: details.privatePersonNames ?? [],
        content: details.content ?? '',
        documents: details.documents ?? [],
        ...(details.subject ? { subject: details.subject } : {}),
        ...(details.documentDate ? { documentDate: details.documentDate } : {}),
        ...(details.documentNumber ? { documentNumber: details.documentNumber } : {}),
        ...(details.producedDocument ? { producedDocument: details.producedDocument } : {}),
      },
      event.correlationId,
    );
  }
}

@Injectable()
@SubscribesTo(APPLICATION_SUBMITTED, 'journal.application-received')
export class JournalApplication implements DomainEventHandler<ApplicationSubmittedV1> {
  constructor(
    private readonly journal: JournalFromEvents,
    private readonly sources: JournalSources,
  ) {}

  async handle(event: DomainEvent<ApplicationSubmittedV1>, manager: EntityManager): Promise<void> {
    const application = await this.sources.application(event.payload.caseId);
    await this.journal.record(manager, event, 'application', new Date(event.payload.receivedAt), {
      ...application,
      documentNumber: APPLICATION_DOCUMENT_NUMBER,
    });
  }
}

@Injectable()
@SubscribesTo(RECEIPT_ISSUED, 'journal.receipt-issued')
export class JournalReceipt implements DomainEventHandler<ReceiptIssuedV1> {
  constructor(private readonly journal: JournalFromEvents) {}

  async handle(event: DomainEvent<ReceiptIssuedV1>, manager: EntityManager): Promise<void> {
    await this.journal.record(manager, event, 'receipt', new Date(event.payload.issuedAt), {
      documentNumber: event.payload.documentNumber,
      producedDocument: { owner: 'intake-receipt', id: event.payload.caseId, title: JOURNAL_DOCUMENT_KINDS.receipt.title },
    });
  }
}

@Injectable()
@SubscribesTo(PRE_NOTIFICATION_SENT, 'journal.pre-notification-sent')
export class JournalPreNotification implements DomainEventHandler<PreNotificationSentV1> {
  constructor(
    private readonly journal: JournalFromEvents,
    private readonly sources: JournalSources,
  ) {}

  async handle(event: DomainEvent<PreNotificationSentV1>, manager: EntityManager): Promise<void> {
    // The event does not name the ministry: it is the budget year's responsible ministry, the one casework sends it to.
    await this.journal.record(manager, event, 'ministry-pre-notification', undefined, {
      parties: [await this.sources.ministryParty(event.payload.budgetYear, 'recipient')],
      // The e-mail the ministry's mail server took, rendered by casework as PDF/A for the archive.
      producedDocument: {
        owner: 'casework-pre-notification',
        id: event.payload.notificationId,
        title: JOURNAL_DOCUMENT_KINDS['ministry-pre-notification'].title,
      },
    });
  }
}

@Injectable()
@SubscribesTo(LETTER_SENT, 'journal.letter-sent')
export class JournalLetter implements DomainEventHandler<LetterSentV1> {
  constructor(private readonly journal: JournalFromEvents) {}

  async handle(event: DomainEvent<LetterSentV1>, manager: EntityManager): Promise<void> {
    const kind = event.payload.kind === 'refusal' ? 'refusal-letter' : 'grant-letter';
    await this.journal.record(manager, event, kind, new Date(event.payload.sentAt), {
      documentNumber: event.payload.documentNumber,
      producedDocument: { owner: 'casework-decision-letter', id: event.payload.letterId, title: JOURNAL_DOCUMENT_KINDS[kind].title },
    });
  }
}

@Injectable()
@SubscribesTo(APPEAL_RECEIVED, 'journal.appeal-received')
export class JournalAppeal implements DomainEventHandler<AppealReceivedV1> {
  constructor(
    private readonly journal: JournalFromEvents,
    private readonly recorder: RecordJournalEntry,
  ) {}

  async handle(event: DomainEvent<AppealReceivedV1>, manager: EntityManager): Promise<void> {
    // An appeal of a closed case reopens it (SPEC §4), and its case file with it: the appeal's own
    // arkivmelding already shows the file under treatment again.
    await this.recorder.reopenCaseFile(manager, event.payload.caseId, new Date(event.payload.receivedAt), 'appeal', event.correlationId);
    await this.journal.record(manager, event, 'appeal', new Date(event.payload.receivedAt));
  }
}

@Injectable()
@SubscribesTo(RECIPIENT_REPORT_SUBMITTED, 'journal.report-submitted')
export class JournalRecipientReport implements DomainEventHandler<RecipientReportSubmittedV1> {
  constructor(private readonly journal: JournalFromEvents) {}

  async handle(event: DomainEvent<RecipientReportSubmittedV1>, manager: EntityManager): Promise<void> {
    await this.journal.record(manager, event, 'recipient-report', new Date(event.payload.submittedAt), {
      producedDocument: {
        owner: 'recipient-report',
        id: event.payload.reportId,
        ...(event.payload.submissionId ? { version: event.payload.submissionId } : {}),
        title: JOURNAL_DOCUMENT_KINDS['recipient-report'].title,
      },
    });
  }
}

@Injectable()
@SubscribesTo(REPORT_APPROVED, 'journal.report-approved')
export class JournalReportApproval implements DomainEventHandler<ReportApprovedV1> {
  constructor(private readonly journal: JournalFromEvents) {}

  async handle(event: DomainEvent<ReportApprovedV1>, manager: EntityManager): Promise<void> {
    await this.journal.record(manager, event, 'report-approval', undefined, { parties: [], documentDate: event.payload.approvedOn });
  }
}

@Injectable()
@SubscribesTo(RECLAIM_NOTICE_SENT, 'journal.reclaim-notice-sent')
export class JournalReclaimNotice implements DomainEventHandler<ReclaimNoticeSentV1> {
  constructor(private readonly journal: JournalFromEvents) {}

  async handle(event: DomainEvent<ReclaimNoticeSentV1>, manager: EntityManager): Promise<void> {
    await this.journal.record(manager, event, 'reclaim-notice', new Date(event.payload.sentAt), {
      documentNumber: event.payload.documentNumber,
      producedDocument: { owner: 'payments-reclaim-notice', id: event.payload.noticeId, title: JOURNAL_DOCUMENT_KINDS['reclaim-notice'].title },
    });
  }
}

@Injectable()
@SubscribesTo(PROVISIONAL_ANSWER_SENT, 'journal.provisional-answer-sent')
export class JournalProvisionalAnswer implements DomainEventHandler<ProvisionalAnswerSentV1> {
  constructor(private readonly journal: JournalFromEvents) {}

  async handle(event: DomainEvent<ProvisionalAnswerSentV1>, manager: EntityManager): Promise<void> {
    await this.journal.record(manager, event, 'provisional-answer', new Date(event.payload.sentAt), {
      documentNumber: event.payload.documentNumber,
      producedDocument: { owner: 'casework-provisional-answer', id: event.payload.caseId, title: JOURNAL_DOCUMENT_KINDS['provisional-answer'].title },
    });
  }
}

@Injectable()
@SubscribesTo(ASSESSMENT_RECORDED, 'journal.assessment-recorded')
export class JournalAssessment implements DomainEventHandler<AssessmentRecordedV1> {
  constructor(private readonly journal: JournalFromEvents) {}

  async handle(event: DomainEvent<AssessmentRecordedV1>, manager: EntityManager): Promise<void> {
    await this.journal.record(manager, event, 'assessment', new Date(event.payload.assessedAt), {
      parties: [],
      producedDocument: {
        owner: 'casework-assessment',
        id: event.payload.caseId,
        ...(event.payload.assessmentId ? { version: event.payload.assessmentId } : {}),
        title: JOURNAL_DOCUMENT_KINDS.assessment.title,
      },
    });
  }
}

@Injectable()
@SubscribesTo(DECISION_PROPOSED, 'journal.decision-proposed')
export class JournalDecisionProposal implements DomainEventHandler<DecisionProposedV1> {
  constructor(private readonly journal: JournalFromEvents) {}

  async handle(event: DomainEvent<DecisionProposedV1>, manager: EntityManager): Promise<void> {
    await this.journal.record(manager, event, 'decision-proposal', new Date(event.payload.proposedAt), { parties: [] });
  }
}

@Injectable()
@SubscribesTo(APPEAL_DECIDED, 'journal.appeal-decided')
export class JournalAppealDecision implements DomainEventHandler<AppealDecidedV1> {
  constructor(private readonly journal: JournalFromEvents) {}

  async handle(event: DomainEvent<AppealDecidedV1>, manager: EntityManager): Promise<void> {
    await this.journal.record(manager, event, 'appeal-decision', new Date(event.payload.decidedAt), {
      producedDocument: { owner: 'casework-appeal-decision', id: event.payload.appealId, title: JOURNAL_DOCUMENT_KINDS['appeal-decision'].title },
    });
  }
}

@Injectable()
@SubscribesTo(RECLAIM_COMMENT_RECEIVED, 'journal.reclaim-comment-received')
export class JournalReclaimComment implements DomainEventHandler<ReclaimCommentReceivedV1> {
  constructor(private readonly journal: JournalFromEvents) {}

  async handle(event: DomainEvent<ReclaimCommentReceivedV1>, manager: EntityManager): Promise<void> {
    await this.journal.record(manager, event, 'reclaim-comment', new Date(event.payload.receivedAt));
  }
}

@Injectable()
@SubscribesTo(RECLAIM_DECIDED, 'journal.reclaim-decided')
export class JournalReclaimDecision implements DomainEventHandler<ReclaimDecidedV1> {
  constructor(private readonly journal: JournalFromEvents) {}

  async handle(event: DomainEvent<ReclaimDecidedV1>, manager: EntityManager): Promise<void> {
    await this.journal.record(manager, event, 'reclaim-decision', new Date(event.payload.decidedAt), {
      documentNumber: event.payload.documentNumber,
      producedDocument: { owner: 'payments-reclaim-decision', id: event.payload.reclaimId, title: JOURNAL_DOCUMENT_KINDS['reclaim-decision'].title },
    });
  }
}

@Injectable()
@SubscribesTo(CASE_ASSIGNED, 'journal.case-assigned')
export class JournalCaseAssigned implements DomainEventHandler<CaseAssignedV1> {
  constructor(
    private readonly recorder: RecordJournalEntry,
    private readonly sources: JournalSources,
    private readonly repository: JournalRepository,
  ) {}

  async handle(event: DomainEvent<CaseAssignedV1>, manager: EntityManager): Promise<void> {
    const existing = await this.repository.caseFileByCase(manager, event.payload.caseId);
    const facts = await this.sources.caseFacts(event.payload, existing?.caseDate ?? osloDate(new Date(event.payload.assignedAt)));
    await this.recorder.assignCaseworker(manager, facts, event.payload.caseworkerName ?? event.payload.caseworkerId, event.correlationId);
  }
}

@Injectable()
@SubscribesTo(CASE_CLOSED, 'journal.case-closed')
export class JournalCaseClosed implements DomainEventHandler<CaseClosedV1> {
  constructor(private readonly recorder: RecordJournalEntry) {}

  async handle(event: DomainEvent<CaseClosedV1>, manager: EntityManager): Promise<void> {
    // The case file's status becomes closed (avsluttet); a case file the journal never opened stays absent.
    await this.recorder.closeCaseFile(manager, event.payload.caseId, new Date(event.payload.closedAt), event.correlationId);
  }
}

@Injectable()
@SubscribesTo(MINISTRY_APPEAL_DECIDED, 'journal.ministry-appeal-decided')
export class JournalMinistryAppealDecision implements DomainEventHandler<MinistryAppealDecidedV1> {
  constructor(
    private readonly recorder: RecordJournalEntry,
    private readonly journal: JournalFromEvents,
    private readonly sources: JournalSources,
  ) {}

  async handle(event: DomainEvent<MinistryAppealDecidedV1>, manager: EntityManager): Promise<void> {
    const decidedAt = new Date(event.payload.decidedAt);
    // Reversed, the case goes back to IMDi's assessment (fvl. § 34): a file closed meanwhile is reopened,
    // before the decision's own entry, whose arkivmelding then shows the file under treatment again.
    if (event.payload.outcome === 'reversed') {
      await this.recorder.reopenCaseFile(manager, event.payload.caseId, decidedAt, 'ministry-reversed', event.correlationId);
    }
    // The ministry's decision comes in to IMDi (I), dated the day the ministry decided. It answers nothing:
    // the journal records no outgoing forwarding of the klage (IMDi's answer to the appellant says it went on).
    await this.journal.record(manager, event, 'ministry-appeal-decision', decidedAt, {
      parties: [await this.sources.ministryParty(event.payload.budgetYear, 'sender')],
      documentDate: osloDate(decidedAt),
      producedDocument: {
        owner: 'casework-ministry-appeal-decision',
        id: event.payload.appealId,
        title: JOURNAL_DOCUMENT_KINDS['ministry-appeal-decision'].title,
      },
    });
  }
}

export const JOURNAL_SUBSCRIBERS = [
  JournalCaseClosed,
  JournalMinistryAppealDecision,
  JournalProvisionalAnswer,
  JournalAssessment,
  JournalDecisionProposal,
  JournalAppealDecision,
  JournalReclaimComment,
  JournalReclaimDecision,
  JournalCaseAssigned,
  JournalApplication,
  JournalReceipt,
  JournalPreNotification,
  JournalLetter,
  JournalAppeal,
  JournalRecipientReport,
  JournalReportApproval,
  JournalReclaimNotice,
];
