import type {
  ApplicantProfile,
  AssessmentCriterion,
  EligibilityProblem,
  PayoutPlan,
  ReportingDuty,
  SchemeCalculation,
  SchemeDefinition,
} from '../../domain/scheme-definition';
import { ownMunicipalityOnly } from './entitlement-rules';
import type { MunicipalClaimForm } from './municipal-claim.form';
import type { ProjectApplicationForm } from './project-application.form';
import { onlyNamedRecipient, projectRules, requestedProjectAmount } from './project-rules';
import { PAY_ALL_ON_ACCEPTANCE } from './payout-plans';
import { PROJECT_REPORT } from './reporting-duties';

export type EligibilityRules<Form> = (applicant: ApplicantProfile, form: Form) => EligibilityProblem[];

const noFurtherRules = (): EligibilityProblem[] => [];

interface SchemeOptions<Form> {
  readonly code: string;
  readonly form: new () => Form;
  /** Rules beyond the shared ones of the scheme's kind. */
  readonly rules?: EligibilityRules<Form>;
  readonly payoutPlan?: PayoutPlan;
  readonly reportingDuty?: ReportingDuty;
  readonly returnUnusedFunds?: boolean;
}

export interface ProjectSchemeOptions<Form> extends SchemeOptions<Form> {
  readonly assessmentCriteria: readonly AssessmentCriterion[];
}

type KindParts<Form extends object, Basis> = Pick<SchemeDefinition<Form, Basis>, 'requestedAmount' | 'assessmentCriteria' | 'calculation'> & {
  /** The rules every scheme of the kind applies, before the scheme's own. */
  readonly kindRules: EligibilityRules<Form>;
  readonly returnsUnusedFunds: boolean;
};

function assemble<Form extends object, Basis>(options: SchemeOptions<Form>, kind: KindParts<Form, Basis>): SchemeDefinition<Form, Basis> {
  const { kindRules, returnsUnusedFunds, ...parts } = kind;
  const furtherRules = options.rules ?? noFurtherRules;
  return {
    code: options.code,
    form: options.form,
    checkEligibility: (applicant, form) => [...kindRules(applicant, form), ...furtherRules(applicant, form)],
    payoutPlan: options.payoutPlan ?? PAY_ALL_ON_ACCEPTANCE,
    reportingDuty: options.reportingDuty ?? PROJECT_REPORT,
    returnUnusedFunds: options.returnUnusedFunds ?? returnsUnusedFunds,
    ...parts,
  };
}

/**
 * A søkbar project scheme: the grant is what the form asks for, within its budget. Defaults: paid
 * in full on acceptance, reported three months after the period, unused funds returned.
 */
export function standardProjectScheme<Form extends ProjectApplicationForm>(options: ProjectSchemeOptions<Form>): SchemeDefinition<Form> {
  return assemble<Form, unknown>(options, {
    requestedAmount: requestedProjectAmount,
    assessmentCriteria: options.assessmentCriteria,
    kindRules: (_applicant, form) => projectRules(form),
    returnsUnusedFunds: true,
  });
}

export interface NamedRecipient {
  readonly organisationNumber: string;
  readonly name: string;
}

/** Named in the allocation letter (or budget) as the only recipient of its earmark. */
export const OSLO_KOMMUNE: NamedRecipient = { organisationNumber: '958935420', name: 'Oslo kommune' };

/**
 * A navngitt scheme: one recipient, who still sends an application or plan. Nothing competes, so
 * there is nothing to score.
 */
export function namedRecipientScheme<Form extends ProjectApplicationForm>(
  options: SchemeOptions<Form> & { readonly recipient: NamedRecipient },
): SchemeDefinition<Form> {
  const { recipient, rules = noFurtherRules } = options;
  return standardProjectScheme({
    ...options,
    assessmentCriteria: [],
    rules: (applicant, form) => [...onlyNamedRecipient(applicant, recipient.organisationNumber, recipient.name), ...rules(applicant, form)],
  });
}

export interface EntitlementSchemeOptions<Form, Basis> extends SchemeOptions<Form> {
  readonly calculation: SchemeCalculation<Basis>;
  readonly payoutPlan: PayoutPlan;
  readonly reportingDuty: ReportingDuty;
}

/**
 * A rettighet scheme: a municipality claims, the amount follows from the year's rates and counts.
 * Nothing is applied for or scored. Unused funds are not returned unless the scheme says so.
 */
export function entitlementScheme<Form extends MunicipalClaimForm, Basis>(options: EntitlementSchemeOptions<Form, Basis>): SchemeDefinition<Form, Basis> {
  return assemble(options, {
    requestedAmount: () => null,
    assessmentCriteria: [],
    calculation: options.calculation,
    kindRules: ownMunicipalityOnly,
    returnsUnusedFunds: false,
  });
}
