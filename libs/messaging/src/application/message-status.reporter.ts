import { Injectable, Logger } from '@nestjs/common';
import { OutboxWriter } from '@imdi/outbox';
import { isQueueName } from '@imdi/platform';
import type { EntityManager } from 'typeorm';
import type { MessageStatusReport } from '../domain/message';
import type { StoredMessage } from '../infrastructure/message.repository';

/** Tells the sender's context what became of its message, through the outbox, in the same transaction. */
@Injectable()
export class MessageStatusReporter {
  private readonly logger = new Logger(MessageStatusReporter.name);

  constructor(private readonly outbox: OutboxWriter) {}

  async report(manager: EntityManager, message: StoredMessage, state: MessageStatusReport['state'], reason?: string): Promise<void> {
    if (!message.reportTo) return;
    const [queue, name] = message.reportTo.split('/');
    if (!isQueueName(queue) || !name) {
      this.logger.error(`message ${message.id} names an unknown report-back job ${message.reportTo}`);
      return;
    }
    const report: MessageStatusReport = { messageId: message.id, reference: message.reference, state, ...(reason ? { reason } : {}) };
    await this.outbox.add(manager, { queue, name }, report);
  }
}
