export { SchemesModule } from './schemes.module';
export { SchemeCatalogueQuery } from './application/scheme-catalogue.query';
export { ImportSchemeYear } from './application/import-scheme-year.service';
export { FreezeSchemeVersion } from './application/freeze-scheme-version.service';
export { formSchemaOf, type SchemeView } from './application/scheme-view';
export { SCHEME_DEFINITIONS, schemeDefinition } from './catalogue/scheme-catalogue';
export { SchemeError, SCHEME_ERROR_STATUSES, type SchemeErrorCode } from './domain/scheme.errors';
export { acceptsApplications, budgetYearClosed, windowStatus, type SchemeVersion, type SchemeRate, type WindowStatus } from './domain/scheme-version';
export { RateTable, UnknownRateError, type Rate } from './domain/rate-table';
export {
  requiresMinistryPreNotification,
  APPLICANT_TYPES,
  type ApplicantType,
  type AppealRoute,
  type SchemeKind,
  type LocalisedText,
} from './domain/scheme-terms';
export type { ApplicantProfile, EligibilityProblem, SchemeDefinition, PayoutPlan, ReportingDuty, AssessmentCriterion } from './domain/scheme-definition';
export type { SchemeYearDocument } from './domain/scheme-year.document';
export {
  integreringstilskuddPerPerson,
  SETTLED_PERSON_CATEGORIES,
  type SettledPerson,
  type SettledPersonCategory,
} from './definitions/integreringstilskudd/integreringstilskudd.scheme';
export { PER_CAPITA_SCHEMES, PER_CAPITA_SCHEME_CODES, perCapitaScheme } from './catalogue/per-capita-catalogue';
export { ageOn, type PerCapitaPerson, type PerCapitaScheme, type PeriodEntitlement, type PeriodLine, type RecordProblem } from './domain/per-capita';
