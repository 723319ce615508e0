export { CasesModule } from './cases.module';
export {
  CaseLifecycle,
  type PlannedTransition,
  type TransitionPlan,
  type TransitionRecord,
  type TransitionRequest,
} from './application/case-lifecycle.service';
export { APPLICATION_DOCUMENT_NUMBER, CaseDocuments } from './application/case-documents.service';
export type { CaseFile } from './infrastructure/case-file.repository';
export { CASE_STATUSES, type CaseStatus } from './domain/case-status';
export {
  CASE_TRANSITIONS,
  SCHEME_KINDS_OF_CASES,
  availableTransitions,
  movesOf,
  nextStatus,
  type CaseMove,
  type CaseTransition,
  type SchemeKindOfCase,
} from './domain/case.state-machine';
export { CaseError, CASE_ERROR_STATUSES, type CaseErrorCode } from './domain/case.errors';
