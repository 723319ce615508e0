import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { DOMAIN_EVENTS_QUEUE } from './events/domain-event';
import { DomainEventFanOut } from './events/domain-event.fan-out';
import { DomainEventSubscribers } from './events/domain-event.subscribers';
import { DomainEvents } from './events/domain-events.publisher';
import { DomainEventStore } from './infrastructure/domain-event.store';
import { OutboxRelay } from './outbox.relay';
import { OutboxWriter } from './outbox.writer';
import { ProcessedJobs } from './processed-jobs';

@Global()
@Module({
  imports: [DiscoveryModule, BullModule.registerQueue({ name: DOMAIN_EVENTS_QUEUE })],
  providers: [OutboxWriter, OutboxRelay, ProcessedJobs, DomainEventStore, DomainEvents, DomainEventSubscribers, DomainEventFanOut],
  exports: [OutboxWriter, OutboxRelay, ProcessedJobs, DomainEvents, DomainEventSubscribers, DomainEventStore],
})
export class OutboxModule {}
