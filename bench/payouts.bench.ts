import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportPain001, measured, runAndApprove, seedDueInstalments, startPayoutFixture, megabytes } from './payout-fixture';

const PAYMENTS = Number(process.env.BENCH_PAYMENTS ?? 1_000_000);

/** A payout run and pain.001 export of PAYMENTS payments (default 1 000 000) on a fresh database. */
export async function run(): Promise<void> {
  const fixture = await startPayoutFixture('imdi_bench');
  try {
    const seeding = performance.now();
    await seedDueInstalments(fixture.dataSource, PAYMENTS);
    process.stdout.write(`payouts: seeded ${PAYMENTS} due instalments in ${Math.round(performance.now() - seeding)} ms\n`);
    const { run: runStep, runId, batchId, payments } = await runAndApprove(fixture);
    const file = join(tmpdir(), `pain001-bench-${runId}.xml`);
    try {
      const exportStep = await measured(() => exportPain001(fixture, batchId, file));
      process.stdout.write(
        `payouts: run created ${payments} payments in ${runStep.ms} ms (peak RSS ${runStep.peakRssMb} MB, ${runStep.startRssMb} MB at its start)\n` +
          `payouts: pain.001 export of ${payments} payments, ${megabytes(exportStep.result)} MB, in ${exportStep.ms} ms (peak RSS ${exportStep.peakRssMb} MB, ${exportStep.startRssMb} MB at its start)\n` +
          `payouts: run + export = ${runStep.ms + exportStep.ms} ms (target < 60 000 ms for 1 000 000, memory flat)\n`,
      );
    } finally {
      rmSync(file, { force: true });
    }
  } finally {
    await fixture.close();
  }
}
