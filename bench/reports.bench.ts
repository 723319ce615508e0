import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuditModule } from '@imdi/audit';
import { OutboxModule } from '@imdi/outbox';
import { ClockModule, ConfigModule, DatabaseModule, dataSourceOptions, QueuesModule } from '@imdi/platform';
import { ReportComposer, renderPdf, renderWorkbook, ReportingModule } from '@imdi/reporting';
import { DataSource } from 'typeorm';
import { runSeeds } from '../scripts/seed';
import { createBenchDatabase } from './bench-database';
import { deleteRedisKeys } from '../scripts/redis-keys';

const LEDGER_ROWS = Number(process.env.BENCH_LEDGER_ROWS ?? 10_000_000);
const CHUNK = 1_000_000;

@Module({ imports: [ConfigModule, ClockModule, DatabaseModule, QueuesModule, AuditModule, OutboxModule, ReportingModule] })
class ReportsBenchModule {}

const seconds = (ms: number) => `${Math.round(ms) / 1000} s`;

/**
 * npm run bench -- reports: the 2017 accounting status per kap./post over 10 000 000 ledger entries
 * spread over every post, earmark, kind and day of the year; target < 2 s. Also times the same
 * sums taken straight from the entries, to show what the day totals save.
 */
export async function run(): Promise<void> {
  const database = await createBenchDatabase();
  process.env.DATABASE_URL = database.url;
  const prefix = `imdi_bench_${Date.now()}`;
  process.env.QUEUE_PREFIX = prefix;
  process.env.LOG_LEVEL = 'warn';
  const setup = await new DataSource(dataSourceOptions({ DATABASE_URL: database.url })).initialize();
  try {
    await setup.runMigrations({ transaction: 'each' });
    await runSeeds();
    const lines: Array<{ id: string }> = await setup.query(`SELECT id FROM budget_line WHERE budget_year = 2017 ORDER BY chapter, post`);
    const earmarks: Array<{ id: string; budget_line_id: string }> = await setup.query(
      `SELECT e.id, e.budget_line_id FROM budget_earmark e JOIN budget_line l ON l.id = e.budget_line_id WHERE l.budget_year = 2017`,
    );
    // Every (line, earmark or none) a posting can land on; entries cycle through them, the kinds and the days.
    const targets = lines.flatMap((line) => [
      { line: line.id, earmark: null as string | null },
      ...earmarks.filter((earmark) => earmark.budget_line_id === line.id).map((earmark) => ({ line: line.id, earmark: earmark.id })),
    ]);
    const loadStarted = Date.now();
    for (let from = 0; from < LEDGER_ROWS; from += CHUNK) {
      const to = Math.min(LEDGER_ROWS, from + CHUNK) - 1;
      await setup.query(
        `INSERT INTO budget_ledger_entry (budget_line_id, earmark_id, kind, amount_ore, reference_type, reference_id, created_by, booked_on)
         SELECT t.line, t.earmark, (ARRAY['commit', 'uncommit', 'pay', 'pay', 'reclaim'])[1 + g % 5], 1 + (g * 7919) % 5000000, 'bench', g::text, 'bench',
                make_date(2017, 1, 1) + (g % 365)::int
         FROM generate_series($1::bigint, $2::bigint) AS g
         JOIN unnest($3::uuid[], $4::uuid[]) WITH ORDINALITY AS t(line, earmark, n) ON t.n = 1 + g % $5`,
        [from, to, targets.map((target) => target.line), targets.map((target) => target.earmark), targets.length],
      );
      process.stdout.write(`reports: loaded ${to + 1} ledger entries (${seconds(Date.now() - loadStarted)})\n`);
    }
    await setup.query('ANALYZE');
    const [{ entries }] = await setup.query(`SELECT count(*)::bigint::text AS entries FROM budget_ledger_entry`);
    const [{ days }] = await setup.query(`SELECT count(*)::int AS days FROM budget_ledger_day_total`);

    const app = await NestFactory.createApplicationContext(ReportsBenchModule, { logger: ['error'] });
    try {
      const composer = app.get(ReportComposer);
      const timings: number[] = [];
      // The first rendering loads and parses the fonts; later ones reuse them, as a running worker does.
      const renderings: number[] = [];
      for (let attempt = 0; attempt < 3; attempt++) {
        const started = performance.now();
        const document = await composer.compose({ kind: 'accounting-status', budgetYear: 2017, budgetPost: null, asOf: '2017-12-31' }, new Date());
        timings.push(performance.now() - started);
        if (attempt === 0) {
          for (let rendering = 0; rendering < 4; rendering++) {
            const renderStarted = performance.now();
            await renderWorkbook(document);
            await renderPdf(document);
            renderings.push(performance.now() - renderStarted);
          }
        }
      }
      const halfYear = performance.now();
      await composer.compose({ kind: 'accounting-status', budgetYear: 2017, budgetPost: null, asOf: '2017-06-30' }, new Date());
      const halfYearMs = performance.now() - halfYear;
      const raw = performance.now();
      await setup.query(
        `SELECT budget_line_id, earmark_id, kind, sum(amount_ore) FROM budget_ledger_entry
         WHERE budget_line_id = ANY($1::uuid[]) AND booked_on <= '2017-12-31' GROUP BY 1, 2, 3`,
        [lines.map((line) => line.id)],
      );
      const rawMs = performance.now() - raw;
      process.stdout.write(
        [
          `reports: ${entries} ledger entries in ${days} day totals (loaded in ${seconds(Date.now() - loadStarted)})`,
          `reports: accounting status per kap./post, all ${lines.length} posts of 2017, per 31.12: ${timings.map((ms) => `${Math.round(ms)} ms`).join(', ')} (target < 2 s)`,
          `reports: the same per 30.06: ${Math.round(halfYearMs)} ms; Excel + PDF of it: ${Math.round(renderings[0])} ms the first time, then ${Math.round(median(renderings.slice(1)))} ms (median of 3)`,
          `reports: for comparison, the same sums straight from the entries: ${Math.round(rawMs)} ms`,
          '',
        ].join('\n'),
      );
    } finally {
      await app.close();
    }
  } finally {
    await setup.destroy();
    await database.drop();
    await deleteRedisKeys(`${prefix}:*`);
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
