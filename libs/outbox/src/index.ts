export { OutboxWriter, outboxJobId } from './outbox.writer';
export { OutboxRelay } from './outbox.relay';
export { OutboxModule } from './outbox.module';
export { ProcessedJobs } from './processed-jobs';
export { OutboxRelayRunner } from './outbox-relay.runner';
export {
  DOMAIN_EVENTS_QUEUE,
  SubscribesTo,
  defineDomainEvent,
  eventJobId,
  type DomainEvent,
  type DomainEventDefinition,
  type DomainEventHandler,
} from './events/domain-event';
export { DomainEvents } from './events/domain-events.publisher';
export { DomainEventSubscribers, type Subscription } from './events/domain-event.subscribers';
export { DomainEventFanOut } from './events/domain-event.fan-out';
export { DomainEventConsumer } from './events/domain-event.consumer';
export { DomainEventStore } from './infrastructure/domain-event.store';
export * from './events/catalogue';
