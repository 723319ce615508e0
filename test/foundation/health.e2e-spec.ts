import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { call, startApi, type RunningApi } from '../support/api-harness';

/** A Redis server of the test's own, so stopping it disturbs nobody else. */
async function startRedis(port: number): Promise<ChildProcess> {
  const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  for (let attempt = 0; attempt < 50; attempt++) {
    if (await isListening(port)) return server;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error('redis-server did not start');
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(true));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(false)));
  });
}

describe('GET /health', () => {
  const port = 20000 + Math.floor(Math.random() * 20000);
  let redis: ChildProcess;
  let api: RunningApi;
  const originalRedisUrl = process.env.REDIS_URL;

  beforeAll(async () => {
    redis = await startRedis(port);
    process.env.REDIS_URL = `redis://127.0.0.1:${port}`;
    api = await startApi();
  });
  afterAll(async () => {
    await api.close();
    redis.kill('SIGKILL');
    if (originalRedisUrl === undefined) delete process.env.REDIS_URL;
    else process.env.REDIS_URL = originalRedisUrl;
  });

  it('answers 200 with database and Redis up, without a token', async () => {
    const response = await call(api.baseUrl, '/health');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'up', components: { database: { status: 'up' }, redis: { status: 'up' } } });
  });

  it('reports Redis down with 503 while it is stopped, and up again after it restarts', async () => {
    redis.kill('SIGKILL');
    await new Promise((done) => redis.once('exit', done));
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
