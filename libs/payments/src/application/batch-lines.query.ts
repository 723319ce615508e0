import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PayeeDirectory } from '../infrastructure/payee.directory';
import { remittanceOf } from '../domain/remittance';
import { BatchLineRepository } from '../infrastructure/batch-line.repository';
import { PaymentBatches, type BatchView } from './payment-batches.service';

export interface BatchLineView {
  readonly endToEndId: string;
  readonly executionDate: string;
  readonly payeeName: string;
  readonly organisationNumber: string;
  readonly accountNumber: string;
  readonly amountNok: string;
  /** What the payee's bank shows with the payment. */
  readonly remittance: string;
  readonly caseNumber: string | null;
  readonly budgetPost: string;
  readonly schemeCode: string;
}

export interface BatchLinesView {
  readonly batch: BatchView;
  /** Per kap./post and scheme, over the whole batch. */
  readonly totals: ReadonlyArray<{ readonly budgetPost: string; readonly schemeCode: string; readonly numberOfPayments: number; readonly totalNok: string }>;
  readonly page: number;
  readonly pageSize: number;
  /** Lines matching the search (all lines without one). */
  readonly matching: number;
  readonly lines: readonly BatchLineView[];
}

/** What finance reads before approving a batch: each payment with payee, account, amount and reference. */
@Injectable()
export class BatchLinesQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly batches: PaymentBatches,
    private readonly repository: BatchLineRepository,
    private readonly payees: PayeeDirectory,
  ) {}

  async view(batchId: string, filter: { search?: string; page?: number; pageSize?: number }): Promise<BatchLinesView> {
    const batch = await this.batches.view(batchId);
    const page = filter.page ?? 1;
    const pageSize = filter.pageSize ?? 50;
    const manager = this.dataSource.manager;
    const [{ lines, matching }, totals] = await Promise.all([
      this.repository.page(manager, batchId, { search: filter.search?.trim() || undefined, page, pageSize }),
      this.repository.totals(manager, batchId),
    ]);
    const payees = await this.payees.byNumber(
      manager,
      lines.map((line) => line.organisationNumber),
    );
    return {
      batch,
      totals: totals.map((total) => ({
        budgetPost: total.budgetPost,
        schemeCode: total.schemeCode,
        numberOfPayments: total.count,
        totalNok: total.amount.toDecimalString(),
      })),
      page,
      pageSize,
      matching,
      lines: lines.map((line) => ({
        endToEndId: line.endToEndId,
        executionDate: line.executionDate,
        payeeName: payees.get(line.organisationNumber)?.name ?? line.organisationNumber,
        organisationNumber: line.organisationNumber,
        accountNumber: line.accountNumber,
        amountNok: line.amount.toDecimalString(),
        remittance: remittanceOf(line),
        caseNumber: line.caseNumber,
        budgetPost: line.budgetPost,
        schemeCode: line.schemeCode,
      })),
    };
  }
}
