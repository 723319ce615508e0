import { Injectable } from '@nestjs/common';
import { BudgetStatusQuery } from '@imdi/budget';
import { BudgetPost, Money } from '@imdi/kernel';
import { DataSource } from 'typeorm';
import { BANK_PAYMENT_STATUS_NB, bankPaymentStatus, type BankPaymentStatus } from '../domain/bank-payment-status';
import { bankStatusReason } from '../domain/bank-status-reason';
import { PaymentsError } from '../domain/payments.errors';
import { BankFileRepository, type ReconciliationRow } from '../infrastructure/bank-file.repository';

export interface CountAndAmount {
  readonly count: number;
  readonly nok: string;
}

/** What was sent to the bank and what became of it, counted and summed to the øre. */
export interface ReconciliationFigures {
  readonly inBatch: CountAndAmount;
  readonly sent: CountAndAmount;
  /** Accepted by the bank and not yet debited. */
  readonly accepted: CountAndAmount;
  /** Debited: what we sent, and what the bank says it debited (they differ only where a discrepancy is listed). */
  readonly booked: CountAndAmount & { readonly bookedByBankNok: string; readonly onAnotherDay: number };
  readonly rejected: CountAndAmount;
  /** Sent and neither debited nor rejected yet. */
  readonly outstanding: CountAndAmount;
}

export interface BatchReconciliation extends ReconciliationFigures {
  readonly batchId: string;
  readonly discrepancies: Record<string, number>;
}

export interface PostReconciliation extends ReconciliationFigures {
  readonly budgetYear: number;
  readonly budgetPost: string;
  /** The accounting status of the post: paid counts each payment from the day the bank debited it. */
  readonly ledger: { readonly asOf: string | null; readonly paidNok: string; readonly committedNok: string; readonly availableNok: string };
  readonly batches: readonly BatchReconciliation[];
}

export interface DiscrepancyView {
  readonly id: string;
  readonly kind: string;
  readonly description: string;
  readonly fileId: string;
  readonly batchId: string | null;
  readonly paymentId: string | null;
  readonly endToEndId: string | null;
  readonly caseNumber: string | null;
  readonly organisationNumber: string | null;
  readonly sentNok: string | null;
  readonly bookedNok: string | null;
  readonly executionDate: string | null;
  readonly bookedOn: string | null;
}

export interface CasePaymentView {
  readonly paymentId: string;
  readonly instalmentSequence: number;
  readonly amountNok: string;
  readonly executionDate: string;
  readonly status: BankPaymentStatus;
  readonly statusText: string;
  readonly bookedOn: string | null;
  readonly rejection: { readonly code: string; readonly reason: string; readonly paidAgain: 'due' | 'waiting-for-new-account' | 'paid' } | null;
}

const DISCREPANCY_NB: Record<string, string> = {
  amount: 'Banken belastet et annet beløp enn det som ble sendt',
  'booking-date': 'Banken belastet på en annen dag enn ønsket utførelsesdato',
  'unmatched-entry': 'Belastningen kan ikke knyttes til en betaling fra IMDi',
  'booked-after-rejection': 'Banken belastet en betaling den hadde avvist',
  'rejected-after-booking': 'Banken avviste en betaling den allerede hadde belastet',
  'booked-twice': 'Banken belastet samme betaling mer enn én gang',
  'credit-entry': 'Oppføringen er en godskriving, ikke en belastning',
};

const amount = (count: number, ore: string): CountAndAmount => ({ count, nok: Money.ofOre(ore).toDecimalString() });

function figures(row: ReconciliationRow): ReconciliationFigures {
  const outstandingOre = BigInt(row.sent_ore) - BigInt(row.booked_ore) - BigInt(row.rejected_ore);
  return {
    inBatch: amount(row.in_batch, row.in_batch_ore),
    sent: amount(row.sent, row.sent_ore),
    accepted: amount(row.accepted, row.accepted_ore),
    booked: { ...amount(row.booked, row.booked_ore), bookedByBankNok: Money.ofOre(row.booked_by_bank_ore).toDecimalString(), onAnotherDay: row.booked_late },
    rejected: amount(row.rejected, row.rejected_ore),
    outstanding: amount(row.sent - row.booked - row.rejected, outstandingOre.toString()),
  };
}

/** Reconciliation of what we sent the bank against what the bank answered, per batch and per kap./post. */
@Injectable()
export class BankReconciliation {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: BankFileRepository,
    private readonly budget: BudgetStatusQuery,
  ) {}

  async batch(batchId: string): Promise<BatchReconciliation> {
    const row = await this.repository.batchReconciliation(this.dataSource.manager, batchId);
    if (!row) throw new PaymentsError('BATCH_NOT_FOUND', `Det finnes ingen betalingsbunt ${batchId}`, { id: batchId }, 'id');
    return { batchId, ...figures(row), discrepancies: row.discrepancies ?? {} };
  }

  async post(budgetYear: number, budgetPost: BudgetPost, asOf?: string): Promise<PostReconciliation> {
    const rows = await this.repository.postReconciliation(this.dataSource.manager, budgetYear, budgetPost.chapter, budgetPost.post);
    const batches = await Promise.all(rows.map((row) => this.batch(row.batch_id)));
    const sum = (pick: (row: ReconciliationRow) => number | string): string => rows.reduce((total, row) => total + BigInt(pick(row)), 0n).toString();
    const total: ReconciliationRow = {
      in_batch: Number(sum((row) => row.in_batch)),
      in_batch_ore: sum((row) => row.in_batch_ore),
      sent: Number(sum((row) => row.sent)),
      sent_ore: sum((row) => row.sent_ore),
      accepted: Number(sum((row) => row.accepted)),
      accepted_ore: sum((row) => row.accepted_ore),
      booked: Number(sum((row) => row.booked)),
      booked_ore: sum((row) => row.booked_ore),
      booked_by_bank_ore: sum((row) => row.booked_by_bank_ore),
      rejected: Number(sum((row) => row.rejected)),
      rejected_ore: sum((row) => row.rejected_ore),
      booked_late: Number(sum((row) => row.booked_late)),
    };
    const status = await this.budget.forYear(budgetYear, asOf);
    const line = status.posts.find((candidate) => candidate.budgetPost === budgetPost.toString());
    return {
      budgetYear,
      budgetPost: budgetPost.toString(),
      ...figures(total),
      ledger: { asOf: asOf ?? null, paidNok: line?.paidNok ?? '0.00', committedNok: line?.committedNok ?? '0.00', availableNok: line?.availableNok ?? '0.00' },
      batches,
    };
  }

  async discrepancies(filter: { batchId?: string; budgetYear?: number; budgetPost?: BudgetPost }): Promise<DiscrepancyView[]> {
    const rows = await this.repository.discrepancies(this.dataSource.manager, {
      batchId: filter.batchId,
      budgetYear: filter.budgetYear,
      chapter: filter.budgetPost?.chapter,
      post: filter.budgetPost?.post,
    });
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      description: DISCREPANCY_NB[row.kind] ?? row.kind,
      fileId: row.file_id,
      batchId: row.batch_id,
      paymentId: row.payment_id,
      endToEndId: row.end_to_end_id,
      caseNumber: row.case_number,
      organisationNumber: row.organisation_number,
      sentNok: row.sent_amount_ore === null ? null : Money.ofOre(row.sent_amount_ore).toDecimalString(),
      bookedNok: row.booked_amount_ore === null ? null : Money.ofOre(row.booked_amount_ore).toDecimalString(),
      executionDate: row.execution_date,
      bookedOn: row.booked_on,
    }));
  }

  /** A case's payments as the bank answered them: for the case page. */
  async forCase(caseId: string): Promise<CasePaymentView[]> {
    const rows = await this.repository.casePayments(this.dataSource.manager, caseId);
    return rows.map((row) => {
      const status = bankPaymentStatus(row.own_status, { sentAt: row.sent_at, bankAcceptedAt: row.bank_accepted_at });
      return {
        paymentId: row.payment_id,
        instalmentSequence: row.sequence,
        amountNok: Money.ofOre(row.amount_ore).toDecimalString(),
        executionDate: row.execution_date,
        status,
        statusText: BANK_PAYMENT_STATUS_NB[status],
        bookedOn: row.booked_on,
        rejection:
          status === 'rejected' && row.reason_code
            ? {
                code: row.reason_code,
                reason: bankStatusReason(row.reason_code).text,
                paidAgain: row.reissue_paid ? 'paid' : row.reissue_held ? 'waiting-for-new-account' : 'due',
              }
            : null,
      };
    });
  }
}
