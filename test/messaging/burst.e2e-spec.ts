import { Messages } from '@imdi/messaging';
import { DataSource } from 'typeorm';
import { startApi, type RunningApi } from '../support/api-harness';
import { startMailServer, type TestMailServer } from '../support/mail-server';
import { startBuiltProgram, type RunningProcess } from '../support/process-harness';
import { eventually } from '../support/worker-harness';

const BURST = 500;

// Real child processes that migrate, seed or send 500 mails: more than jest's default minute on a busy machine.
jest.setTimeout(180_000);

/** Needs `npm run build`: the two workers are real processes running dist/. */
describe('A burst of mail while the SMTP server is down, with two worker processes', () => {
  let mail: TestMailServer;
  let api: RunningApi;
  let dataSource: DataSource;
  const workers: RunningProcess[] = [];

  beforeAll(async () => {
    mail = await startMailServer();
    process.env.SMTP_URL = mail.url;
    api = await startApi();
    dataSource = api.app.get(DataSource);
  });

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    await api?.close();
    await mail?.close();
  });

  it('delivers all 500 exactly once after the server comes back', async () => {
    const run = `burst-${Date.now()}`;
    await mail.down();
    const messages = api.app.get(Messages, { strict: false });
    await dataSource.transaction(async (manager) => {
      for (let index = 0; index < BURST; index++) {
        await messages.send(manager, {
          dedupeKey: `${run}:${index}`,
          kind: 'report-reminder',
          recipient: `${run}-${index}@kommune.example.no`,
          language: index % 2 === 0 ? 'nb' : 'nn',
          texts: {
            nb: { subject: `Påminnelse ${index}`, body: 'Rapporten skal være hos IMDi innen fristen.' },
            nn: { subject: `Påminning ${index}`, body: 'Rapporten skal vere hos IMDi innan fristen.' },
          },
        });
      }
    });
    const ids: string[] = (await dataSource.query(`SELECT id FROM message WHERE dedupe_key LIKE $1`, [`${run}:%`])).map((row: { id: string }) => row.id);
    expect(ids).toHaveLength(BURST);

    for (let index = 0; index < 2; index++) workers.push(startBuiltProgram('apps/worker/src/main.js', { LOG_LEVEL: 'warn' }));
    // Every message has been tried and refused (the server is down) before it comes back.
    await eventually(async () => {
      const [{ tried }] = await dataSource.query(
        `SELECT count(*)::int AS tried FROM message WHERE id = ANY($1::uuid[]) AND attempts >= 1 AND state = 'queued' AND last_error LIKE '%ECONNREFUSED%'`,
        [ids],
      );
      return tried === BURST ? true : undefined;
    }, 60_000);
    expect(mail.received.filter((received) => received.to[0].startsWith(run))).toEqual([]);

    await mail.up();
    await eventually(async () => {
      const [{ sent }] = await dataSource.query(`SELECT count(*)::int AS sent FROM message WHERE id = ANY($1::uuid[]) AND state = 'handed_over'`, [ids]);
      return sent === BURST ? true : undefined;
    }, 120_000);
    // Nothing more arrives afterwards: no message was sent twice.
    await new Promise((settle) => setTimeout(settle, 2000));
    const ours = mail.received.filter((received) => received.to[0].startsWith(run));
    expect(ours).toHaveLength(BURST);
    expect(new Set(ours.map((received) => received.to[0])).size).toBe(BURST);
    expect(new Set(ours.map((received) => received.messageId)).size).toBe(BURST);
    expect(ours.find((received) => received.to[0] === `${run}-1@kommune.example.no`)).toMatchObject({ subject: 'Påminning 1', contentLanguage: 'nn-NO' });
    const [{ retried }] = await dataSource.query(`SELECT count(*)::int AS retried FROM message WHERE id = ANY($1::uuid[]) AND attempts >= 2`, [ids]);
    expect(retried).toBe(BURST);
    // Both worker processes took part, and neither died on the way.
    const senders: Array<{ claimed_by: string }> = await dataSource.query(`SELECT DISTINCT claimed_by FROM message WHERE id = ANY($1::uuid[])`, [ids]);
    expect(senders.map((sender) => sender.claimed_by.split(':').pop()).sort()).toEqual(workers.map((worker) => String(worker.child.pid)).sort());
    for (const worker of workers) expect(worker.child.exitCode).toBeNull();
  });
});
