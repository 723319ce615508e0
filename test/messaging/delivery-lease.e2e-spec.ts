import { Messages } from '@imdi/messaging';
import type { JobContext } from '@imdi/platform';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { DeliverMessageHandler } from '../../libs/messaging/src/application/deliver-message.handler';
import { startApi, type RunningApi } from '../support/api-harness';
import { startMailServer, type TestMailServer } from '../support/mail-server';

/** The delivery handler itself (no worker, so no queue races): claims, leases and the last attempt. */
describe(DeliverMessageHandler.name, () => {
  let mail: TestMailServer;
  let api: RunningApi;
  let dataSource: DataSource;
  let handler: DeliverMessageHandler;
  const context = (attempt = 1): JobContext => ({ jobId: `lease-test-${attempt}`, attempt, maxAttempts: 16, updateProgress: async () => undefined });

  const newMessage = async (recipient: string): Promise<{ id: string; messageId: string }> => {
    const id = await dataSource.transaction((manager) =>
      api.app.get(Messages, { strict: false }).send(manager, {
        dedupeKey: `lease:${recipient}`,
        kind: 'receipt',
        recipient,
        language: 'nb',
        texts: { nb: { subject: 'Kvittering', body: 'Mottatt.' } },
      }),
    );
    const [row] = await dataSource.query(`SELECT id, message_id FROM message WHERE id = $1`, [id]);
    return { id: row.id, messageId: row.message_id };
  };
  const stateOf = async (id: string) => (await dataSource.query(`SELECT state, attempts, failure_reason FROM message WHERE id = $1`, [id]))[0];

  beforeAll(async () => {
    mail = await startMailServer();
    process.env.SMTP_URL = mail.url;
    api = await startApi();
    dataSource = api.app.get(DataSource);
    handler = api.app.get(DeliverMessageHandler, { strict: false });
  });

  afterAll(async () => {
    await api?.close();
    await mail?.close();
  });

  it('sends again, with the same Message-ID, a message whose sender died after claiming it', async () => {
    const recipient = `crashed-${Date.now()}@kommune.example.no`;
    const message = await newMessage(recipient);
    // As left by a worker killed between the server's 250 and marking the message handed over.
    await dataSource.query(
      `UPDATE message SET state = 'sending', lease_until = now() - interval '1 second', claimed_by = 'dead:1', attempts = 1 WHERE id = $1`,
      [message.id],
    );
    await handler.handle({ messageId: message.id }, context(2));
    expect(mail.receivedBy(recipient).map((received) => received.messageId)).toEqual([message.messageId]);
    expect(await stateOf(message.id)).toMatchObject({ state: 'handed_over', attempts: 2 });

    await handler.handle({ messageId: message.id }, context(3));
    expect(mail.receivedBy(recipient)).toHaveLength(1);
  });

  it('leaves a message alone while another attempt holds its lease, and says to try later', async () => {
    const recipient = `leased-${Date.now()}@kommune.example.no`;
    const message = await newMessage(recipient);
    await dataSource.query(
      `UPDATE message SET state = 'sending', lease_until = now() + interval '1 minute', claimed_by = 'other:2', attempts = 1 WHERE id = $1`,
      [message.id],
    );
    await expect(handler.handle({ messageId: message.id }, context(2))).rejects.toThrow(/being sent by another attempt/);
    expect(mail.receivedBy(recipient)).toEqual([]);
    expect(await stateOf(message.id)).toMatchObject({ state: 'sending', attempts: 1 });
  });

  it('gives up on the last attempt while the server is away, saying why', async () => {
    const recipient = `away-${Date.now()}@kommune.example.no`;
    const message = await newMessage(recipient);
    await mail.down();
    try {
      await expect(handler.handle({ messageId: message.id }, context(15))).rejects.not.toBeInstanceOf(UnrecoverableError);
      expect(await stateOf(message.id)).toMatchObject({ state: 'queued', attempts: 1 });
      await expect(handler.handle({ messageId: message.id }, context(16))).rejects.toBeInstanceOf(UnrecoverableError);
    } finally {
      await mail.up();
    }
    const failed = await stateOf(message.id);
    expect(failed).toMatchObject({ state: 'failed', attempts: 2 });
    expect(failed.failure_reason).toMatch(/^ga opp etter 16 forsøk: .*ECONNREFUSED/);
  });
});
