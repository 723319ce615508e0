import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { pingDatabase } from '../infrastructure/database-ping';
import { redisConnectionOptions } from '../queues/redis-connection';

export interface ComponentHealth {
  readonly status: 'up' | 'down';
  readonly latencyMs?: number;
  readonly error?: string;
}

export interface HealthReport {
  readonly status: 'up' | 'down';
  readonly components: { readonly database: ComponentHealth; readonly redis: ComponentHealth };
}

const PROBE_TIMEOUT_MS = 1500;

@Injectable()
export class HealthService implements OnModuleDestroy {
  /** A client of its own that fails fast: BullMQ's connections retry forever by design. */
  private readonly redis: Redis;
  private connecting: Promise<void> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    this.redis = new Redis({
      ...redisConnectionOptions(config.REDIS_URL),
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      connectTimeout: PROBE_TIMEOUT_MS,
      lazyConnect: true,
      retryStrategy: () => 1000,
    });
    this.redis.on('error', () => undefined);
  }

  async check(): Promise<HealthReport> {
    const [database, redis] = await Promise.all([
      probe(() => pingDatabase(this.dataSource)),
      probe(async () => {
        await this.connectRedis();
        await this.redis.ping();
      }),
    ]);
    return { status: database.status === 'up' && redis.status === 'up' ? 'up' : 'down', components: { database, redis } };
  }

  /** Concurrent checks share one connection attempt; a second would find the client still connecting and fail. */
  private connectRedis(): Promise<void> {
    if (this.redis.status === 'wait' || this.redis.status === 'end') {
      this.connecting = this.redis.connect().finally(() => {
        this.connecting = undefined;
      });
    }
    return this.connecting ?? Promise.resolve();
  }

  async onModuleDestroy(): Promise<void> {
    this.redis.disconnect();
  }
}

async function probe(action: () => Promise<unknown>): Promise<ComponentHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  let judging: NodeJS.Immediate | undefined;
  try {
    await Promise.race([
      action(),
      new Promise((_, reject) => {
        // Timers run before the event loop reads sockets: after this process was held up (a long GC, a busy
        // machine), an answer that came in time is still unread. setImmediate judges after it has been read, so
        // that only the dependency's silence counts as down, never this process's own pause.
        timer = setTimeout(() => {
          judging = setImmediate(() => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)));
        }, PROBE_TIMEOUT_MS);
      }),
    ]);
    return { status: 'up', latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { status: 'down', error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
    clearImmediate(judging);
  }
}
