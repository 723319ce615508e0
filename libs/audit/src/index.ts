export { AuditTrail, SYSTEM_ACTOR, actorIdOf, type AuditActor, type AuditRecord, type AuditHistoryEntry } from './application/audit-trail';
export { verifyAuditChain, type AuditAnchor, type ChainVerification } from './application/audit-chain.verifier';
export { sealAuditTrail, sealMac, type SealResult } from './application/audit-seal';
export { AuditSealSchedule } from './application/audit-seal.schedule';
export { AuditModule } from './audit.module';
