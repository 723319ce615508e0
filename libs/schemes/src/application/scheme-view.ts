import { osloDateTime } from '@imdi/kernel';
import { targetConstructorToSchema } from 'class-validator-jsonschema';
import type { AssessmentCriterion, PayoutPlan, ReportingDuty, SchemeDefinition } from '../domain/scheme-definition';
import { requiresMinistryPreNotification, type AppealRoute, type ApplicantType, type LocalisedText, type SchemeKind } from '../domain/scheme-terms';
import { windowStatus, type SchemeVersion, type WindowStatus } from '../domain/scheme-version';

export interface SchemeView {
  readonly code: string;
  readonly budgetYear: number;
  readonly name: LocalisedText;
  readonly kind: SchemeKind;
  readonly budgetPost: string;
  readonly earmarkCodes: readonly string[];
  readonly applicantTypes: readonly ApplicantType[];
  readonly appealRoute: AppealRoute;
  readonly requiresMinistryPreNotification: boolean;
  readonly window: {
    readonly status: WindowStatus;
    /** Oslo local time, as the applicant reads it. */
    readonly opens: string | null;
    readonly deadline: string | null;
    readonly opensAt: string | null;
    readonly deadlineAt: string | null;
  };
  readonly legalBasis: string;
  readonly purpose: LocalisedText;
  readonly notes: string | null;
  readonly frozen: boolean;
  readonly rates: ReadonlyArray<{ code: string; label: string; amountNok: string; unit: string; provisional: boolean; confirmed: boolean }>;
  readonly assessmentCriteria: readonly AssessmentCriterion[];
  readonly payoutPlan: PayoutPlan;
  readonly reportingDuty: ReportingDuty;
  readonly returnUnusedFunds: boolean;
  readonly formSchema: object;
}

const schemaCache = new WeakMap<object, object>();

/**
 * The JSON schema of a scheme's form, generated from its class-validator decorators, with the
 * bokmål labels the form classes declare and their nynorsk (`x-nn`). The web front end builds the form from it.
 */
export function formSchemaOf(definition: SchemeDefinition): object {
  let schema = schemaCache.get(definition.form);
  if (!schema) {
    schema = inheritedFieldsFirst(targetConstructorToSchema(definition.form), definition.form);
    schemaCache.set(definition.form, schema);
  }
  return schema;
}

type FormSchema = ReturnType<typeof targetConstructorToSchema>;
type FormClass = Parameters<typeof targetConstructorToSchema>[0];

/** The generator lists a subclass's own fields first; an applicant reads the common ones (title, period, budget) first. */
function inheritedFieldsFirst(schema: FormSchema, form: FormClass): FormSchema {
  const order = fieldOrder(form);
  const rank = (key: string): number => order.indexOf(key);
  const properties = Object.fromEntries(Object.entries(schema.properties ?? {}).sort(([a], [b]) => rank(a) - rank(b)));
  return { ...schema, properties, ...(schema.required ? { required: [...schema.required].sort((a, b) => rank(a) - rank(b)) } : {}) };
}

function fieldOrder(form: FormClass): string[] {
  const parent: unknown = Object.getPrototypeOf(form);
  const inherited = typeof parent === 'function' && parent !== Function.prototype ? fieldOrder(parent) : [];
  return [...new Set([...inherited, ...Object.keys(targetConstructorToSchema(form).properties ?? {})])];
}

export function toSchemeView(version: SchemeVersion, definition: SchemeDefinition, now: Date): SchemeView {
  return {
    code: version.schemeCode,
    budgetYear: version.budgetYear,
    name: version.name,
    kind: version.kind,
    budgetPost: version.budgetPost.toString(),
    earmarkCodes: version.earmarkCodes,
    applicantTypes: version.applicantTypes,
    appealRoute: version.appealRoute,
    requiresMinistryPreNotification: requiresMinistryPreNotification(version.kind),
    window: {
      status: windowStatus(version, now),
      opens: version.window ? osloDateTime(version.window.opensAt) : null,
      deadline: version.window ? osloDateTime(version.window.deadlineAt) : null,
      opensAt: version.window?.opensAt.toISOString() ?? null,
      deadlineAt: version.window?.deadlineAt.toISOString() ?? null,
    },
    legalBasis: version.legalBasis,
    purpose: version.purpose,
    notes: version.notes,
    frozen: version.frozenAt !== null,
    rates: version.rates.map((rate) => ({
      code: rate.code,
      label: rate.label,
      amountNok: rate.amount.toDecimalString(),
      unit: rate.unit,
      provisional: rate.provisional,
      confirmed: rate.confirmed,
    })),
    assessmentCriteria: definition.assessmentCriteria,
    payoutPlan: definition.payoutPlan,
    reportingDuty: definition.reportingDuty,
    returnUnusedFunds: definition.returnUnusedFunds,
    formSchema: formSchemaOf(definition),
  };
}
