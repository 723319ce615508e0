import type { components } from './schema';

/**
 * The api's answers as the web reads them: the applicant's are the response types generated from the
 * OpenAPI document (schema.d.ts), so none is copied by hand. The form's JSON schema is still written here.
 */
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

type Schemas = components['schemas'];

/** GET /auth/session (and POST /auth/organisation): no one signed in, or who is and whom they act for. */
export type SessionState = Schemas['AnonymousSessionResponse'] | Schemas['SignedInSessionResponse'];

export type Principal = Schemas['SessionPrincipalResponse'];

export type Role = Principal['roles'][number];

/** GET /schemes, /schemes/{code}: a scheme as the catalogue answers it. */
export type SchemeView = Schemas['SchemeResponse'];

/** GET /organisations/mine and the organisation's changes. */
export type OrganisationView = Schemas['OrganisationResponse'];

/** GET /applications: the organisation's applications and cases. */
export type ApplicationSummary = Schemas['ApplicationSummaryResponse'];

/** GET /applications/{id}, with the actions the signed-in person may take now, as the server decides (accept, appeal, report, …). */
export type ApplicationDetail = Schemas['ApplicationDetailResponse'];

/** GET /cases/{id}/outcome: what happened on the case as the recipient reads it. */
export type RecipientCaseView = Schemas['RecipientCaseResponse'];

/** GET /cases/{id}/report: the recipient's reporting duty and what was reported. */
export type RecipientReportView = Schemas['RecipientReportResponse'];

/** GET /assignment-letters: the municipality's own assignment letters (oppdragsbrev); the PDF at /assignment-letters/{id}. */
export type AssignmentLetterView = Schemas['AssignmentLetterResponse'];

/** GET /per-capita-settlements: the municipality's own per-capita settlements, newest first. */
export type PerCapitaSettlementView = Schemas['MunicipalitySettlementResponse'];

/** GET /budget: the years that have frames. */
export type BudgetYears = Schemas['BudgetYearsResponse'];

/** GET /budget/{year}: the year's status per kap./post with the year-end forecast. */
export type BudgetStatus = Schemas['BudgetStatusResponse'];

/** GET /cases/{id}/letters: the case's decision letters; each PDF at /cases/{id}/letters/{letterId}. */
export type DecisionLetterView = Schemas['CaseLetterResponse'];

/** GET /public-journal: one line as the public journal gives it (the fields eInnsyn publishes). */
export type PublicJournalLine = Schemas['PublicJournalLineResponse'];
