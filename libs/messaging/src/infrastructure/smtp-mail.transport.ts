import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '@imdi/platform';
import { createTransport, type Transporter } from 'nodemailer';
import { classifySmtpFailure, type Message, type SendOutcome } from '../domain/message';
import { MessageTransport } from './message.transport';

/** Connection, greeting and socket limits stay well inside the send lease (see DeliverMessageHandler). */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 } as const;

/**
 * E-mail over SMTP with nodemailer, pooled so that a burst reuses a few connections. The message's
 * own Message-ID goes out with every attempt: a repeat after a crash is recognisable downstream.
 */
@Injectable()
export class SmtpMailTransport extends MessageTransport implements OnModuleDestroy {
  private transporter?: Transporter;

  constructor(private readonly config: AppConfig) {
    super();
  }

  async send(message: Message): Promise<SendOutcome> {
    this.transporter ??= createTransport({ url: this.config.smtpUrl, pool: true, maxConnections: 4, ...TIMEOUTS });
    try {
      const info = await this.transporter.sendMail({
        from: this.config.MAIL_FROM,
        to: message.recipient,
        subject: message.subject,
        text: message.body,
        messageId: message.messageId,
        headers: { 'Content-Language': message.language === 'nn' ? 'nn-NO' : 'nb-NO' },
      });
      return { kind: 'handed_over', response: String(info.response ?? '') };
    } catch (error) {
      const failure = error as Error & { responseCode?: number; response?: string; code?: string };
      const text = failure.response ?? failure.message;
      // A recipient address nodemailer itself refuses will not improve by waiting.
      if (failure.code === 'EENVELOPE' && failure.responseCode === undefined) return { kind: 'permanent', reason: text };
      return classifySmtpFailure(failure.responseCode, text);
    }
  }

  onModuleDestroy(): void {
    this.transporter?.close();
  }
}
