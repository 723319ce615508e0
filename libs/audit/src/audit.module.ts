import { Global, Module } from '@nestjs/common';
import { SIGN_IN_AUDIT } from '@imdi/auth';
import { AuditController } from './api/audit.controller';
import { AuditTrail } from './application/audit-trail';

@Global()
@Module({ controllers: [AuditController], providers: [AuditTrail, { provide: SIGN_IN_AUDIT, useExisting: AuditTrail }], exports: [AuditTrail, SIGN_IN_AUDIT] })
export class AuditModule {}
