import type { Message, SendOutcome } from '../domain/message';

/** A channel adapter: one attempt to hand one message over. Never throws for a delivery failure. */
export abstract class MessageTransport {
  abstract send(message: Message): Promise<SendOutcome>;
}
