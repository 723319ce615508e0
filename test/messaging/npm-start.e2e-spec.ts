import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { Client } from 'pg';
import { freePort } from '../../scripts/free-port';
import { call, tokenFor } from '../support/api-harness';
import { newAccountNumber, newOrganisationNumber } from '../support/identifiers';
import { startBuiltProgram, type RunningProcess } from '../support/process-harness';
import { assertTestDatabaseName } from '../support/test-environment';
import { eventually } from '../support/worker-harness';

async function withAdmin(work: (client: Client) => Promise<unknown>): Promise<void> {
  const admin = new Client({ connectionString: process.env.IMDI_TEST_ADMIN_URL });
  await admin.connect();
  try {
    await work(admin);
  } finally {
    await admin.end();
  }
}

// Real child processes that migrate, seed or send 500 mails: more than jest's default minute on a busy machine.
jest.setTimeout(180_000);

/** Needs `npm run build`: runs dist/scripts/start.js as `npm start` does, on a database of its own. */
describe('npm start', () => {
  const suffix = randomBytes(3).toString('hex');
  const database = `${process.env.IMDI_TEST_DATABASE}_start${suffix}`;
  // Short: the run's and the file's prefixes together pass QUEUE_PREFIX's 40 characters.
  const queuePrefix = `imdi_test_start_${suffix}`;
  let start: RunningProcess | undefined;

  beforeAll(async () => {
    assertTestDatabaseName(database);
    await withAdmin((admin) => admin.query(`CREATE DATABASE ${database}`));
  });

  afterAll(async () => {
    await start?.stop(20_000);
    await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    const keys = await redis.keys(`${queuePrefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it('prints the mail catcher’s address, where the receipt of a submitted application then is', async () => {
    const url = new URL(process.env.IMDI_TEST_ADMIN_URL!);
    url.pathname = `/${database}`;
    const apiPort = await freePort();
    start = startBuiltProgram('scripts/start.js', {
      DATABASE_URL: url.toString(),
      QUEUE_PREFIX: queuePrefix,
      API_PORT: String(apiPort),
      SMTP_URL: '',
      MAILDEV_SMTP_PORT: String(await freePort()),
      MAILDEV_WEB_PORT: String(await freePort()),
      LOCAL_IDP_PORT: String(await freePort()),
      // The seeded 2017 programme takes applications only while the clock stands in 2017 (a past budget year takes none).
      // As a developer runs it: development, where CLOCK_START is honoured (tests' own clock is adjustable).
      NODE_ENV: 'development',
      CLOCK_START: '2017-02-01T10:00:00+01:00',
    });
    const mailLine = await eventually(async () => {
      if (start!.child.exitCode !== null) throw new Error(`npm start exited with ${start!.child.exitCode}:\n${start!.output()}`);
      return /mail: .* read them at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(start!.output()) ?? undefined;
    }, 120_000);
    const mailWeb = mailLine[1];
    expect((await fetch(mailWeb, { headers: { accept: 'text/html' } })).status).toBe(200);

    const baseUrl = `http://127.0.0.1:${apiPort}`;
    const organisationNumber = newOrganisationNumber();
    const token = await tokenFor({ sub: 'kari', roles: ['applicant'], organisationNumbers: [organisationNumber] });
    const contactEmail = `post-${organisationNumber}@kommune.example.no`;
    const registered = await call(baseUrl, '/organisations', {
      method: 'POST',
      token,
      json: {
        organisationNumber,
        name: 'Nordby kommune',
        kind: 'kommune',
        municipalityNumber: '3005',
        accountNumber: newAccountNumber(),
        writtenStandard: 'nb',
        contactName: 'Kari',
        contactEmail,
      },
    });
    expect(registered.status).toBe(201);
    const created = await call(baseUrl, '/applications', {
      method: 'POST',
      token,
      json: {
        organisationNumber,
        schemeCode: 'frivillige-lokale',
        budgetYear: 2017,
        form: { municipalityNumber: '3005', budgetYear: 2017, acceptsAssignmentLetter: true },
      },
    });
    expect(created.status).toBe(201);
    const submitted = await call(baseUrl, `/applications/${created.body.id}/submit`, {
      method: 'POST',
      token,
      headers: { 'idempotency-key': `start-${created.body.id}` },
    });
    expect(submitted.status).toBe(201);

    const receipt = await eventually(async () => {
      const mails = (await (await fetch(`${mailWeb}api/email`)).json()) as Array<{ to: Array<{ address: string }>; subject: string; text: string }>;
      return mails.find((mail) => mail.to.some((to) => to.address === contactEmail));
    }, 30_000);
    expect(receipt.subject).toBe(`Kvittering: søknaden er mottatt (sak ${submitted.body.caseNumber})`);
    expect(receipt.text).toContain('har mottatt søknaden fra Nordby kommune');
  });

  it('on SIGTERM stops the api, the worker, the mail catcher and the sign-in provider before it exits itself', async () => {
    const running = start;
    if (!running) throw new Error('npm start did not start in the test before');
    expect(running.child.exitCode).toBeNull();
    const started = execFileSync('ps', ['-o', 'pid=', '--ppid', String(running.child.pid)], { encoding: 'utf8' })
      .split('\n')
      .map(Number)
      .filter((pid) => pid > 0);
    expect(started.length).toBe(4);
    await running.stop(20_000);
    // Signal 0 only asks whether the process is there; ESRCH: it is gone.
    const stillRunning = started.filter((pid) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    });
    expect(stillRunning).toEqual([]);
  });
});
