import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { projectRoot } from '@imdi/platform';
import { LOCAL_CLIENTS, type TestIdentities } from '../../scripts/local-identity-provider/test-identities';

export interface RunningTestProvider {
  readonly url: string;
  readonly staffIssuer: string;
  readonly applicantIssuer: string;
  readonly machineIssuer: string;
  readonly representationUrl: string;
  /** Points the api (started after this) at the provider; undone by stop(). */
  stop(): Promise<void>;
}

const ENTRY = join(projectRoot(), 'dist', 'scripts', 'local-identity-provider', 'main.js');

/**
 * The local OpenID provider (oidc-provider) as a child process on a free port, with the default
 * test users and a test's own. It is plain Node (ESM-only packages load through require(esm)),
 * which jest's module system is not, hence a process of its own, built by `npm run build`.
 */
export async function startTestIdentityProvider(extra: Partial<TestIdentities> = {}): Promise<RunningTestProvider> {
  if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: run npm run build first`);
  const child = spawn(process.execPath, [ENTRY], {
    env: { ...process.env, LOCAL_IDP_PORT: '0', LOCAL_IDP_EXTRA_IDENTITIES: JSON.stringify(extra) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const addresses = await new Promise<Omit<RunningTestProvider, 'stop'>>((done, fail) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => done(JSON.parse(line) as Omit<RunningTestProvider, 'stop'>));
    child.once('exit', (code) => fail(new Error(`the local identity provider exited with ${code}: ${errors}`)));
  });
  const settings: Record<string, string> = {
    AUTH_STAFF_ISSUER: addresses.staffIssuer,
    AUTH_STAFF_CLIENT_ID: LOCAL_CLIENTS.staff.clientId,
    AUTH_STAFF_CLIENT_SECRET: LOCAL_CLIENTS.staff.clientSecret,
    AUTH_APPLICANT_ISSUER: addresses.applicantIssuer,
    AUTH_APPLICANT_CLIENT_ID: LOCAL_CLIENTS.applicants.clientId,
    AUTH_APPLICANT_CLIENT_SECRET: LOCAL_CLIENTS.applicants.clientSecret,
    AUTH_REPRESENTATION_URL: addresses.representationUrl,
    AUTH_MACHINE_ISSUER: addresses.machineIssuer,
  };
  const previous = Object.fromEntries(Object.keys(settings).map((key) => [key, process.env[key]]));
  Object.assign(process.env, settings);
  return {
    ...addresses,
    stop: async () => {
      for (const [key, value] of Object.entries(previous)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
      await stopChild(child);
    },
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  await exited;
}
