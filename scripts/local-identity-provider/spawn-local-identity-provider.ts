import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { LOCAL_CLIENTS, type TestIdentities } from './test-identities';

export interface LocalProviderAddresses {
  readonly url: string;
  readonly staffIssuer: string;
  readonly applicantIssuer: string;
  readonly machineIssuer: string;
  readonly representationUrl: string;
  readonly staffDirectoryUrl: string;
}

export interface SpawnedIdentityProvider extends LocalProviderAddresses {
  /** The api's settings that point it at this provider. */
  readonly settings: Readonly<Record<string, string>>;
  stop(): Promise<void>;
}

/**
 * Starts the local identity provider (main.js, built by `npm run build`) as a process of its own:
 * npm start runs it so, and the tests too (jest's module system cannot load oidc-provider's ESM).
 */
export async function spawnLocalIdentityProvider(options: {
  readonly port: number;
  readonly extra?: Partial<TestIdentities>;
  readonly distRoot?: string;
}): Promise<SpawnedIdentityProvider> {
  const entry = join(options.distRoot ?? resolve(__dirname), 'main.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run npm run build first`);
  const child = spawn(process.execPath, [entry], {
    env: { ...process.env, LOCAL_IDP_PORT: String(options.port), LOCAL_IDP_EXTRA_IDENTITIES: JSON.stringify(options.extra ?? {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // However the parent ends (a signal, a crash), the provider ends with it rather than keeping its port.
  const orphanGuard = (): void => void child.kill('SIGTERM');
  process.once('exit', orphanGuard);
  child.once('exit', () => process.removeListener('exit', orphanGuard));
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  let timer: NodeJS.Timeout | undefined;
  const addresses = await new Promise<LocalProviderAddresses>((done, fail) => {
    createInterface({ input: child.stdout! }).once('line', (line) => done(JSON.parse(line) as LocalProviderAddresses));
    child.once('exit', (code) => fail(new Error(`the local identity provider exited with ${code}: ${errors}`)));
    // It is ready in well under a second; one that says nothing for a minute is stopped, not waited for.
    timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`the local identity provider did not start within 60 s: ${errors}`));
    }, 60_000);
  }).finally(() => clearTimeout(timer));
  return {
    ...addresses,
    settings: {
      AUTH_STAFF_ISSUER: addresses.staffIssuer,
      AUTH_STAFF_CLIENT_ID: LOCAL_CLIENTS.staff.clientId,
      AUTH_STAFF_CLIENT_SECRET: LOCAL_CLIENTS.staff.clientSecret,
      AUTH_APPLICANT_ISSUER: addresses.applicantIssuer,
      AUTH_APPLICANT_CLIENT_ID: LOCAL_CLIENTS.applicants.clientId,
      AUTH_APPLICANT_CLIENT_SECRET: LOCAL_CLIENTS.applicants.clientSecret,
      AUTH_REPRESENTATION_URL: addresses.representationUrl,
      AUTH_STAFF_DIRECTORY_URL: addresses.staffDirectoryUrl,
      AUTH_MACHINE_ISSUER: addresses.machineIssuer,
    },
    stop: () => stopChild(child),
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  await exited;
}
