import type { Money } from '@imdi/kernel';
import type { ApplicantType, LocalisedText } from './scheme-terms';
import type { RateTable } from './rate-table';

/** What eligibility rules and forms know of the applicant. */
export interface ApplicantProfile {
  readonly organisationNumber: string;
  readonly name: string;
  readonly type: ApplicantType;
  readonly municipalityNumber?: string;
}

/** A refusal of eligibility, naming the field (of the form or the applicant) and the rule. */
export interface EligibilityProblem {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}

/** One criterion a caseworker scores (0–5) in a søkbar scheme; weights of a scheme sum to 100. */
export interface AssessmentCriterion {
  readonly code: string;
  readonly label: LocalisedText;
  readonly weight: number;
}

export type PayoutTrigger =
  | { readonly on: 'acceptance' }
  /** A fixed day each year, e.g. Jobbsjansen's spring and autumn payments. */
  | { readonly on: 'date'; readonly month: number; readonly day: number }
  /** Held back until the recipient's report is approved. */
  | { readonly on: 'report-approved' };

export type PayoutPlan =
  | { readonly type: 'instalments'; readonly instalments: ReadonlyArray<{ readonly sharePercent: number; readonly trigger: PayoutTrigger }> }
  /** rettighet: amounts are computed per period from records and rates and paid in periodic runs. */
  | {
      readonly type: 'periodic';
      readonly period: 'once' | 'quarterly' | 'half-yearly' | 'yearly';
      readonly note: { readonly nb: string; readonly nn: string };
    };

export interface ReportingDuty {
  /** Months after the project (or grant period) ends; the grant letter may set another deadline. */
  readonly dueMonthsAfterPeriodEnd: number;
  readonly contents: readonly ReportContent[];
  /** What the letter adds about this scheme's reporting, in bokmål and nynorsk. */
  readonly note?: { readonly nb: string; readonly nn: string };
}

export type ReportContent = 'use-of-funds' | 'results' | 'accounts' | 'participants' | 'goal-achievement';

/** A rettighet scheme's per-capita or per-hour calculation from the year's rates. */
export interface SchemeCalculation<Basis> {
  /** What one line of the basis is, in words (shown beside the amount). */
  readonly describes: string;
  calculate(basis: Basis, rates: RateTable): Money;
}

/**
 * The code that differs between schemes. Everything else (names, kind, kap./post, windows, who may
 * apply, rates) is per-year data in the database, seeded from data/schemes/<year>.json.
 */
export interface SchemeDefinition<Form extends object = object, Basis = unknown> {
  readonly code: string;
  /** The application form: a class-validator DTO. */
  readonly form: new () => Form;
  /** How much the form asks for, in øre; null where the amount is calculated, not applied for. */
  requestedAmount(form: Form): Money | null;
  /** Rules beyond the form's own validation and the year's list of applicant types. */
  checkEligibility(applicant: ApplicantProfile, form: Form): EligibilityProblem[];
  readonly assessmentCriteria: readonly AssessmentCriterion[];
  readonly calculation?: SchemeCalculation<Basis>;
  readonly payoutPlan: PayoutPlan;
  readonly reportingDuty: ReportingDuty;
  /** Whether unused funds must be returned (bevilgningsreglementet, the scheme's regulation). */
  readonly returnUnusedFunds: boolean;
}
