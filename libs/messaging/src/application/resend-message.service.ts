import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@imdi/audit';
import type { Principal } from '@imdi/auth';
import { OutboxWriter } from '@imdi/outbox';
import { DataSource } from 'typeorm';
import { MessagingError } from '../domain/messaging.errors';
import { MessageRepository } from '../infrastructure/message.repository';
import { MessageStatusReporter } from './message-status.reporter';
import { DELIVER_MESSAGE } from './messaging.jobs';
import { toMessageView, type MessageView } from './message.query';

/** A caseworker or admin corrects a failed message's recipient (or not) and sends it again. */
@Injectable()
export class ResendMessage {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: MessageRepository,
    private readonly outbox: OutboxWriter,
    private readonly reporter: MessageStatusReporter,
    private readonly audit: AuditTrail,
  ) {}

  async resend(id: string, recipient: string | undefined, principal: Principal): Promise<MessageView> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.repository.find(manager, id);
      if (!before) throw new MessagingError('MESSAGE_NOT_FOUND', `Det finnes ingen melding ${id}.`, { id }, 'id');
      if (recipient !== undefined && before.channel === 'eformidling' && !/^\d{9}$/.test(recipient)) {
        throw new MessagingError(
          'RECIPIENT_NOT_FOR_CHANNEL',
          'Digital post sendes til et organisasjonsnummer med 9 siffer, for eksempel 974760673.',
          { channel: before.channel },
          'recipient',
        );
      }
      if (recipient !== undefined && before.channel === 'email' && !recipient.includes('@')) {
        throw new MessagingError(
          'RECIPIENT_NOT_FOR_CHANNEL',
          'En e-post sendes til en e-postadresse, for eksempel post@kommune.no.',
          { channel: before.channel },
          'recipient',
        );
      }
      const message = await this.repository.requeue(manager, id, recipient);
      if (!message) {
        throw new MessagingError(
          'MESSAGE_NOT_FAILED',
          `Meldingen kan bare sendes på nytt når sendingen har feilet for godt; den er nå «${before.state}».`,
          { state: before.state },
          'id',
        );
      }
      await this.outbox.add(manager, DELIVER_MESSAGE, { messageId: id });
      await this.reporter.report(manager, message, 'queued');
      await this.audit.record(manager, {
        actor: principal,
        action: 'message.resent',
        entityType: 'message',
        entityId: id,
        before: { recipient: before.recipient, failureReason: before.failureReason },
        after: { recipient: message.recipient },
      });
      return toMessageView(message);
    });
  }
}
