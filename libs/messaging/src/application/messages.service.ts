import { Injectable } from '@nestjs/common';
import { OutboxWriter } from '@imdi/outbox';
import { AppConfig, jobKey, type JobDefinition } from '@imdi/platform';
import type { EntityManager } from 'typeorm';
import { textFor, type Language, type MessageKind, type MessageStatusReport, type MessageTexts } from '../domain/message';
import { MessageRepository } from '../infrastructure/message.repository';
import { DELIVER_MESSAGE } from './messaging.jobs';

export interface MessageRequest {
  /** The same key twice is one message: a sender's retry never mails twice. */
  readonly dedupeKey: string;
  readonly kind: MessageKind;
  readonly recipient: string;
  /** The recipient's målform; the text in it is stored and sent. */
  readonly language: Language;
  readonly texts: MessageTexts;
  readonly caseId?: string;
  readonly reference?: string;
  /** A job of the sender's own that hears when the message is handed over or has failed. */
  readonly reportTo?: JobDefinition<MessageStatusReport>;
}

/**
 * The messaging context's port: other contexts ask for a message inside their own transaction, so
 * the message exists exactly when their change commits; the worker hands it over afterwards.
 */
@Injectable()
export class Messages {
  private readonly messageIdDomain: string;

  constructor(
    private readonly repository: MessageRepository,
    private readonly outbox: OutboxWriter,
    config: AppConfig,
  ) {
    this.messageIdDomain = /@([^\s<>@]+?)>?$/.exec(config.MAIL_FROM)?.[1] ?? 'imdi.no';
  }

  /** Returns the new message's id, or undefined when a message with this dedupe key exists already. */
  async send(manager: EntityManager, request: MessageRequest): Promise<string | undefined> {
    const { language, text } = textFor(request.texts, request.language);
    const id = await this.repository.insert(manager, {
      dedupeKey: request.dedupeKey,
      channel: 'email',
      kind: request.kind,
      recipient: request.recipient,
      language,
      subject: text.subject,
      body: text.body,
      caseId: request.caseId ?? null,
      reference: request.reference ?? null,
      reportTo: request.reportTo ? jobKey(request.reportTo.queue, request.reportTo.name) : null,
      messageIdDomain: this.messageIdDomain,
    });
    if (id) await this.outbox.add(manager, DELIVER_MESSAGE, { messageId: id });
    return id;
  }
}
