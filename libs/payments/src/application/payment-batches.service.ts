import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@imdi/audit';
import type { Principal } from '@imdi/auth';
import { AppConfig } from '@imdi/platform';
import { AccountNumber, Clock, Money, OrganisationNumber, withoutUnsafeCharacters } from '@imdi/kernel';
import { DataSource } from 'typeorm';
import { PayeeDirectory } from '../infrastructure/payee.directory';
import { nextNorwegianBankDay } from '../domain/bank-days';
import { PaymentsError } from '../domain/payments.errors';
import { endToEndReference, writePain001, type CreditTransfer } from '../domain/pain001.writer';
import { remittanceOf } from '../domain/remittance';
import { BankFileRepository } from '../infrastructure/bank-file.repository';
import { PaymentBatchRepository, type BatchRecord } from '../infrastructure/payment-batch.repository';

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

function toBatchView(batch: BatchRecord): BatchView {
  return {
    id: batch.id,
    runId: batch.runId,
    budgetYear: batch.budgetYear,
    budgetPost: `${batch.chapter}.${batch.post}`,
    status: batch.status,
    preparedBy: batch.preparedBy,
    approvedBy: batch.approvedBy,
    numberOfPayments: batch.payments,
    totalNok: Money.ofOre(batch.totalOre).toDecimalString(),
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
    private readonly batches: PaymentBatchRepository,
    private readonly payees: PayeeDirectory,
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
    const batch = await this.batches.find(this.dataSource.manager, id);
    if (!batch) throw new PaymentsError('BATCH_NOT_FOUND', `Fant ingen betalingsbunt med id ${id}.`, { id });
    return toBatchView(batch);
  }

  /** The latest batches, newest first, optionally only those waiting for the second finance user. */
  async list(status?: BatchView['status']): Promise<BatchView[]> {
    return (await this.batches.list(this.dataSource.manager, status, 100)).map(toBatchView);
  }

  async approve(id: string, principal: Principal): Promise<BatchView> {
    await this.dataSource.transaction(async (manager) => {
      const batch = await this.batches.lockForApproval(manager, id);
      if (!batch) throw new PaymentsError('BATCH_NOT_FOUND', `Fant ingen betalingsbunt med id ${id}.`, { id });
      // The batch fills while its run goes on; only a finished run's batch can be approved and sent.
      if (batch.runStatus !== 'completed')
        throw new PaymentsError('RUN_NOT_COMPLETED', 'Utbetalingskjøringen for denne bunten er ikke ferdig. Godkjenn bunten når den er ferdig.', {
          runStatus: batch.runStatus,
        });
      if (batch.preparedBy === principal.userId)
        throw new PaymentsError('FOUR_EYES', 'Betalingsbunten må godkjennes av en annen person enn den som laget den (fire øyne).', {
          preparedBy: batch.preparedBy,
        });
      if (batch.status !== 'prepared') throw new PaymentsError('BATCH_ALREADY_APPROVED', 'Bunten er allerede godkjent.', { currentStatus: batch.status });
      await this.batches.markApproved(manager, id, principal.userId);
      await this.audit.record(manager, {
        actor: principal,
        action: 'payment-batch.approved',
        entityType: 'payment_batch',
        entityId: id,
        after: { preparedBy: batch.preparedBy },
      });
    });
    return this.view(id);
  }

  /** pain.001.001.03, streamed: the file for the bank. */
  async *pain001(id: string): AsyncGenerator<string> {
    const batch = await this.approvedBatch(id);
    const groups = await this.batches.executionGroups(this.dataSource.manager, id);
    const debtorAccount = AccountNumber.of(this.config.PAYMENT_DEBTOR_ACCOUNT, 'PAYMENT_DEBTOR_ACCOUNT');
    const debtorOrganisation = OrganisationNumber.of(this.config.PAYMENT_DEBTOR_ORGANISATION_NUMBER, 'PAYMENT_DEBTOR_ORGANISATION_NUMBER');
    yield* writePain001(
      {
        messageId: id.replace(/-/g, ''),
        createdAt: this.clock.now(),
        numberOfTransactions: batch.numberOfPayments,
        controlSum: Money.parseNok(batch.totalNok),
        debtor: {
          name: this.config.PAYMENT_DEBTOR_NAME,
          organisationNumber: debtorOrganisation.value,
          account: debtorAccount.value,
          bic: this.config.PAYMENT_DEBTOR_BIC,
        },
      },
      // A run dated on a weekend or holiday asks the bank for the next day it settles.
      groups.map((group) => ({
        executionDate: group.executionDate,
        requestedExecutionDate: nextNorwegianBankDay(group.executionDate),
        numberOfTransactions: group.count,
        controlSum: Money.ofOre(group.totalOre),
      })),
      (executionDate) => this.transfers(id, executionDate),
    );
  }

  /** The payment basis (utbetalingsgrunnlag) for the accounting system, with the posting string. */
  async *accountingBasis(id: string): AsyncGenerator<string> {
    const batch = await this.approvedBatch(id);
    // Per-capita payments have no case: their reference is the period (and correction) they pay.
    yield 'batch;end_to_end_id;execution_date;kapittel;post;ordning;mottaker_orgnr;saksnummer;belop;referanse\n';
    for (const executionDate of await this.batches.executionDates(this.dataSource.manager, id)) {
      // Keyset per execution date, the order of the batch index: every page is one index range.
      let after = '0';
      for (;;) {
        const rows = await this.batches.paymentsPage(this.dataSource.manager, id, executionDate, after, READ_PAGE);
        if (rows.length === 0) break;
        yield rows
          .map(
            (row) =>
              `${batch.id};${row.end_to_end_id};${executionDate};${row.chapter};${row.post};${csvField(row.scheme_code)};${row.organisation_number};${csvField(row.case_number ?? '')};${Money.ofOre(row.amount_ore).toDecimalString()};${csvField(row.reference ?? '')}\n`,
          )
          .join('');
        after = rows[rows.length - 1].end_to_end_id;
        letPageGo(rows);
      }
    }
    yield `SUM;${batch.numberOfPayments};;;;;;;${batch.totalNok};\n`;
  }

  private async *transfers(batchId: string, executionDate: string): AsyncGenerator<CreditTransfer> {
    let after = '0';
    for (;;) {
      const rows = await this.batches.paymentsPage(this.dataSource.manager, batchId, executionDate, after, READ_PAGE);
      if (rows.length === 0) return;
      // The creditors' names from the organisation register intake publishes, one look-up per page.
      const payees = await this.payees.byNumber(
        this.dataSource.manager,
        rows.map((row) => row.organisation_number),
      );
      for (const row of rows) {
        yield {
          endToEndId: endToEndReference(row.end_to_end_id),
          amount: Money.ofOre(row.amount_ore),
          creditorName: payees.get(row.organisation_number)?.name ?? row.organisation_number,
          creditorAccount: row.account_number,
          remittance: remittanceOf({
            caseNumber: row.case_number,
            schemeCode: row.scheme_code,
            reference: row.reference,
            budgetPost: `${row.chapter}.${row.post}`,
          }),
        };
      }
      after = rows[rows.length - 1].end_to_end_id;
      letPageGo(rows);
    }
  }

  private async approvedBatch(id: string): Promise<BatchView> {
    const batch = await this.view(id);
    if (batch.status !== 'approved')
      throw new PaymentsError('BATCH_NOT_APPROVED', 'Betalingsbunten kan først lastes ned når en annen økonomimedarbeider har godkjent den.', {
        currentStatus: batch.status,
      });
    return batch;
  }
}

/**
 * Empties a page that has been written, before the next is read. The suspended generator still holds
 * the finished page while it reads the next one, so every page outlived two young-generation
 * collections and was promoted: 1.9 MB per collection, all of a file's rows, left to the full
 * collections. Emptied, a pain.001 of 1 000 000 payments promotes 26 kB per collection (issue 14 notes).
 */
function letPageGo(rows: unknown[]): void {
  rows.length = 0;
}

/** One field of the semicolon-separated payment basis: on one line, without control characters, quoted when it holds ; or ". */
export function csvField(value: string): string {
  const safe = withoutUnsafeCharacters(value, false);
  return /[;"]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
