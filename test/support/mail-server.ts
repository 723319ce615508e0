import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** The envelope's recipients (RCPT TO), as the server took them. */
  readonly to: readonly string[];
  readonly messageId: string;
  readonly subject: string;
  readonly text: string;
  readonly contentLanguage: string | undefined;
  readonly from: string;
}

/**
 * A real SMTP server in the test process (smtp-server), parsing what arrives with mailparser. It can
 * be taken down and brought back on the same port, and told to refuse recipients with a 550.
 */
export interface TestMailServer {
  readonly url: string;
  readonly received: ReceivedMail[];
  /** Recipients refused with "550 5.1.1" at RCPT TO. */
  readonly refused: Set<string>;
  receivedBy(address: string): ReceivedMail[];
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

export async function startMailServer(): Promise<TestMailServer> {
  const received: ReceivedMail[] = [];
  const refused = new Set<string>();
  let port = 0;
  let server: SMTPServer | undefined;

  const listen = async (): Promise<void> => {
    const instance = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      // When taken down, cut pooled client connections at once, as a crashed server would.
      closeTimeout: 50,
      onRcptTo(address, _session, callback) {
        if (refused.has(address.address.toLowerCase())) {
          const error = Object.assign(new Error('5.1.1 Mailbox unavailable: no such user here'), { responseCode: 550 });
          callback(error);
          return;
        }
        callback();
      },
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((mail) => {
            const language = mail.headers.get('content-language');
            received.push({
              to: session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase()),
              messageId: mail.messageId ?? '',
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              contentLanguage: typeof language === 'string' ? language : undefined,
              from: mail.from?.text ?? '',
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    instance.on('error', () => undefined);
    await new Promise<void>((done, fail) => {
      instance.server.once('error', fail);
      instance.listen(port, '127.0.0.1', () => done());
    });
    port = (instance.server.address() as AddressInfo).port;
    server = instance;
  };

  const stop = async (): Promise<void> => {
    const instance = server;
    server = undefined;
    if (instance) await new Promise<void>((done) => instance.close(() => done()));
  };

  await listen();
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refused,
    receivedBy: (address) => received.filter((mail) => mail.to.includes(address.toLowerCase())),
    down: stop,
    up: listen,
    close: stop,
  };
}
