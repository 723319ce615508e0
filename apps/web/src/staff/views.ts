/** The staff api's answers as these pages read them (the OpenAPI document describes requests, not answers). */
export interface StaffAction {
  readonly code: string;
  readonly label: string;
}

export interface WorkQueueItem {
  readonly caseId: string;
  readonly caseNumber: string | null;
  readonly schemeCode: string;
  readonly budgetYear: number;
  readonly status: string;
  readonly organisationNumber: string;
  readonly organisationName: string;
  readonly applicantName: string;
  readonly requestedNok: string | null;
  readonly caseworkerId: string | null;
  readonly receivedAt: string | null;
  readonly decisionDueOn: string | null;
  readonly deadline: 'none' | 'on-time' | 'due-soon' | 'overdue' | 'overdue-answered';
  readonly callerHasConflict: boolean;
}

export interface WorkQueuePage {
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
  readonly items: readonly WorkQueueItem[];
}

export interface CaseOverview {
  readonly caseId: string;
  readonly caseNumber: string | null;
  readonly status: string;
  readonly schemeCode: string;
  readonly budgetYear: number;
  readonly organisation: { readonly organisationNumber: string; readonly name: string } | null;
  readonly assignedTo: string | null;
  readonly assessment: {
    readonly scores: ReadonlyArray<{ readonly criterion: string; readonly score: number; readonly comment: string }>;
    readonly totalScore: number;
    readonly comment: string;
    readonly assessedBy: string;
    readonly assessedAt: string;
  } | null;
  readonly assessmentGuide: {
    readonly scale: { readonly min: number; readonly max: number };
    readonly maxTotalScore: number;
    readonly criteria: ReadonlyArray<{ readonly code: string; readonly label: { readonly nb: string; readonly nn: string }; readonly weight: number }>;
    readonly requestedNok: string | null;
    readonly suggestedNok: string | null;
    readonly suggestionRule: { readonly nb: string; readonly nn: string };
  };
  readonly decision: {
    readonly outcome: string;
    readonly amountNok: string;
    readonly requestedNok: string | null;
    readonly reasons: string;
    readonly budgetPost: string;
    readonly status: string;
    readonly proposedBy: string;
    readonly approvedBy: string | null;
  } | null;
  readonly ministryNotification: {
    readonly required: boolean;
    readonly deliveredAt: string | null;
    readonly deliveryFailure: string | null;
    readonly messageId: string | null;
  };
  readonly letters: ReadonlyArray<{ readonly id: string; readonly kind: string; readonly producedAt: string }>;
  readonly payments: ReadonlyArray<{ readonly amountNok?: string; readonly status?: string }>;
  readonly appeal: {
    readonly id: string;
    readonly kind: 'klage' | 'renewed-assessment';
    readonly grounds: string;
    readonly receivedAt: string;
    readonly late: boolean;
    readonly outcome: 'reversed' | 'upheld' | null;
    readonly forwardedAt: string | null;
    readonly ministryDecision: {
      readonly outcome: 'upheld' | 'reversed';
      readonly reasons: string;
      readonly decidedAt: string;
      readonly decidedByName: string | null;
    } | null;
  } | null;
  readonly provisionalAnswer: { readonly sentAt: string; readonly expectedDecisionDate: string } | null;
  readonly canWriteNotes: boolean;
  readonly callerHasConflict: boolean;
  readonly actions: readonly StaffAction[];
}

export interface CaseNote {
  readonly id: string;
  readonly text: string;
  readonly writtenBy: string;
  readonly writtenByName: string | null;
  readonly writtenAt: string;
}

export interface ApplicationDetail {
  readonly form: Readonly<Record<string, unknown>>;
  readonly requestedNok: string | null;
  readonly attachments: ReadonlyArray<{ readonly id: string; readonly fileName: string }>;
  readonly history: ReadonlyArray<{ readonly id: number; readonly occurredAt: string; readonly actorId: string; readonly action: string }>;
}

export interface Delegation {
  readonly id: string;
  readonly approverId: string;
  readonly budgetPost: string;
  readonly maxAmountNok: string;
  readonly reference: string;
  readonly grantedBy: string;
  readonly grantedAt: string;
  readonly revokedAt: string | null;
  readonly active?: boolean;
}

export interface Proposal {
  readonly caseId: string;
  readonly caseNumber: string | null;
  readonly organisationName: string;
  readonly amountNok: string;
  readonly budgetPost: string;
  readonly earmarkCode: string | null;
  readonly proposedByName: string | null;
  readonly proposedBy: string;
  readonly budget: { readonly availableNok: string; readonly afterApprovalNok: string; readonly sufficient: boolean };
  readonly approvable: boolean;
  readonly blockedReason: string | null;
}

export interface Batch {
  readonly id: string;
  readonly budgetYear: number;
  readonly budgetPost: string;
  readonly status: 'prepared' | 'approved';
  readonly preparedBy: string;
  readonly approvedBy: string | null;
  readonly numberOfPayments: number;
  readonly totalNok: string;
}

export interface BatchLines {
  readonly batch: Batch;
  readonly totals: ReadonlyArray<{ readonly budgetPost: string; readonly schemeCode: string; readonly numberOfPayments: number; readonly totalNok: string }>;
  readonly page: number;
  readonly pageSize: number;
  readonly matching: number;
  readonly lines: ReadonlyArray<{
    readonly endToEndId: string;
    readonly payeeName: string;
    readonly organisationNumber: string;
    readonly accountNumber: string;
    readonly amountNok: string;
    readonly remittance: string;
    readonly caseNumber: string | null;
    readonly executionDate: string;
  }>;
}

/** A klage IMDi upheld and forwarded to the ministry, with the ministry's decision once recorded. */
export interface ForwardedAppeal {
  readonly id: string;
  readonly caseId: string;
  readonly caseNumber: string | null;
  readonly grounds: string;
  readonly receivedAt: string;
  readonly summaryForMinistry: string | null;
  readonly forwardedAt: string | null;
  readonly ministryDecision: {
    readonly outcome: 'upheld' | 'reversed';
    readonly reasons: string;
    readonly decidedAt: string;
    readonly decidedByName: string | null;
  } | null;
}

export interface MinistryNotification {
  readonly id: string;
  readonly schemeCode: string;
  readonly budgetYear: number;
  readonly round: number;
  readonly totalNok: string;
  readonly deliveredAt: string | null;
  readonly acknowledgement: { readonly at: string; readonly byName: string | null; readonly by: string; readonly comment: string | null } | null;
  readonly items: ReadonlyArray<{
    readonly caseNumber: string;
    readonly recipientName: string;
    readonly organisationNumber: string;
    readonly amountNok: string;
    readonly budgetPost: string;
  }>;
}

/* Reports, recipients' reports and payout runs, as the old web read them. */
export interface PayoutRun {
  readonly id: string;
  readonly budgetYear: number;
  readonly budgetPost: string;
  readonly asOf: string;
  readonly status: 'queued' | 'running' | 'completed' | 'refused';
  readonly paymentsCreated: number;
  readonly batchId: string | null;
  readonly kind?: 'instalments' | 'per-capita';
  readonly schemeCode?: string | null;
  readonly period?: string | null;
  readonly refused?: { readonly code: string; readonly message: string; readonly unconfirmed: readonly string[] } | null;
  readonly skipped?: ReadonlyArray<{ readonly organisationNumber: string; readonly reason: string; readonly message: string }>;
}
export type RecipientReportStatus = 'due' | 'submitted' | 'more_requested' | 'approved';
export type RecipientReportContent = {
  readonly useOfFunds: string | null;
  readonly results: string | null;
  readonly goalAchievement: string | null;
  readonly spentNok: string | null;
  readonly participantsFemale: number | null;
  readonly participantsMale: number | null;
  readonly accounts: ReadonlyArray<{ readonly description: string; readonly amountNok: string }> | null;
  readonly auditorConfirmed: boolean | null;
};
export interface RecipientReport {
  readonly id: string;
  readonly caseId: string;
  readonly caseNumber: string | null;
  readonly organisationNumber: string;
  readonly schemeCode: string;
  readonly budgetYear: number;
  readonly grantedNok: string;
  readonly dueOn: string;
  readonly overdue: boolean;
  readonly requiredContents: readonly string[];
  readonly auditorRequired: boolean;
  readonly status: RecipientReportStatus;
  readonly submittedAt: string | null;
  readonly reviewComment: string | null;
  readonly content: RecipientReportContent;
  readonly attachments: ReadonlyArray<{
    readonly id: string;
    readonly fileName: string;
    readonly mediaType: string;
    readonly sizeBytes: number;
    readonly sha256: string;
  }>;
}
export type ReportKind = 'accounting-status' | 'scheme-statistics' | 'person-statistics' | 'half-year-pack' | 'annual-pack';
export interface ReportDocument {
  readonly title: string;
  readonly budgetYear: number;
  readonly budgetPost: string | null;
  readonly asOf: string;
  readonly generatedAt: string;
  readonly sections: ReadonlyArray<{
    readonly key: string;
    readonly title: string;
    readonly note?: string;
    readonly table: {
      readonly columns: ReadonlyArray<{ readonly key: string; readonly label: string; readonly kind: 'text' | 'nok' | 'count' | 'days' }>;
      /** nok as exact decimal strings, counts as integers, days as decimal strings. */
      readonly rows: ReadonlyArray<Readonly<Record<string, string | number | null>>>;
      readonly totals?: Readonly<Record<string, string | number | null>>;
    };
    readonly chart?: { readonly title: string };
  }>;
}
export interface ReportRun {
  readonly id: string;
  readonly kind: ReportKind;
  readonly budgetYear: number;
  readonly budgetPost: string | null;
  readonly asOf: string;
  readonly status: 'queued' | 'running' | 'completed' | 'failed';
  readonly progress: number;
  readonly error: string | null;
  readonly requestedBy: string;
  readonly createdAt: string;
  readonly completedAt: string | null;
  readonly downloads: { readonly xlsx: string; readonly pdf: string } | null;
  /** Only on GET /reports/:id, and only once the report is completed. */
  readonly report?: ReportDocument | null;
}
