import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuditModule } from '@imdi/audit';
import { OutboxModule } from '@imdi/outbox';
import { PaymentsModule } from '@imdi/payments';
import { ClockModule, ConfigModule, DatabaseModule, dataSourceOptions, QueuesModule } from '@imdi/platform';
import { DataSource } from 'typeorm';
import { runSeeds } from '../scripts/seed';
import { PaymentBatches } from '../libs/payments/src/application/payment-batches.service';
import { RunPayoutsHandler } from '../libs/payments/src/application/run-payouts.handler';
import { createBenchDatabase } from './bench-database';

const PAYMENTS = Number(process.env.BENCH_PAYMENTS ?? 1_000_000);

@Module({ imports: [ConfigModule, ClockModule, DatabaseModule, QueuesModule, AuditModule, OutboxModule, PaymentsModule] })
class PayoutBenchModule {}

/** Peak resident memory while `work` runs, sampled every 50 ms. */
async function measured<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; peakRssMb: number }> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const started = performance.now();
  try {
    const result = await work();
    return { result, ms: Math.round(performance.now() - started), peakRssMb: Math.round(peak / 1024 / 1024) };
  } finally {
    clearInterval(sampler);
  }
}

/** A payout run and pain.001 export of PAYMENTS payments (default 1 000 000) on a fresh database. */
export async function run(): Promise<void> {
  const database = await createBenchDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.QUEUE_PREFIX = `imdi_bench_${Date.now()}`;
  process.env.LOG_LEVEL = 'warn';
  const setup = await new DataSource(dataSourceOptions({ DATABASE_URL: database.url })).initialize();
  await setup.runMigrations({ transaction: 'each' });
  await setup.destroy();
  await runSeeds();
  const app = await NestFactory.createApplicationContext(PayoutBenchModule, { logger: ['error'] });
  try {
    const dataSource = app.get(DataSource);
    const [version] = await dataSource.query(`SELECT id FROM scheme_version WHERE scheme_code = 'integreringstilskudd' AND budget_year = 2017`);
    const [file] = await dataSource.query(
      `INSERT INTO case_file (id, case_number, scheme_code, budget_year, scheme_kind, organisation_number, status, received_at)
       VALUES (gen_random_uuid(), '2017/99999', 'integreringstilskudd', 2017, 'rettighet', '974760673', 'accepted', now()) RETURNING id`,
    );
    const [decision] = await dataSource.query(
      `INSERT INTO decision (case_id, outcome, amount_ore, reasons, legal_basis, budget_year, chapter, post, scheme_version_id, status, proposed_by, approved_by, approved_at)
       VALUES ($1, 'granted', $2, 'bench', 'bench', 2017, '496', '60', $3, 'approved', 'a', 'b', now()) RETURNING id`,
      [file.id, String(BigInt(PAYMENTS) * 123456n), version.id],
    );
    const [line] = await dataSource.query(`SELECT id FROM budget_line WHERE budget_year = 2017 AND chapter = '496' AND post = '60'`);
    await dataSource.query(
      `INSERT INTO budget_ledger_entry (budget_line_id, kind, amount_ore, reference_type, reference_id, created_by) VALUES ($1, 'commit', $2, 'decision', $3, 'bench')`,
      [line.id, String(BigInt(PAYMENTS) * 123456n), decision.id],
    );
    const seeding = performance.now();
    await dataSource.query(
      `INSERT INTO instalment (case_id, decision_id, sequence, amount_ore, due_on, budget_year, chapter, post, scheme_code, case_number, organisation_number, account_number)
       SELECT $1, $2, n, 123456, DATE '2017-03-01' + (n % 4) * 91, 2017, '496', '60', 'integreringstilskudd', '2017/99999', '974760673', '15034212349' FROM generate_series(1, $3) n`,
      [file.id, decision.id, PAYMENTS],
    );
    await dataSource.query('ANALYZE');
    process.stdout.write(`payouts: seeded ${PAYMENTS} due instalments in ${Math.round(performance.now() - seeding)} ms\n`);

    const [payoutRun] = await dataSource.query(`INSERT INTO payout_run (budget_year, chapter, post, as_of, status, requested_by) VALUES (2017, '496', '60', '2017-12-31', 'queued', 'finance-a') RETURNING id`);
    const runStep = await measured(() =>
      app.get(RunPayoutsHandler).handle({ runId: payoutRun.id }, { jobId: 'bench', attempt: 1, updateProgress: async () => undefined }),
    );
    const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM payment WHERE run_id = $1`, [payoutRun.id]);
    const [[batch]] = await dataSource.query(`UPDATE payment_batch SET status = 'approved', approved_by = 'finance-b', approved_at = now() WHERE run_id = $1 RETURNING id`, [payoutRun.id]);

    const file1 = join(tmpdir(), `pain001-bench-${payoutRun.id}.xml`);
    const exportStep = await measured(async () => {
      const out = createWriteStream(file1);
      let bytes = 0;
      for await (const chunk of app.get(PaymentBatches).pain001(batch.id)) {
        bytes += chunk.length;
        if (!out.write(chunk)) await new Promise<void>((done) => out.once('drain', () => done()));
      }
      await new Promise<void>((done) => out.end(() => done()));
      return bytes;
    });
    process.stdout.write(
      `payouts: run created ${count} payments in ${runStep.ms} ms (peak RSS ${runStep.peakRssMb} MB)\n` +
        `payouts: pain.001 export of ${count} payments, ${Math.round(exportStep.result / 1024 / 1024)} MB, in ${exportStep.ms} ms (peak RSS ${exportStep.peakRssMb} MB)\n` +
        `payouts: run + export = ${runStep.ms + exportStep.ms} ms (target < 60 000 ms for 1 000 000, memory flat)\n`,
    );
  } finally {
    await app.close();
    await database.drop();
  }
}
