export { IntakeModule } from './intake.module';
export { ApplicationQuery, type ApplicationDetail, type ApplicationSummary } from './application/application.query';
export { IntakeDocuments, type IntakeDocument } from './application/intake-documents';
export { ISSUE_RECEIPT } from './application/intake.jobs';
export { IntakeError, INTAKE_ERROR_STATUSES, type IntakeErrorCode } from './domain/intake.errors';
export { OrganisationRepository, type Organisation } from './infrastructure/organisation.repository';
export { ApplicationRepository, type ApplicationRecord } from './infrastructure/application.repository';
export { scopeOf, type OrganisationScope } from './application/applicant-scope';
export { ATTACHMENT_BODY_LIMIT_BYTES, checkAttachment, MAX_ATTACHMENT_BYTES } from './domain/attachment-policy';
