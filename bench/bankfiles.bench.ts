import { createReadStream, createWriteStream, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Money } from '@imdi/kernel';
import { DataSource } from 'typeorm';
import { ImportBankFile } from '../libs/payments/src/application/import-bank-file.service';
import { PaymentBatches } from '../libs/payments/src/application/payment-batches.service';
import { endToEndReference, paymentInformationId } from '../libs/payments/src/domain/pain001.writer';
import { writeCamt054, type SentPayment } from '../libs/payments/src/testing/bank-file.writer';
import { exportPain001, measured, runAndApprove, seedDueInstalments, startPayoutFixture, megabytes } from './payout-fixture';

const PAYMENTS = Number(process.env.BENCH_PAYMENTS ?? 1_000_000);

/** The batch's payments as the bank debits them, read a page at a time. */
async function* sentPayments(dataSource: DataSource, batchId: string): AsyncGenerator<SentPayment> {
  const messageId = batchId.replace(/-/g, '');
  let after = '0';
  for (;;) {
    // Ordered by the bigint column, not by its text: '10' sorts before '9'.
    const rows: Array<{ number: string; amount_ore: string; execution_date: string }> = await dataSource.query(
      `SELECT p.end_to_end_id::text AS number, p.amount_ore::text AS amount_ore, to_char(p.execution_date, 'YYYY-MM-DD') AS execution_date
       FROM payment p WHERE p.batch_id = $1 AND p.end_to_end_id > $2 ORDER BY p.end_to_end_id LIMIT 10000`,
      [batchId, after],
    );
    if (rows.length === 0) return;
    for (const row of rows) {
      yield {
        endToEndId: endToEndReference(row.number),
        amount: Money.ofOre(row.amount_ore),
        executionDate: row.execution_date,
        paymentInformationId: paymentInformationId(messageId, row.execution_date),
      };
    }
    after = rows[rows.length - 1].number;
  }
}

/**
 * The bank's debit notification for a whole batch: the pain.001 export of PAYMENTS payments (default
 * 1 000 000), then the import of a camt.054 with one booked entry per payment (validated against the
 * XSD, read, matched and booked), and the ratio of the two (target: import ≤ 2 × export).
 */
export async function run(): Promise<void> {
  const fixture = await startPayoutFixture('imdi_bench_bank');
  const pain001 = join(tmpdir(), `bankfiles-pain001-${Date.now()}.xml`);
  const camt054 = join(tmpdir(), `bankfiles-camt054-${Date.now()}.xml`);
  try {
    await seedDueInstalments(fixture.dataSource, PAYMENTS);
    const { batchId, payments } = await runAndApprove(fixture);
    // The machine may be shared: the load average beside each step says how much the numbers are worth.
    const load = () => loadavg()[0].toFixed(1);
    const exportLoad = load();
    const exportStep = await measured(() => exportPain001(fixture, batchId, pain001));
    const exportedLoad = load();
    await fixture.app.get(PaymentBatches).markSent(batchId, { userId: 'finance-a', name: 'Finance A', roles: ['finance'], organisationNumbers: [] });

    const out = createWriteStream(camt054);
    for await (const chunk of writeCamt054({
      messageId: `BENCH-${Date.now()}`,
      createdAt: '2018-01-02T07:00:00',
      account: '76940512057',
      batchMessageId: batchId.replace(/-/g, ''),
      entries: sentPayments(fixture.dataSource, batchId),
    })) {
      if (!out.write(chunk)) await new Promise<void>((done) => out.once('drain', () => done()));
    }
    await new Promise<void>((done) => out.end(() => done()));
    const camtMb = megabytes(statSync(camt054).size);

    const importLoad = load();
    const importStep = await measured(() => fixture.app.get(ImportBankFile).import(createReadStream(camt054), { userId: 'finance-a', roles: ['finance'] }));
    const importedLoad = load();
    const summary = importStep.result.summary as { booked: number };
    if (summary.booked !== payments)
      throw new Error(`camt.054 import booked ${summary.booked} of ${payments} payments: ${JSON.stringify(importStep.result.summary)}`);
    process.stdout.write(
      `bankfiles: pain.001 export of ${payments} payments, ${megabytes(exportStep.result)} MB, in ${exportStep.ms} ms (peak RSS ${exportStep.peakRssMb} MB, ${exportStep.startRssMb} MB at its start, load average ${exportLoad} → ${exportedLoad})\n` +
        `bankfiles: camt.054 import of ${payments} entries, ${camtMb} MB (XSD-validated, read, matched, booked), in ${importStep.ms} ms (peak RSS ${importStep.peakRssMb} MB, ${importStep.startRssMb} MB at its start, load average ${importLoad} → ${importedLoad})\n` +
        `bankfiles: import / export = ${(importStep.ms / exportStep.ms).toFixed(2)} (target ≤ 2.00)\n`,
    );
  } finally {
    rmSync(pain001, { force: true });
    rmSync(camt054, { force: true });
    await fixture.close();
  }
}
