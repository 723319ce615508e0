import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig, HandlesJob, QueueRegistry, type JobContext, type JobHandler } from '@imdi/platform';
import { DataSource } from 'typeorm';
import { digitalPostProgress } from '../domain/digital-post';
import { EformidlingTransport } from '../infrastructure/eformidling.transport';
import { MessageRepository } from '../infrastructure/message.repository';
import { MessageStatusReporter } from './message-status.reporter';
import { POLL_DIGITAL_POST } from './messaging.jobs';

const BATCH = 200;

/**
 * Reads the integration point's statuses for each handed-over letter (GET /api/statuses/{messageId})
 * and moves the message on: LEVERT → delivered, LEST → read, FEIL or LEVETID_UTLOPT → failed with
 * the reason, shown on the case and in the failed list for someone to resend. The integration point
 * being away is not an error here: the next run asks again.
 */
@Injectable()
@HandlesJob(POLL_DIGITAL_POST)
export class PollDigitalPostHandler implements JobHandler<{ limit?: number }> {
  private readonly logger = new Logger(PollDigitalPostHandler.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: MessageRepository,
    private readonly transport: EformidlingTransport,
    private readonly reporter: MessageStatusReporter,
  ) {}

  async handle(payload: { limit?: number }, context: JobContext): Promise<void> {
    if (!this.transport.configured) return;
    const client = this.transport.integrationPoint();
    const waiting = await this.repository.awaitingReceipt(this.dataSource.manager, payload.limit ?? BATCH);
    let moved = 0;
    for (const message of waiting) {
      let statuses;
      try {
        statuses = await client.statuses(message.messageId);
      } catch (error) {
        this.logger.warn(`integration point did not answer for message ${message.id}: ${(error as Error).message}`);
        return;
      }
      const progress = digitalPostProgress(statuses);
      await this.dataSource.transaction(async (manager) => {
        const changed = await this.repository.recordProgress(manager, message.id, message.messageId, progress);
        if (changed) moved++;
        if (changed && progress.state === 'failed') await this.reporter.report(manager, message, 'failed', progress.reason);
      });
      if (progress.state === 'failed') this.logger.warn(`digital post ${message.id} (${message.kind}) failed at the receiver: ${progress.reason}`);
    }
    await context.updateProgress({ checked: waiting.length, moved });
  }
}

/** Schedules the status poll in the worker when an integration point is configured. */
@Injectable()
export class DigitalPostStatusSchedule implements OnApplicationBootstrap {
  constructor(
    private readonly queues: QueueRegistry,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const queue = this.queues.get(POLL_DIGITAL_POST.queue);
    if (!this.config.EFORMIDLING_URL) {
      await queue.removeJobScheduler('digital-post-statuses');
      return;
    }
    await queue.upsertJobScheduler(
      'digital-post-statuses',
      { every: this.config.EFORMIDLING_POLL_MS },
      { name: POLL_DIGITAL_POST.name, data: {}, opts: { attempts: 1 } },
    );
  }
}
