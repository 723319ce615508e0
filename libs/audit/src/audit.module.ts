import { Global, Module } from '@nestjs/common';
import { AuditController } from './api/audit.controller';
import { AuditTrail } from './application/audit-trail';

@Global()
@Module({ controllers: [AuditController], providers: [AuditTrail], exports: [AuditTrail] })
export class AuditModule {}
