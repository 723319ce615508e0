export { AuditTrail, SYSTEM_ACTOR, actorIdOf, type AuditActor, type AuditRecord, type AuditHistoryEntry } from './application/audit-trail';
export { verifyAuditChain, type ChainVerification } from './application/audit-chain.verifier';
export { AuditModule } from './audit.module';
