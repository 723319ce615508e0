import Redis from 'ioredis';

/**
 * Deletes the Redis keys matching `pattern` (SCAN in pages, so Redis is never held up): what a test
 * file, a test run or a benchmark left under its own queue prefix. Does nothing when Redis cannot be
 * reached, so a cleanup never hides the failure that came before it.
 */
export async function deleteRedisKeys(pattern: string): Promise<void> {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect().catch(() => undefined);
  try {
    if (redis.status !== 'ready') return;
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
