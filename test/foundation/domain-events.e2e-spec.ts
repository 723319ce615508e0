import {
  defineDomainEvent,
  DomainEventConsumer,
  DomainEventFanOut,
  DomainEventStore,
  DomainEventSubscribers,
  DomainEvents,
  DOMAIN_EVENTS_QUEUE,
  eventJobId,
  OutboxRelay,
  type DomainEvent,
  type DomainEventHandler,
} from '@imdi/outbox';
import { AppConfig, dataSourceOptions, loadConfig, QueueRegistry, redisConnectionOptions } from '@imdi/platform';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { eventually } from '../support/eventually';

interface ThingHappened {
  readonly thingId: string;
}
const THING_HAPPENED = defineDomainEvent<ThingHappened>('ThingHappened', 1, 'test');

/** A subscriber whose effect is a row in a table of its own, written in the delivery's transaction. */
class RecordingSubscriber implements DomainEventHandler<ThingHappened> {
  failuresLeft = 0;
  constructor(readonly name: string) {}
  async handle(event: DomainEvent<ThingHappened>, manager: EntityManager): Promise<void> {
    await manager.query(`INSERT INTO test_event_effect (subscriber, event_id, thing_id) VALUES ($1, $2, $3)`, [this.name, event.id, event.payload.thingId]);
    if (this.failuresLeft > 0) {
      this.failuresLeft--;
      throw new Error('midlertidig feil i abonnenten');
    }
  }
}

describe('domain events through the outbox', () => {
  const config = loadConfig();
  let dataSource: DataSource;
  let secondConnection: DataSource;
  let events: Queue;
  let ledger: RecordingSubscriber;
  let mailer: RecordingSubscriber;
  let subscribers: DomainEventSubscribers;
  let consumers: DomainEventConsumer[] = [];
  const store = new DomainEventStore();
  const publisher = new DomainEvents(store);

  beforeAll(async () => {
    dataSource = await new DataSource(dataSourceOptions(config)).initialize();
    secondConnection = await new DataSource(dataSourceOptions(config)).initialize();
    await dataSource.query(`CREATE TABLE test_event_effect (subscriber text NOT NULL, event_id uuid NOT NULL, thing_id text NOT NULL)`);
    events = new Queue(DOMAIN_EVENTS_QUEUE, {
      connection: redisConnectionOptions(config.REDIS_URL),
      prefix: config.QUEUE_PREFIX,
      defaultJobOptions: { attempts: 3, backoff: { type: 'fixed', delay: 50 } },
    });
    ledger = new RecordingSubscriber('test.ledger');
    mailer = new RecordingSubscriber('test.mailer');
    subscribers = DomainEventSubscribers.of([
      { subscriber: ledger.name, eventKey: 'ThingHappened@1', handler: ledger },
      { subscriber: mailer.name, eventKey: 'ThingHappened@1', handler: mailer },
    ]);
  });
  afterEach(async () => {
    await Promise.all(consumers.map((consumer) => consumer.onApplicationShutdown()));
    consumers = [];
  });
  afterAll(async () => {
    await events.obliterate({ force: true });
    await events.close();
    await dataSource.query(`DROP TABLE test_event_effect`);
    await dataSource.destroy();
    await secondConnection.destroy();
  });

  const relay = (source: DataSource) => new OutboxRelay(source, {} as QueueRegistry, new DomainEventFanOut(events, subscribers));
  const consumer = (source: DataSource) => new DomainEventConsumer(source, store, subscribers, config as unknown as AppConfig);
  const effects = async (thingId: string): Promise<Array<{ subscriber: string }>> =>
    dataSource.query(`SELECT subscriber FROM test_event_effect WHERE thing_id = $1 ORDER BY subscriber`, [thingId]);

  it('publishes nothing from a rolled-back transaction', async () => {
    let eventId = '';
    await expect(
      dataSource.transaction(async (manager) => {
        eventId = await publisher.publish(manager, THING_HAPPENED, { thingId: 'rolled-back' });
        throw new Error('vedtaket feilet');
      }),
    ).rejects.toThrow('vedtaket feilet');
    await relay(dataSource).drain();
    expect(await events.getJob(eventJobId(eventId, ledger.name))).toBeUndefined();
  });

  it('gives each subscriber each event once, with two relays and two worker processes racing', async () => {
    const things = Array.from({ length: 20 }, () => randomUUID());
    await dataSource.transaction(async (manager) => {
      for (const thingId of things) await publisher.publish(manager, THING_HAPPENED, { thingId });
    });
    const [first, second] = await Promise.all([relay(dataSource).drain(), relay(secondConnection).drain()]);
    expect(first + second).toBe(20);
    for (const source of [dataSource, secondConnection]) {
      const started = consumer(source);
      started.onApplicationBootstrap();
      consumers.push(started);
    }
    for (const thingId of things) {
      expect(await eventually(async () => ((await effects(thingId)).length === 2 ? effects(thingId) : undefined))).toEqual([
        { subscriber: 'test.ledger' },
        { subscriber: 'test.mailer' },
      ]);
    }
  });

  it('delivers again after a relay died between adding the jobs and marking the row, without a second effect', async () => {
    const thingId = randomUUID();
    const eventId = await dataSource.transaction((manager) => publisher.publish(manager, THING_HAPPENED, { thingId }));
    // The first relay added the subscriber jobs, then died before its UPDATE committed.
    const [row] = await dataSource.query(`SELECT id, job_name, payload, correlation_id, created_at FROM outbox_message WHERE id = $1`, [eventId]);
    await new DomainEventFanOut(events, subscribers).fanOut(row);
    const before = await events.getJobCounts('waiting');
    expect(await relay(dataSource).drain()).toBe(1);
    expect(await events.getJobCounts('waiting')).toEqual(before);
    // A job delivered twice at once (a stalled job taken over by a second worker) has one effect.
    const job = (await events.getJob(eventJobId(eventId, ledger.name)))!;
    const outcomes = await Promise.all([consumer(dataSource).deliver(job), consumer(secondConnection).deliver(job)]);
    expect(outcomes.filter(Boolean)).toHaveLength(1);
    expect(await consumer(dataSource).deliver(job)).toBe(false);
    expect(await effects(thingId)).toEqual([{ subscriber: 'test.ledger' }]);
    await events.remove(eventJobId(eventId, mailer.name));
  });

  it('retries a failing subscriber alone, and its failed attempts leave no effect', async () => {
    const thingId = randomUUID();
    mailer.failuresLeft = 2;
    await dataSource.transaction((manager) => publisher.publish(manager, THING_HAPPENED, { thingId }));
    await relay(dataSource).drain();
    const started = consumer(dataSource);
    started.onApplicationBootstrap();
    consumers.push(started);
    expect(await eventually(async () => ((await effects(thingId)).length === 2 && mailer.failuresLeft === 0 ? effects(thingId) : undefined))).toEqual([
      { subscriber: 'test.ledger' },
      { subscriber: 'test.mailer' },
    ]);
  });

  it('refuses a subscriber name used twice', () => {
    expect(() =>
      DomainEventSubscribers.of([
        { subscriber: 'test.same', eventKey: 'ThingHappened@1', handler: ledger },
        { subscriber: 'test.same', eventKey: 'ThingHappened@1', handler: mailer },
      ]),
    ).toThrow(/test.same is used twice/);
  });
});
