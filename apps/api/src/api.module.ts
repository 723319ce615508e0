import { Module } from '@nestjs/common';
import { APP_FILTER, DiscoveryModule } from '@nestjs/core';
import { AuditModule } from '@imdi/audit';
import { AuthModule } from '@imdi/auth';
import { OutboxModule } from '@imdi/outbox';
import {
  ClockModule,
  ConfigModule,
  DatabaseModule,
  DOMAIN_ERROR_STATUSES_PROVIDER,
  HealthModule,
  LoggingModule,
  ProblemDetailsFilter,
  QueuesModule,
} from '@imdi/platform';
import { BudgetModule } from '@imdi/budget';
import { CaseworkModule } from '@imdi/casework';
import { IntakeModule } from '@imdi/intake';
import { MessagingModule } from '@imdi/messaging';
import { JournalModule } from '@imdi/journal';
import { RecipientReportsModule } from '@imdi/recipient-reports';
import { ReportingModule } from '@imdi/reporting';
import { SchemesModule } from '@imdi/schemes';
import { HealthController } from './health.controller';

@Module({
  imports: [
    DiscoveryModule,
    ConfigModule,
    LoggingModule.forApp('api'),
    ClockModule,
    DatabaseModule,
    QueuesModule,
    AuthModule,
    AuditModule,
    OutboxModule,
    HealthModule,
    BudgetModule,
    SchemesModule,
    IntakeModule,
    MessagingModule,
    CaseworkModule,
    ReportingModule,
    RecipientReportsModule,
    JournalModule,
  ],
  controllers: [HealthController],
  providers: [DOMAIN_ERROR_STATUSES_PROVIDER, { provide: APP_FILTER, useClass: ProblemDetailsFilter }],
})
export class ApiModule {}
