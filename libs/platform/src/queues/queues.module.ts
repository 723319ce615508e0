import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { Global, Injectable, Module } from '@nestjs/common';
import { DiscoveryModule, ModuleRef } from '@nestjs/core';
import type { JobsOptions, Queue } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { JOB_CATALOG_PROVIDER, JobCatalog } from './job-catalog';
import { redisConnectionOptions } from './redis-connection';
import { ALL_QUEUES, QueueName } from './queue-name';

/** Completed jobs are kept a week so that a re-relayed outbox row finds its job id taken. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 7 * 24 * 3600 },
  removeOnFail: false,
} as const;

/**
 * A mail server may be away for hours: messages retry 16 times from 1 s doubling (the last about
 * nine hours after the first), so a night's outage is bridged and a short one costs seconds.
 */
const QUEUE_JOB_OPTIONS: Partial<Record<QueueName, JobsOptions>> = {
  [QueueName.Messages]: { ...DEFAULT_JOB_OPTIONS, attempts: 16, backoff: { type: 'exponential', delay: 1000 } },
  // The archive may be down for a day: 16 attempts from 1 s doubling reach about nine hours; then the archivist resends.
  [QueueName.Archive]: { ...DEFAULT_JOB_OPTIONS, attempts: 16, backoff: { type: 'exponential', delay: 1000 } },
};

@Injectable()
export class QueueRegistry {
  constructor(private readonly moduleRef: ModuleRef) {}

  get(name: QueueName): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }

  all(): Queue[] {
    return ALL_QUEUES.map((name) => this.get(name));
  }
}

@Global()
@Module({
  imports: [
    DiscoveryModule,
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        connection: redisConnectionOptions(config.REDIS_URL),
        prefix: config.QUEUE_PREFIX,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
    }),
    BullModule.registerQueue(...ALL_QUEUES.map((name) => ({ name, ...(QUEUE_JOB_OPTIONS[name] ? { defaultJobOptions: QUEUE_JOB_OPTIONS[name] } : {}) }))),
  ],
  providers: [QueueRegistry, JOB_CATALOG_PROVIDER],
  exports: [QueueRegistry, JobCatalog, BullModule],
})
export class QueuesModule {}
