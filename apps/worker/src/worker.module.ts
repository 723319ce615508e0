import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AuditModule, AuditSealSchedule } from '@imdi/audit';
import { OutboxModule, OutboxRelayRunner } from '@imdi/outbox';
import { ClockModule, ConfigModule, DatabaseModule, LoggingModule, QueuesModule } from '@imdi/platform';
import { CaseworkModule, ProvisionalAnswerSchedule } from '@imdi/casework';
import { IntakeModule } from '@imdi/intake';
import { MessagingModule } from '@imdi/messaging';
import { RecipientReportsModule, ReportReminderSchedule } from '@imdi/recipient-reports';
import { ReportingModule } from '@imdi/reporting';
import { PayoutRunWatchdog } from '@imdi/payments';
import { JobDispatcher } from './job-dispatcher';

@Module({
  imports: [ConfigModule, LoggingModule.forApp('worker'), ClockModule, DatabaseModule, QueuesModule, DiscoveryModule, AuditModule, OutboxModule, IntakeModule, MessagingModule, CaseworkModule, ReportingModule, RecipientReportsModule],
  providers: [JobDispatcher, OutboxRelayRunner, AuditSealSchedule, ProvisionalAnswerSchedule, ReportReminderSchedule, PayoutRunWatchdog],
})
export class WorkerModule {}
