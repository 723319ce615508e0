/**
 * The staff api's answers as these pages read them: the response types generated from the OpenAPI
 * document (schema.d.ts), so none is copied by hand.
 */
import type { components } from '../api/schema';

type Schemas = components['schemas'];

/** An action the server offers on a case now; the web offers these and nothing else. */
export type StaffAction = Schemas['StaffActionResponse'];

/** GET /casework/work-queue. */
export type WorkQueuePage = Schemas['WorkQueuePageResponse'];
export type WorkQueueItem = WorkQueuePage['items'][number];

/** POST /casework/assignments. */
export type BulkAssignResult = Schemas['BulkAssignResponse'];

/** GET /casework/cases/{id}: the case's casework on one screen. */
export type CaseOverview = Schemas['CaseOverviewResponse'];

/** GET /casework/cases/{id}/notes. */
export type CaseNote = Schemas['CaseNoteResponse'];

/** POST /casework/cases/{id}/assessment. */
export type AssessmentResult = Schemas['AssessmentResultResponse'];

/** GET /applications/{id}: the application as staff read it (the same answer the applicant gets). */
export type ApplicationDetail = Schemas['ApplicationDetailResponse'];

/** GET /admin/delegations (and the approver's own, with whether each is active, at GET /casework/my-delegations). */
export type Delegation = Schemas['DelegationResponse'];
export type MyDelegation = Schemas['MyDelegationResponse'];

/** GET /casework/proposals: proposed decisions waiting for an approver. */
export type Proposal = Schemas['ProposalResponse'];

/** GET /payments/batches: a payment batch waiting for, or given, approval. */
export type Batch = Schemas['BatchResponse'];

/** GET /payments/batches/{id}/lines: what finance reads before approving a batch. */
export type BatchLines = Schemas['BatchLinesResponse'];

/** GET /payments/runs: a payout run (instalments of a kap./post, or a per-capita scheme and period). */
export type PayoutRun = Schemas['PayoutRunResponse'];

/** GET /payments/reclaims (and …/overdue): a reclaim with what is repaid and outstanding. */
export type Reclaim = Schemas['ReclaimResponse'];

/** POST /payments/per-capita/{scheme}/records/csv: what the import did. */
export type SettlementImport = Schemas['SettlementImportResponse'];

/** GET /payments/per-capita/{scheme}/records: a settled person's record. */
export type SettlementRecord = Schemas['SettlementRecordResponse'];

/** GET /admin/access: how the sign-in maps the staff provider's groups to roles, and who gets which. */
export type StaffAccess = Schemas['StaffAccessResponse'];

/** GET /admin/audit/verify: whether the audit chain is whole, and where it breaks if not. */
export type ChainVerification = Schemas['IntactChainResponse'] | Schemas['BrokenChainResponse'];

/** GET /admin/budget/day-totals/verify. */
export type DayTotals = Schemas['DayTotalsVerificationResponse'];

/** POST /admin/budget/allocation-letters: what the import did. */
export type AllocationImport = Schemas['AllocationImportResponse'];

/** A total in an allocation letter that does not add up (in the import's answer, and in its 409 problem). */
export type TotalMismatch = Schemas['TotalMismatchResponse'];

/** GET /ministry/appeals: a klage IMDi upheld and forwarded to the ministry, with the ministry's decision once recorded. */
export type ForwardedAppeal = Schemas['AppealResponse'];

/** GET /ministry/notifications: a pre-notification of a round's approved decisions (Instruks 6.1). */
export type MinistryNotification = Schemas['MinistryNotificationResponse'];

/** GET /casework/recipient-reports and /cases/{id}/report: a recipient's report as staff review it. */
export type RecipientReport = Schemas['RecipientReportResponse'];

/** The kinds of report IMDi can request. */
export type ReportKind = ReportRun['kind'];

/** A report as data: the workbook, the PDF and the page show the same figures. */
export type ReportDocument = Schemas['ReportDocumentResponse'];

/** GET /reports, /reports/{id}: a requested report and its progress; the document only from /reports/{id} once completed. */
export type ReportRun = Schemas['ReportRunResponse'];
