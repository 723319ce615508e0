import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DOMAIN_EVENTS_QUEUE, eventJobId, type DomainEvent } from './domain-event';
import { DomainEventSubscribers } from './domain-event.subscribers';

export interface DomainEventRow {
  readonly id: string;
  readonly job_name: string;
  readonly payload: { version?: number; data?: object };
  readonly correlation_id: string | null;
  readonly created_at: Date;
}

/**
 * The relay's half of delivery: one job per subscriber of a committed event, its id made from the
 * event id and the subscriber's name, so a relay that dies after adding the jobs and before marking the
 * row adds nothing the second time (BullMQ keeps completed jobs a week), and the subscriber's claim in
 * `processed_job` makes the effect once even past that.
 */
@Injectable()
export class DomainEventFanOut {
  private readonly logger = new Logger(DomainEventFanOut.name);

  constructor(
    @InjectQueue(DOMAIN_EVENTS_QUEUE) private readonly queue: Queue,
    private readonly subscribers: DomainEventSubscribers,
  ) {}

  /** Returns how many subscriber jobs the event became (none is fine: nobody listens yet). */
  async fanOut(row: DomainEventRow): Promise<number> {
    const version = row.payload.version ?? 1;
    const event: DomainEvent<object> = {
      id: row.id,
      name: row.job_name,
      version,
      occurredAt: row.created_at.toISOString(),
      payload: row.payload.data ?? {},
      ...(row.correlation_id ? { correlationId: row.correlation_id } : {}),
    };
    const subscriptions = this.subscribers.of(event.name, version);
    if (subscriptions.length === 0) {
      this.logger.debug(`domain event ${event.name}@${version} ${event.id} has no subscribers`);
      return 0;
    }
    await this.queue.addBulk(subscriptions.map(({ subscriber }) => ({ name: subscriber, data: event, opts: { jobId: eventJobId(event.id, subscriber) } })));
    return subscriptions.length;
  }
}
