export { CaseworkModule } from './casework.module';
export { DELIVER_MINISTRY_NOTIFICATION, SEND_PROVISIONAL_ANSWERS } from './application/casework.jobs';
export { ProvisionalAnswerSchedule } from './application/provisional-answers.service';
export { CaseworkError, CASEWORK_ERROR_STATUSES, type CaseworkErrorCode } from './domain/casework.errors';
export { CaseworkDocuments, type ProducedDocument } from './application/casework-documents';
