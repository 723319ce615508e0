import { Injectable } from '@nestjs/common';
import { OutboxWriter } from '@imdi/outbox';
import { AppConfig, jobKey, type JobDefinition } from '@imdi/platform';
import type { EntityManager } from 'typeorm';
import { letterReference, textFor, type DigitalLetter, type Language, type MessageKind, type MessageStatusReport, type MessageTexts } from '../domain/message';
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

/** A formal letter to an organisation or municipality, as digital post through eFormidling. */
export interface LetterRequest {
  /** The same key twice is one letter. */
  readonly dedupeKey: string;
  readonly kind: Extract<MessageKind, 'decision-letter' | 'provisional-answer' | 'reclaim-notice-letter' | 'reclaim-decision-letter' | 'assignment-letter'>;
  /** The receiving organisation's number (9 digits): eFormidling addresses organisations, not people. */
  readonly organisationNumber: string;
  readonly language: Language;
  readonly letter: DigitalLetter;
  /** The letter itself (PDF/A), copied into the message: it leaves as it was when it was written. */
  readonly document: { readonly name: string; readonly content: Uint8Array };
  /** The case the letter belongs to; null for a letter in no case (an assignment letter). */
  readonly caseId: string | null;
  readonly reference: string;
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
    private readonly config: AppConfig,
  ) {
    this.messageIdDomain = /@([^\s<>@]+?)>?$/.exec(config.MAIL_FROM)?.[1] ?? 'imdi.no';
  }

  /** Whether formal letters go as digital post (EFORMIDLING_URL is set). */
  get digitalPostEnabled(): boolean {
    return Boolean(this.config.EFORMIDLING_URL);
  }

  /**
   * Queues a formal letter as digital post, in the caller's transaction. Without an integration
   * point configured nothing is queued (undefined): the letter stays in the portal, as before.
   */
  async sendLetter(manager: EntityManager, request: LetterRequest): Promise<string | undefined> {
    if (!this.digitalPostEnabled) return undefined;
    const id = await this.repository.insert(manager, {
      dedupeKey: request.dedupeKey,
      channel: 'eformidling',
      kind: request.kind,
      recipient: request.organisationNumber,
      language: request.language,
      subject: request.letter.title,
      body: `${request.letter.title} (${request.letter.archivePart === undefined ? 'sak ' : ''}${letterReference(request.letter)}) sendt som digital post til ${request.letter.recipientName}, organisasjonsnummer ${request.organisationNumber}.`,
      caseId: request.caseId,
      reference: request.reference,
      reportTo: null,
      messageIdDomain: null,
      letter: request.letter,
      document: request.document,
    });
    if (id) await this.outbox.add(manager, DELIVER_MESSAGE, { messageId: id });
    return id;
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
