import { Injectable, Module, type Provider } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService, NestFactory } from '@nestjs/core';
import { defineJob, HandlesJob, JOB_CATALOG_PROVIDER, JobCatalog, jobDefinitions, type JobHandler, QueueName } from '@imdi/platform';
import { collectHandlers } from './job-dispatcher';

const POLISH = defineJob<{ widgetId: string }>(QueueName.Notifications, 'polish-widget');
const PACK = defineJob<{ widgetId: string }>(QueueName.Notifications, 'pack-widget');

@Injectable()
@HandlesJob(POLISH)
class PolishWidget implements JobHandler<{ widgetId: string }> {
  async handle(): Promise<void> {}
}

@Injectable()
@HandlesJob(POLISH)
class PolishWidgetAgain implements JobHandler<{ widgetId: string }> {
  async handle(): Promise<void> {}
}

@Injectable()
@HandlesJob(PACK)
class PackWidget implements JobHandler<{ widgetId: string }> {
  async handle(): Promise<void> {}
}

async function handlersOf(...providers: Provider[]) {
  @Module({ imports: [DiscoveryModule], providers: [JOB_CATALOG_PROVIDER, ...providers] })
  class WidgetWorkerModule {}
  const app = await NestFactory.createApplicationContext(WidgetWorkerModule, { logger: false, abortOnError: false });
  try {
    return collectHandlers(app.get(DiscoveryService), app.get(JobCatalog));
  } finally {
    await app.close();
  }
}

describe(collectHandlers.name, () => {
  it('finds the one handler of every job the modules define', async () => {
    const handlers = await handlersOf(jobDefinitions(POLISH, PACK), PolishWidget, PackWidget);
    expect([...handlers.keys()].sort()).toEqual(['notifications/pack-widget', 'notifications/polish-widget']);
  });

  it('refuses to start when a defined job has no handler', async () => {
    await expect(handlersOf(jobDefinitions(POLISH, PACK), PolishWidget)).rejects.toThrow('job notifications/pack-widget has 0 handlers');
  });

  it('refuses to start when a job has two handlers', async () => {
    await expect(handlersOf(jobDefinitions(POLISH), PolishWidget, PolishWidgetAgain)).rejects.toThrow('job notifications/polish-widget has 2 handlers');
  });

  it('refuses a handler for a job no module defines', async () => {
    await expect(handlersOf(jobDefinitions(POLISH), PolishWidget, PackWidget)).rejects.toThrow('handler for undefined job notifications/pack-widget');
  });

  it('refuses a job that two modules define', async () => {
    await expect(handlersOf(jobDefinitions(POLISH), jobDefinitions(POLISH, PACK), PolishWidget, PackWidget)).rejects.toThrow(
      'jobs defined twice: notifications/polish-widget',
    );
  });
});
