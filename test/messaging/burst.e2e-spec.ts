import { Messages } from '@imdi/messaging';
import { QueueName, QueueRegistry } from '@imdi/platform';
import { DataSource } from 'typeorm';
import { startApi, type RunningApi } from '../support/api-harness';
import { startMailServer, type TestMailServer } from '../support/mail-server';
import { startBuiltProgram, type RunningProcess } from '../support/process-harness';
import { eventually } from '../support/worker-harness';

const BURST = 500;

// Real child processes that start, retry with backoff and send 500 mails. The waits below are bounds on
// waiting for a state, not timings: on a shared, loaded machine a worker process alone can take a minute
// to start, and the longer the server is down the longer the backoff the messages have reached when it
// returns (exponential from 1 s), so the bounds are wide and the test is allowed the sum of them.
const STARTED_AND_TRIED_WITHIN = 300_000;
const DELIVERED_WITHIN = 600_000;
jest.setTimeout(STARTED_AND_TRIED_WITHIN + DELIVERED_WITHIN + 120_000);

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
    const pids = workers.map((worker) => String(worker.child.pid)).sort();
    // Every message has been tried and refused (the server is down), and both workers are up and have
    // made attempts, before it comes back: a worker still starting when the server returns could
    // otherwise leave the whole burst to the other one.
    const claimersWhileDown = new Set<string>();
    await eventually(async () => {
      const [{ tried }] = await dataSource.query(
        `SELECT count(*)::int AS tried FROM message WHERE id = ANY($1::uuid[]) AND attempts >= 1 AND state = 'queued' AND last_error LIKE '%ECONNREFUSED%'`,
        [ids],
      );
      const claimers: Array<{ claimed_by: string | null }> = await dataSource.query(`SELECT DISTINCT claimed_by FROM message WHERE id = ANY($1::uuid[])`, [
        ids,
      ]);
      for (const { claimed_by } of claimers) if (claimed_by) claimersWhileDown.add(claimed_by.split(':').pop() ?? '');
      for (const worker of workers) if (worker.child.exitCode !== null) throw new Error(`a worker stopped while the server was down:\n${worker.output()}`);
      return tried === BURST && pids.every((pid) => claimersWhileDown.has(pid)) ? true : undefined;
    }, STARTED_AND_TRIED_WITHIN);
    expect(mail.received.filter((received) => received.to[0].startsWith(run))).toEqual([]);

    await mail.up();
    await eventually(async () => {
      const [{ sent }] = await dataSource.query(`SELECT count(*)::int AS sent FROM message WHERE id = ANY($1::uuid[]) AND state = 'handed_over'`, [ids]);
      return sent === BURST ? true : undefined;
    }, DELIVERED_WITHIN);
    // Nothing more can arrive once no delivery job is left to run (each message has one, which made
    // every attempt): only then is "no message was sent twice" a fact rather than a guess at a pause.
    const queue = api.app.get(QueueRegistry).get(QueueName.Messages);
    await eventually(async () => {
      const open = await queue.getJobs(['active', 'wait', 'delayed', 'prioritized', 'paused']);
      return open.some((job) => job.name === 'deliver-message') ? undefined : true;
    }, DELIVERED_WITHIN);
    const ours = mail.received.filter((received) => received.to[0].startsWith(run));
    expect(ours).toHaveLength(BURST);
    expect(new Set(ours.map((received) => received.to[0])).size).toBe(BURST);
    expect(new Set(ours.map((received) => received.messageId)).size).toBe(BURST);
    expect(ours.find((received) => received.to[0] === `${run}-1@kommune.example.no`)).toMatchObject({ subject: 'Påminning 1', contentLanguage: 'nn-NO' });
    const [{ retried }] = await dataSource.query(`SELECT count(*)::int AS retried FROM message WHERE id = ANY($1::uuid[]) AND attempts >= 2`, [ids]);
    expect(retried).toBe(BURST);
    // Both worker processes took part, and neither died on the way.
    const senders: Array<{ claimed_by: string }> = await dataSource.query(`SELECT DISTINCT claimed_by FROM message WHERE id = ANY($1::uuid[])`, [ids]);
    expect([...claimersWhileDown].sort()).toEqual(pids);
    expect(senders.every((sender) => pids.includes(sender.claimed_by.split(':').pop() ?? ''))).toBe(true);
    for (const worker of workers) expect(worker.child.exitCode).toBeNull();
  });
});
