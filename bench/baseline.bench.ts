import { Pool } from 'pg';
import { createBenchDatabase, ratePerSecond } from './bench-database';

export interface BaselineResult {
  readonly singleConnectionPerSecond: number;
  readonly concurrentPerSecond: number;
  readonly concurrency: number;
}

const DURATION_MS = Number(process.env.BENCH_BASELINE_MS ?? 4000);

/**
 * The machine's raw PostgreSQL rate: one small INSERT committed per transaction (one fsync'd
 * commit each), first on one connection, then from many at once (where group commit helps).
 * Later benchmarks divide their rates by these.
 */
export async function measureBaseline(concurrency = 32): Promise<BaselineResult> {
  const database = await createBenchDatabase();
  const pool = new Pool({ connectionString: database.url, max: concurrency });
  // Dropping the database terminates clients that are still closing; that is expected here.
  pool.on('error', () => undefined);
  try {
    await pool.query(`CREATE TABLE baseline_row (id bigserial PRIMARY KEY, payload jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
    const insertOne = async (): Promise<void> => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('INSERT INTO baseline_row (payload) VALUES ($1)', [{ organisationNumber: '974760673', amount: '125000' }]);
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    };
    const runFor = async (workers: number): Promise<number> => {
      let count = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: workers }, async () => {
          while (performance.now() - started < DURATION_MS) {
            await insertOne();
            count++;
          }
        }),
      );
      return ratePerSecond(count, performance.now() - started);
    };
    await runFor(1); // warm-up: connections, caches
    const singleConnectionPerSecond = await runFor(1);
    const concurrentPerSecond = await runFor(concurrency);
    return { singleConnectionPerSecond, concurrentPerSecond, concurrency };
  } finally {
    await pool.end();
    await database.drop();
  }
}

export async function run(): Promise<void> {
  const result = await measureBaseline();
  process.stdout.write(
    `baseline: raw PostgreSQL insert+commit\n` +
      `  1 connection:   ${result.singleConnectionPerSecond} commits/s\n` +
      `  ${result.concurrency} connections: ${result.concurrentPerSecond} commits/s\n`,
  );
}
