import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { MessageKind, MessageState } from '../domain/message';
import { MessageRepository, type StoredMessage } from '../infrastructure/message.repository';

/** What caseworkers and admins see of a message: where it went and what became of it, not its text. */
export interface MessageView {
  readonly id: string;
  readonly kind: MessageKind;
  readonly channel: 'email';
  readonly recipient: string;
  readonly subject: string;
  readonly caseId: string | null;
  readonly state: MessageState;
  readonly failureReason: string | null;
  readonly lastError: string | null;
  readonly attempts: number;
  readonly messageId: string;
  readonly createdAt: string;
  readonly handedOverAt: string | null;
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
  createdAt: message.createdAt.toISOString(),
  handedOverAt: message.handedOverAt?.toISOString() ?? null,
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

  async failed(): Promise<MessageView[]> {
    return (await this.repository.failed(this.dataSource.manager, 500)).map(toMessageView);
  }
}
