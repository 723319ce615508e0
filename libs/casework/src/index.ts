export { CaseworkModule } from './casework.module';
export { DELIVER_MINISTRY_NOTIFICATION } from './application/casework.jobs';
export { CaseworkError, caseworkErrorStatus, type CaseworkErrorCode } from './domain/casework.errors';
