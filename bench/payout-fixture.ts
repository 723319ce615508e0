import { createWriteStream } from 'node:fs';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuditModule } from '@imdi/audit';
import { OutboxModule } from '@imdi/outbox';
import { PaymentsModule } from '@imdi/payments';
import { ClockModule, ConfigModule, DatabaseModule, dataSourceOptions, QueuesModule } from '@imdi/platform';
import { DataSource } from 'typeorm';
import { runSeeds } from '../scripts/seed';
import { PaymentBatches } from '../libs/payments/src/application/payment-batches.service';
import { RunPayoutsHandler } from '../libs/payments/src/application/run-payouts.handler';
import { createBenchDatabase, type BenchDatabase } from './bench-database';
import { deleteRedisKeys } from '../scripts/redis-keys';

@Module({ imports: [ConfigModule, ClockModule, DatabaseModule, QueuesModule, AuditModule, OutboxModule, PaymentsModule] })
class PayoutBenchModule {}

export interface Measured<T> {
  readonly result: T;
  readonly ms: number;
  readonly peakRssMb: number;
  /** Resident memory when `work` started: what the process already held (an earlier benchmark in the same run, say). */
  readonly startRssMb: number;
}

/** Bytes in whole mebibytes (MB), as the benchmarks print sizes and memory. */
export const megabytes = (bytes: number): number => Math.round(bytes / 1024 / 1024);

/** Wall time and peak resident memory while `work` runs, sampled every 50 ms, and the memory it started from. */
export async function measured<T>(work: () => Promise<T>): Promise<Measured<T>> {
  const start = process.memoryUsage().rss;
  let peak = start;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const started = performance.now();
  try {
    const result = await work();
    return { result, ms: Math.round(performance.now() - started), peakRssMb: megabytes(peak), startRssMb: megabytes(start) };
  } finally {
    clearInterval(sampler);
  }
}

export interface PayoutFixture {
  readonly app: INestApplicationContext;
  readonly dataSource: DataSource;
  close(): Promise<void>;
}

/** A fresh, migrated and seeded database with the payments context on it; `queuePrefix` names the bench. */
export async function startPayoutFixture(queuePrefix: string): Promise<PayoutFixture> {
  const database: BenchDatabase = await createBenchDatabase();
  process.env.DATABASE_URL = database.url;
  const prefix = `${queuePrefix}_${Date.now()}`;
  process.env.QUEUE_PREFIX = prefix;
  process.env.LOG_LEVEL = 'warn';
  const setup = await new DataSource(dataSourceOptions({ DATABASE_URL: database.url })).initialize();
  await setup.runMigrations({ transaction: 'each' });
  await setup.destroy();
  await runSeeds();
  const app = await NestFactory.createApplicationContext(PayoutBenchModule, { logger: ['error'] });
  return {
    app,
    dataSource: app.get(DataSource),
    close: async () => {
      await app.close();
      await database.drop();
      await deleteRedisKeys(`${prefix}:*`);
    },
  };
}

/** `count` due instalments of 1 234,56 kr on one accepted 2017 grant on 496.60, committed on the ledger. */
export async function seedDueInstalments(dataSource: DataSource, count: number): Promise<void> {
  const [version] = await dataSource.query(`SELECT id FROM scheme_version WHERE scheme_code = 'integreringstilskudd' AND budget_year = 2017`);
  const [file] = await dataSource.query(
    `INSERT INTO case_file (id, case_number, scheme_code, budget_year, scheme_kind, organisation_number, status, received_at)
     VALUES (gen_random_uuid(), '2017/99999', 'integreringstilskudd', 2017, 'rettighet', '974760673', 'accepted', now()) RETURNING id`,
  );
  const [decision] = await dataSource.query(
    `INSERT INTO decision (case_id, outcome, amount_ore, reasons, legal_basis, budget_year, chapter, post, scheme_version_id, status, proposed_by, approved_by, approved_at)
     VALUES ($1, 'granted', $2, 'bench', 'bench', 2017, '496', '60', $3, 'approved', 'a', 'b', now()) RETURNING id`,
    [file.id, String(BigInt(count) * 123456n), version.id],
  );
  const [line] = await dataSource.query(`SELECT id FROM budget_line WHERE budget_year = 2017 AND chapter = '496' AND post = '60'`);
  await dataSource.query(
    `INSERT INTO budget_ledger_entry (budget_line_id, kind, amount_ore, reference_type, reference_id, created_by) VALUES ($1, 'commit', $2, 'decision', $3, 'bench')`,
    [line.id, String(BigInt(count) * 123456n), decision.id],
  );
  await dataSource.query(
    `INSERT INTO instalment (case_id, decision_id, sequence, amount_ore, due_on, budget_year, chapter, post, scheme_code, case_number, organisation_number, account_number)
     SELECT $1, $2, n, 123456, DATE '2017-03-01' + (n % 4) * 91, 2017, '496', '60', 'integreringstilskudd', '2017/99999', '974760673', '15034212349' FROM generate_series(1, $3) n`,
    [file.id, decision.id, count],
  );
  await dataSource.query('ANALYZE');
}

/** A payout run of everything due on 496.60 in 2017; its batch, approved by a second finance user. */
export async function runAndApprove(fixture: PayoutFixture): Promise<{ run: Measured<void>; runId: string; batchId: string; payments: number }> {
  const [payoutRun] = await fixture.dataSource.query(
    `INSERT INTO payout_run (budget_year, chapter, post, as_of, status, requested_by) VALUES (2017, '496', '60', '2017-12-31', 'queued', 'finance-a') RETURNING id`,
  );
  const run = await measured(() =>
    fixture.app.get(RunPayoutsHandler).handle({ runId: payoutRun.id }, { jobId: 'bench', attempt: 1, updateProgress: async () => undefined }),
  );
  const [{ count }] = await fixture.dataSource.query(`SELECT count(*)::int AS count FROM payment WHERE run_id = $1`, [payoutRun.id]);
  const [[batch]] = await fixture.dataSource.query(
    `UPDATE payment_batch SET status = 'approved', approved_by = 'finance-b', approved_at = now() WHERE run_id = $1 RETURNING id`,
    [payoutRun.id],
  );
  return { run, runId: payoutRun.id, batchId: batch.id, payments: count };
}

/** The batch's pain.001, streamed to `path`: the export finance downloads. Returns the bytes written. */
export async function exportPain001(fixture: PayoutFixture, batchId: string, path: string): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  for await (const chunk of fixture.app.get(PaymentBatches).pain001(batchId)) {
    bytes += chunk.length;
    if (!out.write(chunk)) await new Promise<void>((done) => out.once('drain', () => done()));
  }
  await new Promise<void>((done) => out.end(() => done()));
  return bytes;
}
