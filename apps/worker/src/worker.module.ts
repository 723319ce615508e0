import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AuditModule } from '@imdi/audit';
import { OutboxModule, OutboxRelayRunner } from '@imdi/outbox';
import { ClockModule, ConfigModule, DatabaseModule, QueuesModule } from '@imdi/platform';
import { JobDispatcher } from './job-dispatcher';

@Module({
  imports: [ConfigModule, ClockModule, DatabaseModule, QueuesModule, DiscoveryModule, AuditModule, OutboxModule],
  providers: [JobDispatcher, OutboxRelayRunner],
})
export class WorkerModule {}
