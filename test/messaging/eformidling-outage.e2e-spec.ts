import { randomUUID } from 'node:crypto';
import { Messages } from '@imdi/messaging';
import { DataSource } from 'typeorm';
import { startApi, type RunningApi } from '../support/api-harness';
import { newOrganisationNumber } from '../support/identifiers';
import { startIntegrationPoint, type LocalIntegrationPoint } from '../support/integration-point';
import { startBuiltProgram, type RunningProcess } from '../support/process-harness';
import { eventually } from '../support/worker-harness';

const LETTERS = 40;

// Two real worker processes, an outage and the backoff after it: more than jest's default minute.
jest.setTimeout(180_000);

/** Needs `npm run build`: the two workers are real processes running dist/. */
describe('Digital post while the integration point is away, with two worker processes', () => {
  let integrationPoint: LocalIntegrationPoint;
  let api: RunningApi;
  let dataSource: DataSource;
  const workers: RunningProcess[] = [];
  const saved = process.env.EFORMIDLING_URL;

  beforeAll(async () => {
    integrationPoint = await startIntegrationPoint();
    process.env.EFORMIDLING_URL = integrationPoint.url;
    api = await startApi();
    dataSource = api.app.get(DataSource);
  });

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    await api?.close();
    await integrationPoint?.close();
    if (saved === undefined) delete process.env.EFORMIDLING_URL;
    else process.env.EFORMIDLING_URL = saved;
  });

  it('retries through 500s and refused connections and delivers every letter exactly once after it returns', async () => {
    const run = `outage-${Date.now()}`;
    const receivers = Array.from({ length: LETTERS }, () => newOrganisationNumber());
    integrationPoint.failing = true;
    const messages = api.app.get(Messages, { strict: false });
    await dataSource.transaction(async (manager) => {
      for (const [index, organisationNumber] of receivers.entries()) {
        await messages.sendLetter(manager, {
          dedupeKey: `${run}:${index}`,
          kind: 'decision-letter',
          organisationNumber,
          language: 'nb',
          letter: {
            caseNumber: `2017/${9000 + index}`,
            caseTitle: `Jobbsjansen del A 2017 – Kommune ${index}`,
            caseDate: '2017-03-01',
            documentNumber: 4,
            title: 'Vedtak om tilskudd – Jobbsjansen del A 2017',
            letterDate: '2017-05-02',
            caseworker: 'Siri Saksbehandler',
            administrativeUnit: 'Integrerings- og mangfoldsdirektoratet',
            recipientName: `Kommune ${index}`,
            senderName: 'IMDi',
            senderOrganisationNumber: '988295388',
          },
          document: { name: 'tilskuddsbrev.pdf', content: Buffer.from(`%PDF-1.7\n% brev ${index}\n%%EOF\n`) },
          caseId: randomUUID(),
          reference: randomUUID(),
        });
      }
    });
    const ids: string[] = (await dataSource.query(`SELECT id FROM message WHERE dedupe_key LIKE $1`, [`${run}:%`])).map((row: { id: string }) => row.id);
    expect(ids).toHaveLength(LETTERS);

    for (let index = 0; index < 2; index++) workers.push(startBuiltProgram('apps/worker/src/main.js', { LOG_LEVEL: 'warn', EFORMIDLING_POLL_MS: '300' }));
    const triedWhile = async (error: string): Promise<true | undefined> => {
      const [{ tried }] = await dataSource.query(
        `SELECT count(*)::int AS tried FROM message WHERE id = ANY($1::uuid[]) AND state = 'queued' AND last_error LIKE $2`,
        [ids, `%${error}%`],
      );
      return tried === LETTERS ? true : undefined;
    };
    // First the integration point answers 500, then it is gone altogether; every letter is tried and kept.
    await eventually(() => triedWhile('svarte 500'), 60_000);
    await integrationPoint.down();
    integrationPoint.failing = false;
    await eventually(() => triedWhile('ECONNREFUSED'), 60_000);
    expect(integrationPoint.sent).toEqual([]);

    await integrationPoint.up();
    await eventually(async () => {
      const [{ read }] = await dataSource.query(`SELECT count(*)::int AS read FROM message WHERE id = ANY($1::uuid[]) AND state = 'read'`, [ids]);
      return read === LETTERS ? true : undefined;
    }, 120_000);
    // Nothing more arrives afterwards: no letter went twice.
    await new Promise((settle) => setTimeout(settle, 1500));
    const ours = integrationPoint.sent.filter((message) => receivers.includes(message.receiver));
    expect(ours).toHaveLength(LETTERS);
    expect(new Set(ours.map((message) => message.receiver)).size).toBe(LETTERS);
    const rows: Array<{ message_id: string; attempts: number; claimed_by: string; channel_status: string }> = await dataSource.query(
      `SELECT message_id, attempts, claimed_by, channel_status FROM message WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    expect(new Set(ours.map((message) => message.messageId))).toEqual(new Set(rows.map((row) => row.message_id)));
    expect(rows.every((row) => row.attempts >= 3 && row.channel_status === 'LEST')).toBe(true);
    // Both worker processes took part, and neither died on the way.
    expect([...new Set(rows.map((row) => row.claimed_by.split(':').pop()))].sort()).toEqual(workers.map((worker) => String(worker.child.pid)).sort());
    for (const worker of workers) expect(worker.child.exitCode).toBeNull();
  });
});
