import { join } from 'node:path';
import { projectRoot } from '@imdi/platform';
import { spawnLocalIdentityProvider, type LocalProviderAddresses } from '../../scripts/local-identity-provider/spawn-local-identity-provider';
import type { TestIdentities } from '../../scripts/local-identity-provider/test-identities';

export interface RunningTestProvider extends LocalProviderAddresses {
  /** Stops the provider and takes the api's settings for it away again. */
  stop(): Promise<void>;
}

/**
 * The local OpenID provider (oidc-provider) as a child process on a free port, with the default
 * test users and a test's own, and the api's settings pointing at it (an api started after this
 * logs in through it).
 */
export async function startTestIdentityProvider(extra: Partial<TestIdentities> = {}): Promise<RunningTestProvider> {
  const spawned = await spawnLocalIdentityProvider({ port: 0, extra, distRoot: join(projectRoot(), 'dist', 'scripts', 'local-identity-provider') });
  const previous = Object.fromEntries(Object.keys(spawned.settings).map((key) => [key, process.env[key]]));
  Object.assign(process.env, spawned.settings);
  const { settings: _settings, stop, ...addresses } = spawned;
  return {
    ...addresses,
    stop: async () => {
      for (const [key, value] of Object.entries(previous)) {
        // Restores an unset variable: assigning undefined would set the string 'undefined'.
        // eslint-disable-next-line @typescript-eslint/no-dynamic-delete
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
      await stop();
    },
  };
}
