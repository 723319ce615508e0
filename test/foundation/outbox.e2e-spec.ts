import { DomainEventFanOut, DomainEventSubscribers, DOMAIN_EVENTS_QUEUE, OutboxRelay, OutboxWriter, outboxJobId } from '@imdi/outbox';
import { dataSourceOptions, defineJob, JobCatalog, loadConfig, QueueName, QueueRegistry, redisConnectionOptions } from '@imdi/platform';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';

const PING = defineJob<{ caseId: string }>(QueueName.Notifications, 'outbox-test-ping');

/** A registry over real BullMQ queues, without a Nest container. */
function queueRegistry(): { registry: QueueRegistry; relay(dataSource: DataSource): OutboxRelay; close(): Promise<void> } {
  const config = loadConfig();
  const queues = new Map<QueueName, Queue>();
  const registry = {
    get: (name: QueueName) => {
      if (!queues.has(name)) queues.set(name, new Queue(name, { connection: redisConnectionOptions(config.REDIS_URL), prefix: config.QUEUE_PREFIX }));
      return queues.get(name)!;
    },
    all: () => [...queues.values()],
  } as unknown as QueueRegistry;
  const events = new Queue(DOMAIN_EVENTS_QUEUE, { connection: redisConnectionOptions(config.REDIS_URL), prefix: config.QUEUE_PREFIX });
  const fanOut = new DomainEventFanOut(events, DomainEventSubscribers.of([]));
  const relay = (dataSource: DataSource) => new OutboxRelay(dataSource, registry, fanOut);
  return { registry, relay, close: async () => void (await Promise.all([...queues.values(), events].map((queue) => queue.close()))) };
}

describe(OutboxRelay.name, () => {
  let dataSource: DataSource;
  let secondConnection: DataSource;
  let queues: ReturnType<typeof queueRegistry>;
  const writer = new OutboxWriter(new JobCatalog([PING]));

  beforeAll(async () => {
    dataSource = await new DataSource(dataSourceOptions(loadConfig())).initialize();
    secondConnection = await new DataSource(dataSourceOptions(loadConfig())).initialize();
    queues = queueRegistry();
  });
  afterAll(async () => {
    await queues.close();
    await dataSource.destroy();
    await secondConnection.destroy();
  });

  const notifications = () => queues.registry.get(QueueName.Notifications);

  it('never turns a row from a rolled-back transaction into a job', async () => {
    let messageId = '';
    await expect(
      dataSource.transaction(async (manager) => {
        messageId = await writer.add(manager, PING, { caseId: 'rolled-back' });
        throw new Error('decision failed');
      }),
    ).rejects.toThrow('decision failed');
    await queues.relay(dataSource).drain();
    expect(await notifications().getJob(outboxJobId(messageId))).toBeUndefined();
    const [{ count }] = await dataSource.query('SELECT count(*) FROM outbox_message WHERE id = $1', [messageId]);
    expect(Number(count)).toBe(0);
  });

  it('turns one committed row into exactly one job when two relays run at once', async () => {
    const ids = await dataSource.transaction(async (manager) => {
      const written: string[] = [];
      for (let index = 0; index < 25; index++) written.push(await writer.add(manager, PING, { caseId: `case-${index}` }));
      return written;
    });
    const [first, second] = await Promise.all([queues.relay(dataSource).drain(), queues.relay(secondConnection).drain()]);
    expect(first + second).toBe(25);
    const jobs = await notifications().getJobs(['waiting', 'delayed', 'active', 'completed', 'failed']);
    for (const id of ids) {
      expect(jobs.filter((job) => job.id === outboxJobId(id))).toHaveLength(1);
    }
    const pending = await dataSource.query('SELECT count(*)::int AS n FROM outbox_message WHERE relayed_at IS NULL');
    expect(pending[0].n).toBe(0);
  });

  it('does not create a second job when the relay crashed after adding the job but before marking the row', async () => {
    const id = await dataSource.transaction((manager) => writer.add(manager, PING, { caseId: 'crash' }));
    // The first relay got as far as adding the job, then died before its UPDATE committed.
    await notifications().add(PING.name, { caseId: 'crash' }, { jobId: outboxJobId(id) });
    const before = await notifications().getJobCounts('waiting');
    const relayed = await queues.relay(dataSource).drain();
    expect(relayed).toBe(1);
    expect(await notifications().getJobCounts('waiting')).toEqual(before);
    expect((await notifications().getJob(outboxJobId(id)))?.data).toEqual({ caseId: 'crash' });
  });
});
