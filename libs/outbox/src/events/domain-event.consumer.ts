import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig, redisConnectionOptions } from '@imdi/platform';
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import { DataSource } from 'typeorm';
import { DomainEventStore } from '../infrastructure/domain-event.store';
import { DOMAIN_EVENTS_QUEUE, eventJobId, type DomainEvent } from './domain-event';
import { DomainEventSubscribers } from './domain-event.subscribers';

/**
 * The worker's half of delivery: takes subscriber jobs off the domain-events queue and runs the
 * subscriber in a transaction that first claims (event id, subscriber). A repeat delivery (a retry
 * after the commit, a stalled job taken over by another worker process) finds the claim and does
 * nothing; a failure rolls back claim and effect together, and the queue tries again.
 */
@Injectable()
export class DomainEventConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DomainEventConsumer.name);
  private worker?: Worker;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: DomainEventStore,
    private readonly subscribers: DomainEventSubscribers,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = new Worker(DOMAIN_EVENTS_QUEUE, (job) => this.deliver(job), {
      connection: redisConnectionOptions(this.config.REDIS_URL),
      prefix: this.config.QUEUE_PREFIX,
      concurrency: 4,
      lockDuration: this.config.WORKER_LOCK_MS,
      stalledInterval: this.config.WORKER_LOCK_MS,
    });
    this.worker.on('failed', (job, error) => this.logger.warn(`domain event delivery ${job?.id ?? '?'} failed: ${error.message}`));
    this.worker.on('error', (error) => this.logger.error(`domain event worker: ${error.message}`));
    this.logger.log(`delivering domain events to ${this.subscribers.all().length} subscribers`);
  }

  /** Runs one subscriber for one event, once. Answers whether this call had the effect. */
  async deliver(job: Pick<Job, 'name' | 'data'>): Promise<boolean> {
    const event = job.data as DomainEvent<object>;
    const subscription = this.subscribers.named(job.name);
    if (!subscription) throw new UnrecoverableError(`no subscriber ${job.name} for domain event ${event.name}`);
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.store.claim(manager, eventJobId(event.id, subscription.subscriber), subscription.subscriber))) return false;
      await subscription.handler.handle(event, manager);
      return true;
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}
