import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type INestApplication, Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { DomainError, InvalidValueError } from '@imdi/kernel';
import { DomainEventSubscribers, OutboxWriter } from '@imdi/outbox';
import { defineJob, DomainErrorStatuses, JobCatalog, jobDefinitions, QueueName, QueueRegistry } from '@imdi/platform';
import { DataSource } from 'typeorm';
import { compilerOptions } from '../../tsconfig.json';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { startApi, type RunningApi } from '../support/api-harness';

/** Every DomainError subclass any library exports: each must reach the api's problem filter with a status. */
function exportedDomainErrorTypes(): Array<{ library: string; name: string; type: unknown }> {
  const found: Array<{ library: string; name: string; type: unknown }> = [];
  for (const library of Object.keys(compilerOptions.paths)) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = require(library) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exported)) {
      if (typeof value === 'function' && value.prototype instanceof DomainError && value !== InvalidValueError) found.push({ library, name, type: value });
    }
  }
  return found;
}

/** The worker's module graph, not yet started (createApplicationContext would start it), so a refusal can be awaited and everything closed. */
function uninitialised(module: Type): Promise<INestApplication> {
  return NestFactory.create(module, new FastifyAdapter(), { logger: false, abortOnError: false });
}

/** Per event, the subscribers the catalogue in libs/outbox/EVENTS.md names ("—" for none). */
function documentedSubscribers(): Record<string, string[]> {
  const catalogue = readFileSync(join(__dirname, '..', '..', 'libs', 'outbox', 'EVENTS.md'), 'utf8');
  const documented: Record<string, string[]> = {};
  for (const line of catalogue.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const event = /^`(\w+)`$/.exec(cells[1] ?? '');
    if (event) documented[event[1]] = [...cells[cells.length - 2].matchAll(/`([a-z0-9.-]+)`/g)].map((name) => name[1]).sort();
  }
  return documented;
}

/** Queues still connecting when closed report "Connection is closed" as an unhandled error. */
async function settleAndClose(app: INestApplication): Promise<void> {
  await Promise.all(
    app
      .get(QueueRegistry)
      .all()
      .map((queue) => queue.waitUntilReady()),
  );
  await app.close();
}

describe('registries contributed by the context modules', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api?.close());

  it('gives every exported domain error type an HTTP status in the running api', () => {
    const types = exportedDomainErrorTypes();
    expect(types.map((entry) => entry.name)).toEqual(expect.arrayContaining(['CaseError', 'PaymentsError', 'IntakeError', 'MessagingError']));
    const mapped = api.app.get(DomainErrorStatuses).errorTypes();
    expect(types.filter((entry) => !mapped.includes(entry.type as never)).map((entry) => `${entry.library} ${entry.name}`)).toEqual([]);
  });

  it('refuses to enqueue a job no module defines, and writes nothing', async () => {
    const dataSource = api.app.get(DataSource);
    const stray = defineJob<{ widgetId: string }>(QueueName.Notifications, 'registries-test-stray');
    await expect(dataSource.transaction((manager) => api.app.get(OutboxWriter).add(manager, stray, { widgetId: '1' }))).rejects.toThrow(
      'job notifications/registries-test-stray is not defined by any module',
    );
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM outbox_message WHERE job_name = 'registries-test-stray'`);
    expect(n).toBe(0);
  });

  it('knows the jobs of every context module in the api and the worker alike', async () => {
    const worker = await uninitialised(WorkerModule);
    try {
      expect(worker.get(JobCatalog).keys()).toEqual(api.app.get(JobCatalog).keys());
      expect(api.app.get(JobCatalog).keys()).toEqual(expect.arrayContaining(['letters/issue-receipt', 'messages/deliver-message', 'payouts/run-payouts']));
    } finally {
      await settleAndClose(worker);
    }
  });

  it('keeps the worker from starting when a module defines a job nobody handles', async () => {
    const orphan = defineJob<{ widgetId: string }>(QueueName.Notifications, 'registries-test-orphan');
    @Module({ providers: [jobDefinitions(orphan)] })
    class OrphanJobModule {}
    @Module({ imports: [WorkerModule, OrphanJobModule] })
    class WorkerWithOrphanModule {}
    const worker = await uninitialised(WorkerWithOrphanModule);
    try {
      await expect(worker.init()).rejects.toThrow('job notifications/registries-test-orphan has 0 handlers');
    } finally {
      await settleAndClose(worker);
    }
  });

  it('documents in libs/outbox/EVENTS.md each event with the subscribers the worker has', async () => {
    const worker = await uninitialised(WorkerModule);
    try {
      const subscribers = worker.get(DomainEventSubscribers);
      // Discovery runs when the modules initialise; here only the registry is, so nothing starts.
      subscribers.onModuleInit();
      const running: Record<string, string[]> = {};
      for (const subscription of subscribers.all()) (running[subscription.eventKey.split('@')[0]] ??= []).push(subscription.subscriber);
      const documented = documentedSubscribers();
      expect(Object.keys(documented).length).toBeGreaterThan(15);
      const withSubscribers = Object.fromEntries(Object.entries(documented).filter(([, names]) => names.length > 0));
      expect(withSubscribers).toEqual(Object.fromEntries(Object.entries(running).map(([event, names]) => [event, names.sort()])));
    } finally {
      await settleAndClose(worker);
    }
  });
});
