export { OutboxWriter, outboxJobId } from './outbox.writer';
export { OutboxRelay } from './outbox.relay';
export { OutboxModule } from './outbox.module';
export { ProcessedJobs } from './processed-jobs';
export { OutboxRelayRunner } from './outbox-relay.runner';
