import { Injectable, Logger } from '@nestjs/common';
import { isQueueName, QueueRegistry } from '@imdi/platform';
import { DataSource } from 'typeorm';
import { DOMAIN_EVENTS_QUEUE } from './events/domain-event';
import { DomainEventFanOut } from './events/domain-event.fan-out';
import { claimPendingOutboxMessages, markOutboxMessagesRelayed } from './infrastructure/outbox-messages';
import { outboxJobId } from './outbox.writer';

const BATCH_SIZE = 200;

/**
 * Moves committed outbox rows onto their queues. Rows are claimed with SKIP LOCKED so concurrent
 * relays never take the same row; the job id is derived from the row, so if we crash after adding
 * the job but before marking the row, the next relay's add is a no-op in BullMQ. A domain event row
 * becomes one job per subscriber (see DomainEventFanOut).
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: QueueRegistry,
    private readonly events: DomainEventFanOut,
  ) {}

  /** Relays one batch; returns how many rows it relayed. */
  async relayBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await claimPendingOutboxMessages(manager, BATCH_SIZE);
      for (const row of rows) {
        if (row.queue === DOMAIN_EVENTS_QUEUE) {
          await this.events.fanOut(row);
          continue;
        }
        if (!isQueueName(row.queue)) {
          this.logger.error(`outbox message ${row.id} names unknown queue ${row.queue}; left unrelayed`);
          continue;
        }
        await this.queues.get(row.queue).add(row.job_name, { ...row.payload, correlationId: row.correlation_id ?? undefined }, { jobId: outboxJobId(row.id) });
      }
      const relayed = rows.filter((row) => row.queue === DOMAIN_EVENTS_QUEUE || isQueueName(row.queue)).map((row) => row.id);
      await markOutboxMessagesRelayed(manager, relayed);
      return relayed.length;
    });
  }

  /** Relays until nothing is pending. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const relayed = await this.relayBatch();
      total += relayed;
      if (relayed < BATCH_SIZE) return total;
    }
  }
}
