import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@imdi/audit';
import type { Principal } from '@imdi/auth';
import { AppConfig } from '@imdi/platform';
import { AccountNumber, Clock, Money, OrganisationNumber, withoutUnsafeCharacters } from '@imdi/kernel';
import { DataSource } from 'typeorm';
import { nextNorwegianBankDay } from '../domain/bank-days';
import { PaymentsError } from '../domain/payments.errors';
import { endToEndReference, writePain001, type CreditTransfer } from '../domain/pain001.writer';
import { remittanceOf } from '../domain/remittance';
import { BankFileRepository } from '../infrastructure/bank-file.repository';

export interface BatchView {
  readonly id: string;
  readonly runId: string;
  readonly budgetYear: number;
  readonly budgetPost: string;
  readonly status: 'prepared' | 'approved';
  readonly preparedBy: string;
  readonly approvedBy: string | null;
  readonly numberOfPayments: number;
  readonly totalNok: string;
}

// Pages of a few thousand rows: round trips stay few, memory stays flat whatever the batch size.
const READ_PAGE = 5000;

interface BatchRow {
  id: string;
  run_id: string;
  budget_year: number;
  chapter: string;
  post: string;
  status: BatchView['status'];
  prepared_by: string;
  approved_by: string | null;
  payments: string;
  total_ore: string;
}

const BATCH_SELECT = `SELECT b.*, (SELECT count(*) FROM payment p WHERE p.batch_id = b.id) AS payments, (SELECT coalesce(sum(amount_ore), 0) FROM payment p WHERE p.batch_id = b.id) AS total_ore
  FROM payment_batch b`;

function toBatchView(batch: BatchRow): BatchView {
  return {
    id: batch.id,
    runId: batch.run_id,
    budgetYear: batch.budget_year,
    budgetPost: `${batch.chapter}.${batch.post}`,
    status: batch.status,
    preparedBy: batch.prepared_by,
    approvedBy: batch.approved_by,
    numberOfPayments: Number(batch.payments),
    totalNok: Money.ofOre(batch.total_ore).toDecimalString(),
  };
}

/**
 * A batch is prepared by the finance user who ran the payout and approved by another; only then
 * is it exported, as pain.001 for the bank and as the payment basis for the accounting system.
 */
@Injectable()
export class PaymentBatches {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly bankFiles: BankFileRepository,
  ) {}

  /** The batch's pain.001 has gone to the bank (downloaded, or sent through the accounting system). */
  async markSent(id: string, principal: Principal): Promise<BatchView> {
    await this.approvedBatch(id);
    await this.dataSource.transaction(async (manager) => {
      if (await this.bankFiles.markSent(manager, id, principal.userId)) {
        await this.audit.record(manager, { actor: principal, action: 'payment-batch.sent', entityType: 'payment_batch', entityId: id });
      }
    });
    return this.view(id);
  }

  async view(id: string): Promise<BatchView> {
    const [batch]: BatchRow[] = await this.dataSource.query(`${BATCH_SELECT} WHERE b.id = $1`, [id]);
    if (!batch) throw new PaymentsError('BATCH_NOT_FOUND', `Fant ingen betalingsbunt med id ${id}.`, { id });
    return toBatchView(batch);
  }

  /** The latest batches, newest first, optionally only those waiting for the second finance user. */
  async list(status?: BatchView['status']): Promise<BatchView[]> {
    const rows: BatchRow[] = await this.dataSource.query(`${BATCH_SELECT} WHERE ($1::text IS NULL OR b.status = $1) ORDER BY b.created_at DESC LIMIT 100`, [status ?? null]);
    return rows.map(toBatchView);
  }

  async approve(id: string, principal: Principal): Promise<BatchView> {
    await this.dataSource.transaction(async (manager) => {
      const [batch]: Array<{ status: string; prepared_by: string; run_status: string }> = await manager.query(
        `SELECT b.status, b.prepared_by, r.status AS run_status FROM payment_batch b JOIN payout_run r ON r.id = b.run_id WHERE b.id = $1 FOR UPDATE OF b`,
        [id],
      );
      if (!batch) throw new PaymentsError('BATCH_NOT_FOUND', `Fant ingen betalingsbunt med id ${id}.`, { id });
      // The batch fills while its run goes on; only a finished run's batch can be approved and sent.
      if (batch.run_status !== 'completed') throw new PaymentsError('RUN_NOT_COMPLETED', 'Utbetalingskjøringen for denne bunten er ikke ferdig. Godkjenn bunten når den er ferdig.', { runStatus: batch.run_status });
      if (batch.prepared_by === principal.userId) throw new PaymentsError('FOUR_EYES', 'Betalingsbunten må godkjennes av en annen person enn den som laget den (fire øyne).', { preparedBy: batch.prepared_by });
      if (batch.status !== 'prepared') throw new PaymentsError('BATCH_ALREADY_APPROVED', 'Bunten er allerede godkjent.', { currentStatus: batch.status });
      await manager.query(`UPDATE payment_batch SET status = 'approved', approved_by = $2, approved_at = now() WHERE id = $1`, [id, principal.userId]);
      await this.audit.record(manager, { actor: principal, action: 'payment-batch.approved', entityType: 'payment_batch', entityId: id, after: { preparedBy: batch.prepared_by } });
    });
    return this.view(id);
  }

  /** pain.001.001.03, streamed: the file for the bank. */
  async *pain001(id: string): AsyncGenerator<string> {
    const batch = await this.approvedBatch(id);
    const groups: Array<{ execution_date: string; count: string; total: string }> = await this.dataSource.query(
      `SELECT to_char(execution_date, 'YYYY-MM-DD') AS execution_date, count(*) AS count, sum(amount_ore) AS total FROM payment WHERE batch_id = $1 GROUP BY execution_date ORDER BY execution_date`,
      [id],
    );
    const debtorAccount = AccountNumber.of(this.config.PAYMENT_DEBTOR_ACCOUNT, 'PAYMENT_DEBTOR_ACCOUNT');
    const debtorOrganisation = OrganisationNumber.of(this.config.PAYMENT_DEBTOR_ORGANISATION_NUMBER, 'PAYMENT_DEBTOR_ORGANISATION_NUMBER');
    yield* writePain001(
      {
        messageId: id.replace(/-/g, ''),
        createdAt: this.clock.now(),
        numberOfTransactions: batch.numberOfPayments,
        controlSum: Money.parseNok(batch.totalNok),
        debtor: { name: this.config.PAYMENT_DEBTOR_NAME, organisationNumber: debtorOrganisation.value, account: debtorAccount.value, bic: this.config.PAYMENT_DEBTOR_BIC },
      },
      // A run dated on a weekend or holiday asks the bank for the next day it settles.
      groups.map((group) => ({ executionDate: group.execution_date, requestedExecutionDate: nextNorwegianBankDay(group.execution_date), numberOfTransactions: Number(group.count), controlSum: Money.ofOre(group.total) })),
      (executionDate) => this.transfers(id, executionDate),
    );
  }

  /** The payment basis (utbetalingsgrunnlag) for the accounting system, with the posting string. */
  async *accountingBasis(id: string): AsyncGenerator<string> {
    const batch = await this.approvedBatch(id);
    // Per-capita payments have no case: their reference is the period (and correction) they pay.
    yield 'batch;end_to_end_id;execution_date;kapittel;post;ordning;mottaker_orgnr;saksnummer;belop;referanse\n';
    for (const executionDate of await this.executionDates(id)) {
      // Keyset per execution date, the order of the batch index: every page is one index range.
      let after = '0';
      for (;;) {
        const rows: Array<{ end_to_end_id: string; chapter: string; post: string; scheme_code: string; organisation_number: string; case_number: string | null; amount_ore: string; reference: string | null }> = await this.dataSource.query(
          `SELECT end_to_end_id, chapter, post, scheme_code, organisation_number, case_number, amount_ore, reference
           FROM payment WHERE batch_id = $1 AND execution_date = $2::date AND end_to_end_id > $3 ORDER BY end_to_end_id LIMIT $4`,
          [id, executionDate, after, READ_PAGE],
        );
        if (rows.length === 0) break;
        yield rows
          .map((row) => `${batch.id};${row.end_to_end_id};${executionDate};${row.chapter};${row.post};${csvField(row.scheme_code)};${row.organisation_number};${csvField(row.case_number ?? '')};${Money.ofOre(row.amount_ore).toDecimalString()};${csvField(row.reference ?? '')}\n`)
          .join('');
        after = rows[rows.length - 1].end_to_end_id;
      }
    }
    yield `SUM;${batch.numberOfPayments};;;;;;;${batch.totalNok};\n`;
  }

  private async executionDates(batchId: string): Promise<string[]> {
    const rows: Array<{ execution_date: string }> = await this.dataSource.query(
      `SELECT DISTINCT to_char(execution_date, 'YYYY-MM-DD') AS execution_date FROM payment WHERE batch_id = $1 ORDER BY 1`,
      [batchId],
    );
    return rows.map((row) => row.execution_date);
  }

  private async *transfers(batchId: string, executionDate: string): AsyncGenerator<CreditTransfer> {
    let after = '0';
    for (;;) {
      const rows: Array<{ end_to_end_id: string; amount_ore: string; account_number: string; organisation_number: string; case_number: string | null; scheme_code: string; reference: string | null; chapter: string; post: string; name: string | null }> = await this.dataSource.query(
        `SELECT p.end_to_end_id, p.amount_ore, p.account_number, p.organisation_number, p.case_number, p.scheme_code, p.reference, p.chapter, p.post, o.name
         FROM payment p LEFT JOIN organisation o ON o.organisation_number = p.organisation_number
         WHERE p.batch_id = $1 AND p.execution_date = $2::date AND p.end_to_end_id > $3 ORDER BY p.end_to_end_id LIMIT $4`,
        [batchId, executionDate, after, READ_PAGE],
      );
      if (rows.length === 0) return;
      for (const row of rows) {
        yield {
          endToEndId: endToEndReference(row.end_to_end_id),
          amount: Money.ofOre(row.amount_ore),
          creditorName: row.name ?? row.organisation_number,
          creditorAccount: row.account_number,
          remittance: remittanceOf({ caseNumber: row.case_number, schemeCode: row.scheme_code, reference: row.reference, budgetPost: `${row.chapter}.${row.post}` }),
        };
      }
      after = rows[rows.length - 1].end_to_end_id;
    }
  }

  private async approvedBatch(id: string): Promise<BatchView> {
    const batch = await this.view(id);
    if (batch.status !== 'approved') throw new PaymentsError('BATCH_NOT_APPROVED', 'Betalingsbunten kan først lastes ned når en annen økonomimedarbeider har godkjent den.', { currentStatus: batch.status });
    return batch;
  }
}

/** One field of the semicolon-separated payment basis: on one line, without control characters, quoted when it holds ; or ". */
export function csvField(value: string): string {
  const safe = withoutUnsafeCharacters(value, false);
  return /[;"]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
