import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { MessageChannel, MessageKind, MessageState } from '../domain/message';
import { MessageRepository, type StoredMessage } from '../infrastructure/message.repository';

/** What caseworkers and admins see of a message: where it went and what became of it, not its text. */
export interface MessageView {
  readonly id: string;
  readonly kind: MessageKind;
  readonly channel: MessageChannel;
  readonly recipient: string;
  readonly subject: string;
  readonly caseId: string | null;
  readonly state: MessageState;
  readonly failureReason: string | null;
  readonly lastError: string | null;
  readonly attempts: number;
  readonly messageId: string;
  /** Digital post: eFormidling's conversationId, the same across resends. */
  readonly conversationId: string | null;
  /** Digital post: the integration point's last status (MOTTATT, LEVERT, LEST, FEIL …). */
  readonly channelStatus: string | null;
  readonly createdAt: string;
  readonly handedOverAt: string | null;
  readonly deliveredAt: string | null;
  readonly readAt: string | null;
  readonly failedAt: string | null;
}

export const toMessageView = (message: StoredMessage): MessageView => ({
  id: message.id,
  kind: message.kind,
  channel: message.channel,
  recipient: message.recipient,
  subject: message.subject,
  caseId: message.caseId,
  state: message.state,
  failureReason: message.failureReason,
  lastError: message.lastError,
  attempts: message.attempts,
  messageId: message.messageId,
  conversationId: message.channel === 'eformidling' ? message.conversationId : null,
  channelStatus: message.channelStatus,
  createdAt: message.createdAt.toISOString(),
  handedOverAt: message.handedOverAt?.toISOString() ?? null,
  deliveredAt: message.deliveredAt?.toISOString() ?? null,
  readAt: message.readAt?.toISOString() ?? null,
  failedAt: message.failedAt?.toISOString() ?? null,
});

/** The messaging context's read port: a case's messages (for its overview) and the failed ones. */
@Injectable()
export class MessageQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: MessageRepository,
  ) {}

  async forCase(caseId: string): Promise<MessageView[]> {
    return (await this.repository.forCase(this.dataSource.manager, caseId)).map(toMessageView);
  }

  /** What became of the messages one record of the sender's sent (a letter that belongs to no case). */
  async forReference(kind: MessageKind, reference: string): Promise<MessageView[]> {
    return (await this.repository.forReference(this.dataSource.manager, kind, reference)).map(toMessageView);
  }

  async failed(): Promise<MessageView[]> {
    return (await this.repository.failed(this.dataSource.manager, 500)).map(toMessageView);
  }
}
