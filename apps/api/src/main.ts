import 'reflect-metadata';
import { assertRedisReachable, createRootLogger, loadConfigOrExit, PinoLoggerService } from '@imdi/platform';
import { createApiApp } from './create-api-app';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const root = createRootLogger(config.LOG_LEVEL);
  await assertRedisReachable(config.REDIS_URL);
  const app = await createApiApp(new PinoLoggerService(root.child({ app: 'api' })));
  await app.listen(config.API_PORT, config.API_HOST);
  root.info({ url: await app.getUrl() }, 'api listening');
}

main().catch((error: unknown) => {
  process.stderr.write(`api failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
