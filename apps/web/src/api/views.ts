/**
 * The api's answers as the web reads them. The OpenAPI document describes requests (see schema.d.ts)
 * but not yet answers; these shapes are the fields the pages read, kept to what the server sends.
 */
export type Role = 'applicant' | 'caseworker' | 'approver' | 'finance' | 'ministry' | 'admin';

export interface Principal {
  readonly userId: string;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly organisationNumbers: readonly string[];
  readonly actingFor?: string;
}

export type SessionState =
  | { readonly authenticated: false; readonly providers: { readonly staff: boolean; readonly applicant: boolean } }
  | {
      readonly authenticated: true;
      readonly kind: 'staff' | 'applicant';
      readonly principal: Principal;
      readonly csrfToken: string;
      readonly representations: ReadonlyArray<{ readonly organisationNumber: string; readonly name: string }>;
      readonly actingFor: string | null;
    };

export interface LocalisedText {
  readonly nb: string;
  readonly nn: string;
}

export type WindowStatus = 'not-announced' | 'upcoming' | 'open' | 'closed' | 'continuous';

export interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly title?: string;
  readonly description?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly enum?: readonly (string | number)[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly pattern?: string;
  readonly format?: string;
  readonly $ref?: string;
  readonly definitions?: Readonly<Record<string, JsonSchema>>;
  readonly [key: string]: unknown;
}

export interface SchemeView {
  readonly code: string;
  readonly budgetYear: number;
  readonly name: LocalisedText;
  readonly kind: string;
  readonly applicantTypes: readonly string[];
  readonly window: {
    readonly status: WindowStatus;
    readonly opens: string | null;
    readonly deadline: string | null;
    readonly opensAt: string | null;
    readonly deadlineAt: string | null;
  };
  readonly legalBasis: string;
  readonly purpose: LocalisedText;
  readonly notes: string | null;
  readonly payoutPlan: unknown;
  readonly reportingDuty: unknown;
  readonly formSchema: JsonSchema;
}

export interface OrganisationView {
  readonly organisationNumber: string;
  readonly name: string;
  readonly kind: string;
  readonly municipalityNumber: string | null;
  readonly writtenStandard: 'nb' | 'nn';
  readonly accountNumber?: string | null;
  readonly contactName?: string | null;
  readonly contactEmail?: string | null;
  readonly contactPhone?: string | null;
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

export interface ApplicationDetail extends ApplicationSummary {
  readonly form: Readonly<Record<string, unknown>>;
  readonly attachments: ReadonlyArray<{
    readonly id: string;
    readonly fileName: string;
    readonly mediaType: string;
    readonly sizeBytes: number;
    readonly uploadedAt: string;
  }>;
  readonly history: ReadonlyArray<{ readonly id: number; readonly occurredAt: string; readonly actorId: string; readonly action: string }>;
  readonly nextSteps: readonly string[];
  /** What the signed-in person may do on the case now, as the server decides (accept, appeal, report, …). */
  readonly actions: ReadonlyArray<'submit' | 'withdraw' | 'accept' | 'appeal' | 'report'>;
}

export type BankPaymentStatus = string;

/** GET /cases/{id}/outcome: what happened on the case as the recipient reads it. */
export interface RecipientCaseView {
  readonly caseId: string;
  readonly decision: {
    readonly outcome: 'granted' | 'partly_granted' | 'refused';
    readonly grantedNok: string;
    readonly requestedNok: string | null;
    readonly reasons: string;
    readonly conditions: string;
    readonly decidedAt: string;
  } | null;
  readonly acceptBy: string | null;
  readonly payouts: {
    readonly instalments: ReadonlyArray<{
      readonly sequence: number;
      readonly amountNok: string;
      readonly dueOn: string | null;
      readonly heldUntil: 'report-approved' | 'account-corrected' | null;
      readonly paid: boolean;
    }>;
    readonly payments: ReadonlyArray<{
      readonly paymentId: string;
      readonly instalmentSequence: number;
      readonly amountNok: string;
      readonly executionDate: string;
      readonly status: BankPaymentStatus;
      readonly statusText: string;
      readonly bookedOn: string | null;
      readonly rejection: { readonly code: string; readonly reason: string; readonly paidAgain: 'due' | 'waiting-for-new-account' | 'paid' } | null;
    }>;
    readonly reclaimNotices: ReadonlyArray<{
      readonly id: string;
      readonly amountNok: string;
      readonly reason: string;
      readonly commentDeadline: string;
      readonly notifiedAt: string;
      readonly comment: string | null;
      readonly commentReceivedAt: string | null;
      readonly commentPeriodOver: boolean;
      readonly reclaimId: string | null;
    }>;
    readonly reclaims: ReadonlyArray<{
      readonly id: string;
      readonly amountNok: string;
      readonly repaidNok: string;
      readonly outstandingNok: string;
      readonly reason: string;
      readonly dueOn: string;
      readonly overdue: boolean;
      readonly enkeltvedtak: boolean;
      readonly appealDeadline: string | null;
      readonly appeal: { readonly grounds: string; readonly appealedAt: string; readonly late: boolean } | null;
    }>;
  };
}

/** GET /cases/{id}/report: the recipient's reporting duty and what was reported. */
export interface RecipientReportView {
  readonly id: string;
  readonly caseId: string;
  readonly grantedNok: string;
  readonly dueOn: string;
  readonly overdue: boolean;
  readonly requiredContents: readonly string[];
  readonly auditorRequired: boolean;
  readonly status: 'due' | 'submitted' | 'more_requested' | 'approved';
  readonly submittedAt: string | null;
  readonly reviewComment: string | null;
  readonly content: {
    readonly useOfFunds: string | null;
    readonly results: string | null;
    readonly goalAchievement: string | null;
    readonly spentNok: string | null;
    readonly participantsFemale: number | null;
    readonly participantsMale: number | null;
    readonly accounts: ReadonlyArray<{ readonly description: string; readonly amountNok: string }> | null;
    readonly auditorConfirmed: boolean | null;
  };
}
