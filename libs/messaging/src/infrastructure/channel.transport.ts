import { Injectable } from '@nestjs/common';
import type { Message, SendOutcome } from '../domain/message';
import { EformidlingTransport } from './eformidling.transport';
import { MessageTransport } from './message.transport';
import { SmtpMailTransport } from './smtp-mail.transport';

/** Hands each message to its own channel's adapter. */
@Injectable()
export class ChannelTransport extends MessageTransport {
  constructor(
    private readonly mail: SmtpMailTransport,
    private readonly digitalPost: EformidlingTransport,
  ) {
    super();
  }

  send(message: Message): Promise<SendOutcome> {
    return message.channel === 'eformidling' ? this.digitalPost.send(message) : this.mail.send(message);
  }
}
