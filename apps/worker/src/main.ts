import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { assertRedisReachable, createRootLogger, loadConfigOrExit, PinoLoggerService } from '@imdi/platform';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const root = createRootLogger(config.LOG_LEVEL);
  await assertRedisReachable(config.REDIS_URL);
  const app = await NestFactory.createApplicationContext(WorkerModule, {
    logger: new PinoLoggerService(root.child({ app: 'worker' })),
  });
  app.enableShutdownHooks();
  root.info('worker running');
}

main().catch((error: unknown) => {
  process.stderr.write(`worker failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
