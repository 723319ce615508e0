import { Global, Module } from '@nestjs/common';
import { OutboxRelay } from './outbox.relay';
import { OutboxWriter } from './outbox.writer';
import { ProcessedJobs } from './processed-jobs';

@Global()
@Module({ providers: [OutboxWriter, OutboxRelay, ProcessedJobs], exports: [OutboxWriter, OutboxRelay, ProcessedJobs] })
export class OutboxModule {}
