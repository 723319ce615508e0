import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { assertRedisReachable, loadConfigOrExit } from '@imdi/platform';
import { createApiApp } from './create-api-app';

/**
 * The api's requests are short, and a few connections keep up with them: at half the intake
 * saturation rate three or four are busy, and the tail latency was lower with 4–6 than with 20
 * (more backends only share the same cores; `npm run bench -- intake`, issue 4 notes). The worker
 * keeps the larger default, since its jobs hold connections for long.
 */
const API_DATABASE_POOL_MAX = '6';

async function main(): Promise<void> {
  process.env.DATABASE_POOL_MAX ||= API_DATABASE_POOL_MAX;
  const config = loadConfigOrExit();
  await assertRedisReachable(config.REDIS_URL);
  const app = await createApiApp({ logs: true });
  await app.listen(config.API_PORT, config.API_HOST);
  app.get(Logger).log(`api listening on ${await app.getUrl()}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`api failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
