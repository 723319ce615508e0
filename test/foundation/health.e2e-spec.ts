import type { ChildProcess } from 'node:child_process';
import { HealthService } from '@imdi/platform';
import Redis from 'ioredis';
import { freePort } from '../../scripts/free-port';
import { call, startApi, type RunningApi } from '../support/api-harness';
import { eventually } from '../support/eventually';
import { kill, startRedis } from '../support/own-redis';

describe('GET /health', () => {
  let port: number;
  let redis: ChildProcess;
  let api: RunningApi;
  const originalRedisUrl = process.env.REDIS_URL;

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    process.env.REDIS_URL = `redis://127.0.0.1:${port}`;
    api = await startApi();
  });
  afterAll(async () => {
    await api.close();
    await kill(redis);
    if (originalRedisUrl === undefined) delete process.env.REDIS_URL;
    else process.env.REDIS_URL = originalRedisUrl;
  });

  it('answers 200 with database and Redis up, without a token', async () => {
    const response = await call(api.baseUrl, '/health');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'up', components: { database: { status: 'up' }, redis: { status: 'up' } } });
  });

  it('stays up when the api itself was held up past the probe limit while the answers were on their way', async () => {
    const health = api.app.get(HealthService);
    await health.check();
    const pending = health.check();
    // The probes have sent SELECT 1 and PING; now this process stalls, as under a long GC, past the 1.5 s limit.
    await new Promise((sent) => setImmediate(sent));
    const until = performance.now() + 2000;
    while (performance.now() < until);
    await expect(pending).resolves.toMatchObject({ status: 'up', components: { database: { status: 'up' }, redis: { status: 'up' } } });
  });

  it('reports Redis down with 503 when it does not answer within 1.5 s, and up once it answers again', async () => {
    const admin = new Redis(port, '127.0.0.1');
    try {
      // The server keeps its connections but answers nobody for 5 s, as a hung Redis would.
      await admin.call('CLIENT', 'PAUSE', '5000', 'ALL');
      const silent = await call(api.baseUrl, '/health');
      expect(silent.status).toBe(503);
      expect(silent.body).toMatchObject({
        status: 'down',
        components: { database: { status: 'up' }, redis: { status: 'down', error: 'no answer within 1500 ms' } },
      });
      await eventually(async () => ((await call(api.baseUrl, '/health')).status === 200 ? true : undefined), 10_000);
    } finally {
      admin.disconnect();
    }
  });

  it('reports Redis down with 503 while it is stopped, and up again after it restarts', async () => {
    await kill(redis);
    const down = await call(api.baseUrl, '/health');
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: 'down', components: { database: { status: 'up' }, redis: { status: 'down' } } });

    redis = await startRedis(port);
    let up = await call(api.baseUrl, '/health');
    for (let attempt = 0; attempt < 30 && up.status !== 200; attempt++) {
      await new Promise((done) => setTimeout(done, 200));
      up = await call(api.baseUrl, '/health');
    }
    expect(up.status).toBe(200);
  });
});
