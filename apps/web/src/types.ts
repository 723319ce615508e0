/** The API's answers as this front end reads them (see /docs for the full documents). */
import type { ObjectSchema } from './form-model.js';

export interface SchemeView {
  readonly code: string;
  readonly budgetYear: number;
  readonly name: { readonly nb: string; readonly nn: string };
  readonly kind: string;
  readonly budgetPost: string;
  readonly applicantTypes: readonly string[];
  readonly appealRoute: string;
  readonly requiresMinistryPreNotification: boolean;
  readonly window: { readonly status: string; readonly opens: string | null; readonly deadline: string | null; readonly opensAt: string | null; readonly deadlineAt: string | null };
  readonly legalBasis: string;
  readonly purpose: { readonly nb: string; readonly nn: string };
  readonly assessmentCriteria: ReadonlyArray<{ readonly code: string; readonly label: { readonly nb: string }; readonly weight: number }>;
  readonly formSchema: ObjectSchema;
}

export interface OrganisationView {
  readonly organisationNumber: string;
  readonly name: string;
  readonly kind: string;
  readonly municipalityNumber: string | null;
  readonly writtenStandard: 'nb' | 'nn';
}

export interface ApplicationSummary {
  readonly id: string;
  readonly caseNumber: string | null;
  readonly status: string;
  readonly schemeCode: string;
  readonly budgetYear: number;
  readonly organisationNumber: string;
  readonly requestedNok: string | null;
  readonly submittedAt: string | null;
  readonly createdAt: string;
}

export interface HistoryEntry {
  readonly id: number;
  readonly occurredAt: string;
  readonly actorId: string;
  readonly action: string;
}

export interface AttachmentView {
  readonly id: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly sizeBytes: number;
  readonly uploadedAt: string;
}

export interface ApplicationDetail extends ApplicationSummary {
  readonly form: Readonly<Record<string, unknown>>;
  readonly attachments: readonly AttachmentView[];
  readonly history: readonly HistoryEntry[];
  readonly nextSteps: readonly string[];
}

export interface LetterView {
  readonly id: string;
  readonly kind: 'grant' | 'refusal';
  readonly writtenStandard: 'nb' | 'nn';
  readonly producedAt: string;
}

export interface CaseOverview {
  readonly caseId: string;
  readonly caseNumber: string | null;
  readonly status: string;
  readonly schemeCode: string;
  readonly budgetYear: number;
  readonly schemeKind: string;
  readonly organisation: { readonly organisationNumber: string; readonly name: string } | null;
  readonly assignedTo: string | null;
  readonly assessment: {
    readonly scores: ReadonlyArray<{ readonly criterion: string; readonly score: number; readonly comment: string }>;
    readonly totalScore: number;
    readonly comment: string;
    readonly assessedBy: string;
    readonly assessedAt: string;
  } | null;
  readonly decision: {
    readonly outcome: string;
    readonly amountNok: string;
    readonly requestedNok: string | null;
    readonly reasons: string;
    readonly conditions: string;
    readonly budgetPost: string;
    readonly status: 'proposed' | 'approved' | 'superseded';
    readonly proposedBy: string;
    readonly approvedBy: string | null;
    readonly approvedAt: string | null;
  } | null;
  readonly ministryNotification: { readonly required: boolean; readonly id: string | null; readonly round: number | null; readonly gatheredAt: string | null; readonly deliveredAt: string | null; readonly deliveryFailure: string | null; readonly messageId: string | null };
  readonly letters: readonly LetterView[];
  readonly appeal: { readonly kind: 'klage' | 'renewed-assessment'; readonly grounds: string; readonly receivedAt: string; readonly late: boolean; readonly outcome: string | null; readonly forwardedAt: string | null } | null;
}

export interface QueueEntry {
  readonly caseId: string;
  readonly caseNumber: string | null;
  readonly schemeCode: string;
  readonly budgetYear: number;
  readonly status: string;
  readonly organisationNumber: string;
  readonly caseworkerId: string | null;
  readonly receivedAt: string | null;
}

export interface NotificationView {
  readonly id: string;
  readonly schemeCode: string;
  readonly budgetYear: number;
  readonly round: number;
  readonly totalNok: string;
  readonly createdAt: string;
  readonly deliveredAt: string | null;
  readonly items: ReadonlyArray<{ readonly caseNumber: string; readonly recipientName: string; readonly organisationNumber: string; readonly amountNok: string; readonly budgetPost: string }>;
}

export interface AppealView {
  readonly id: string;
  readonly caseNumber: string | null;
  readonly kind: 'klage' | 'renewed-assessment';
  readonly grounds: string;
  readonly receivedAt: string;
  readonly summaryForMinistry: string | null;
  readonly forwardedAt: string | null;
}

export interface PositionView {
  readonly frameNok: string;
  readonly committedNok: string;
  readonly paidNok: string;
  readonly reclaimedNok: string;
  readonly availableNok: string;
}

export interface BudgetStatus {
  readonly budgetYear: number;
  readonly posts: ReadonlyArray<PositionView & { readonly budgetPost: string; readonly name: string; readonly earmarkedNok: string; readonly estimate: boolean; readonly exceededByNok: string; readonly pendingNote: string | null; readonly earmarks: ReadonlyArray<PositionView & { readonly code: string; readonly name: string }> }>;
  readonly totals: PositionView;
}

export interface PayoutRun {
  readonly id: string;
  readonly budgetYear: number;
  readonly budgetPost: string;
  readonly asOf: string;
  readonly status: 'queued' | 'running' | 'completed';
  readonly paymentsCreated: number;
  readonly batchId: string | null;
}

export interface PaymentBatch {
  readonly id: string;
  readonly runId: string;
  readonly budgetYear: number;
  readonly budgetPost: string;
  readonly status: 'prepared' | 'approved';
  readonly preparedBy: string;
  readonly approvedBy: string | null;
  readonly numberOfPayments: number;
  readonly totalNok: string;
}

export type RecipientReportStatus = 'due' | 'submitted' | 'more_requested' | 'approved';

/** A type alias rather than an interface, so it can be read as the generic form's answers. */
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
  readonly attachments: ReadonlyArray<{ readonly id: string; readonly fileName: string; readonly mediaType: string; readonly sizeBytes: number; readonly sha256: string }>;
}

export type ReportKind = 'accounting-status' | 'scheme-statistics' | 'person-statistics' | 'half-year-pack' | 'annual-pack';

/** A report as the reporting jobs compose it: the same document the Excel file and the PDF are drawn from. */
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
