import Redis from 'ioredis';
import { REDIS_START_HINT, redisConnectionOptions } from './redis-connection';

/** Refuses to start without Redis, and says how to get one, instead of retrying silently forever. */
export async function assertRedisReachable(redisUrl: string): Promise<void> {
  const client = new Redis({
    ...redisConnectionOptions(redisUrl),
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    connectTimeout: 2000,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } catch {
    process.stderr.write(`Redis is not reachable at ${new URL(redisUrl).host}: ${REDIS_START_HINT}\n`);
    process.exit(69);
  } finally {
    client.disconnect();
  }
}
