import { ApiProperty } from '@nestjs/swagger';
import type { BatchLineView, BatchLinesView } from '../application/batch-lines.query';
import type { BatchView } from '../application/payment-batches.service';
import type { PayoutRunView } from '../application/payout-runs.service';
import type { PayoutRunKind, PayoutRunStatus } from '../infrastructure/payout-run.repository';

/*
 * Finance's answers on payout runs and payment batches, described for the OpenAPI document (the staff
 * web's types are generated from it). Each class implements the view it describes.
 */

type Refusal = NonNullable<PayoutRunView['refused']>;
type Skipped = PayoutRunView['skipped'][number];
type BatchTotal = BatchLinesView['totals'][number];

export class PayoutRunRefusalResponse implements Refusal {
  @ApiProperty({ enum: ['RATES_NOT_CONFIRMED'], description: 'Hvorfor kjøringen ble avvist.' })
  code: 'RATES_NOT_CONFIRMED';

  @ApiProperty({ description: 'Forklaringen på bokmål.' })
  message: string;

  @ApiProperty({ type: String, isArray: true, description: 'Satsene som ikke er bekreftet.' })
  unconfirmed: string[];
}

export class PayoutRunSkippedResponse implements Skipped {
  @ApiProperty({ example: '964338531', description: 'Mottakeren som ikke fikk utbetaling.' })
  organisationNumber: string;

  @ApiProperty({ enum: ['NO_ACCOUNT_REGISTERED'], description: 'Hvorfor mottakeren ble hoppet over.' })
  reason: 'NO_ACCOUNT_REGISTERED';

  @ApiProperty({ description: 'Forklaringen på bokmål.' })
  message: string;
}

/** GET /payments/runs, /payments/runs/{id}: a payout run for one kap./post, or one per-capita scheme and period. */
export class PayoutRunResponse implements PayoutRunView {
  @ApiProperty()
  id: string;

  @ApiProperty({ enum: ['instalments', 'per-capita'], description: 'Utbetaling av rater eller av per capita-tilskudd.' })
  kind: PayoutRunKind;

  @ApiProperty({ type: String, nullable: true, description: 'Per capita: ordningen.' })
  schemeCode: string | null;

  @ApiProperty({ type: String, nullable: true, example: '2026-Q2', description: 'Per capita: den siste perioden som betales.' })
  period: string | null;

  @ApiProperty({ example: 2026 })
  budgetYear: number;

  @ApiProperty({ example: '0821.60', description: 'Kapittel og post.' })
  budgetPost: string;

  @ApiProperty({ example: '2026-06-30', description: 'Utbetalinger som forfaller til og med denne datoen.' })
  asOf: string;

  @ApiProperty({ enum: ['queued', 'running', 'completed', 'refused'] })
  status: PayoutRunStatus;

  @ApiProperty({ description: 'Antall utbetalinger kjøringen laget.' })
  paymentsCreated: number;

  @ApiProperty({ type: String, nullable: true, description: 'Betalingsbunten kjøringen laget; null før den er ferdig eller når den ikke laget noen.' })
  batchId: string | null;

  @ApiProperty({ type: () => PayoutRunRefusalResponse, nullable: true, description: 'Hvorfor kjøringen ble avvist; ellers null.' })
  refused: PayoutRunRefusalResponse | null;

  @ApiProperty({ type: PayoutRunSkippedResponse, isArray: true, description: 'Mottakere kjøringen ikke kunne betale.' })
  skipped: PayoutRunSkippedResponse[];
}

/** GET /payments/batches: a payment batch waiting for, or given, approval. */
export class BatchResponse implements BatchView {
  @ApiProperty()
  id: string;

  @ApiProperty({ description: 'Kjøringen som laget bunten.' })
  runId: string;

  @ApiProperty({ example: 2026 })
  budgetYear: number;

  @ApiProperty({ example: '0821.60' })
  budgetPost: string;

  @ApiProperty({ enum: ['prepared', 'approved'], description: 'Klar til godkjenning, eller godkjent.' })
  status: 'prepared' | 'approved';

  @ApiProperty({ description: 'Hvem som laget bunten.' })
  preparedBy: string;

  @ApiProperty({ type: String, nullable: true, description: 'Hvem som godkjente bunten.' })
  approvedBy: string | null;

  @ApiProperty({ description: 'Antall utbetalinger i bunten.' })
  numberOfPayments: number;

  @ApiProperty({ example: '1250000.00', description: 'Buntens sum i kroner.' })
  totalNok: string;
}

export class BatchTotalResponse implements BatchTotal {
  @ApiProperty({ example: '0821.60' })
  budgetPost: string;

  @ApiProperty()
  schemeCode: string;

  @ApiProperty()
  numberOfPayments: number;

  @ApiProperty({ example: '1250000.00' })
  totalNok: string;
}

export class BatchLineResponse implements BatchLineView {
  @ApiProperty({ description: 'Betalingens EndToEndId i pain.001.' })
  endToEndId: string;

  @ApiProperty({ example: '2026-06-30', description: 'Ønsket utførelsesdato.' })
  executionDate: string;

  @ApiProperty({ description: 'Mottakerens navn.' })
  payeeName: string;

  @ApiProperty({ example: '964338531' })
  organisationNumber: string;

  @ApiProperty({ example: '15032080119', description: 'Kontonummeret det betales til.' })
  accountNumber: string;

  @ApiProperty({ example: '120000.00' })
  amountNok: string;

  @ApiProperty({ description: 'Det mottakerens bank viser med betalingen.' })
  remittance: string;

  @ApiProperty({ type: String, nullable: true })
  caseNumber: string | null;

  @ApiProperty({ example: '0821.60' })
  budgetPost: string;

  @ApiProperty()
  schemeCode: string;
}

/** GET /payments/batches/{id}/lines: what finance reads before approving a batch. */
export class BatchLinesResponse implements BatchLinesView {
  @ApiProperty({ type: BatchResponse })
  batch: BatchResponse;

  @ApiProperty({ type: BatchTotalResponse, isArray: true, description: 'Summer per kap./post og ordning over hele bunten.' })
  totals: BatchTotalResponse[];

  @ApiProperty({ example: 1 })
  page: number;

  @ApiProperty({ example: 50 })
  pageSize: number;

  @ApiProperty({ description: 'Antall linjer som passer søket (alle uten søk).' })
  matching: number;

  @ApiProperty({ type: BatchLineResponse, isArray: true })
  lines: BatchLineResponse[];
}
