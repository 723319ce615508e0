import { CreateAuditTrailAndOutbox1795000000000 } from './1795000000000-CreateAuditTrailAndOutbox';

/** Every migration, in order. A new migration file is added here as well (the tests run from source). */
export const ALL_MIGRATIONS = [CreateAuditTrailAndOutbox1795000000000];
