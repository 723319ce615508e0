import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AuditModule, AuditSealSchedule } from '@imdi/audit';
import { DomainEventConsumer, OutboxModule, OutboxRelayRunner } from '@imdi/outbox';
import { ClockModule, ConfigModule, DatabaseModule, LoggingModule, QueuesModule } from '@imdi/platform';
import { CaseworkModule, ProvisionalAnswerSchedule } from '@imdi/casework';
import { IntakeModule } from '@imdi/intake';
import { DigitalPostStatusSchedule, MessagingModule } from '@imdi/messaging';
import { JournalModule, PublicJournalExportSchedule } from '@imdi/journal';
import { RecipientReportsModule, ReportReminderSchedule } from '@imdi/recipient-reports';
import { ReportingModule } from '@imdi/reporting';
import { PayoutRunWatchdogModule } from '@imdi/payments';
import { JobDispatcher } from './job-dispatcher';

@Module({
  imports: [
    ConfigModule,
    LoggingModule.forApp('worker'),
    ClockModule,
    DatabaseModule,
    QueuesModule,
    DiscoveryModule,
    AuditModule,
    OutboxModule,
    IntakeModule,
    MessagingModule,
    CaseworkModule,
    ReportingModule,
    RecipientReportsModule,
    JournalModule,
    PayoutRunWatchdogModule,
  ],
  providers: [
    JobDispatcher,
    OutboxRelayRunner,
    DomainEventConsumer,
    AuditSealSchedule,
    ProvisionalAnswerSchedule,
    ReportReminderSchedule,
    DigitalPostStatusSchedule,
    PublicJournalExportSchedule,
  ],
})
export class WorkerModule {}
