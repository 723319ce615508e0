import { startLocalIdentityProvider } from './local-identity-provider';
import { DEFAULT_TEST_IDENTITIES, mergeIdentities, type TestIdentities } from './test-identities';

/**
 * The local identity provider as a process of its own (tests start it so; npm start runs it in its
 * own process too). LOCAL_IDP_PORT (0 for a free one) and LOCAL_IDP_EXTRA_IDENTITIES (JSON, a test's
 * own people) configure it; it prints one JSON line with its addresses when it listens.
 */
async function main(): Promise<void> {
  const extra = process.env.LOCAL_IDP_EXTRA_IDENTITIES ? (JSON.parse(process.env.LOCAL_IDP_EXTRA_IDENTITIES) as Partial<TestIdentities>) : {};
  const running = await startLocalIdentityProvider({
    port: Number(process.env.LOCAL_IDP_PORT ?? 0),
    identities: mergeIdentities(DEFAULT_TEST_IDENTITIES, extra),
  });
  const { close: _close, ...addresses } = running;
  process.stdout.write(`${JSON.stringify(addresses)}\n`);
  const stop = (): void => void running.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`local identity provider failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
