import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditTrail, SYSTEM_ACTOR } from '@imdi/audit';
import { BudgetLedger } from '@imdi/budget';
import { CaseLifecycle } from '@imdi/cases';
import { BudgetPost, Money } from '@imdi/kernel';
import { AppConfig, type JobContext } from '@imdi/platform';
import { DataSource } from 'typeorm';
import { PayeeDirectory } from '../infrastructure/payee.directory';
import { BankFileRepository } from '../infrastructure/bank-file.repository';
import { InstalmentPaymentRepository } from '../infrastructure/instalment-payment.repository';
import { PayoutRunRepository, type PayoutRunRecord } from '../infrastructure/payout-run.repository';

const BEFORE_ANY_UUID = '00000000-0000-0000-0000-000000000000';

/**
 * Pays every due instalment of the run's post that has no payment yet, a page per transaction:
 * the page's payments (one statement), its ledger posting, the first payment of each case and an
 * audit entry commit together or not at all. Returns how many payments the run has made.
 */
@Injectable()
export class PayDueInstalments {
  constructor(
    private readonly dataSource: DataSource,
    private readonly payments: InstalmentPaymentRepository,
    private readonly runs: PayoutRunRepository,
    private readonly ledger: BudgetLedger,
    private readonly cases: CaseLifecycle,
    private readonly audit: AuditTrail,
    private readonly config: AppConfig,
    private readonly bankFiles: BankFileRepository,
    private readonly payees: PayeeDirectory,
  ) {}

  /**
   * Instalments the bank rejected for a wrong, closed or blocked account wait for the recipient to
   * register another account; the run pays those whose account has changed since, to the new one.
   */
  private async releaseCorrectedAccounts(run: PayoutRunRecord, actor: { userId: string; roles: string[] }): Promise<void> {
    const waiting = await this.bankFiles.waitingForAccount(this.dataSource.manager, run.budgetYear, run.chapter, run.post);
    if (waiting.length === 0) return;
    const payees = await this.payees.byNumber(
      this.dataSource.manager,
      waiting.map((instalment) => instalment.organisationNumber),
    );
    const accountOf = (instalment: { organisationNumber: string }) => payees.get(instalment.organisationNumber)?.accountNumber;
    const corrected = waiting.filter((instalment) => {
      const account = accountOf(instalment);
      return account !== undefined && account !== instalment.accountNumber;
    });
    if (corrected.length === 0) return;
    await this.dataSource.transaction(async (manager) => {
      for (const instalment of corrected) {
        if (await this.bankFiles.releaseToAccount(manager, instalment.id, accountOf(instalment) ?? instalment.accountNumber, run.asOf)) {
          await this.audit.record(manager, {
            actor,
            action: 'instalment.released-to-new-account',
            entityType: 'instalment',
            entityId: instalment.id,
            after: { runId: run.id },
          });
        }
      }
    });
  }

  async pay(run: PayoutRunRecord, batchId: string, context: JobContext): Promise<number> {
    const budgetPost = BudgetPost.of({ chapter: run.chapter, post: run.post });
    const actor = { userId: run.requestedBy, roles: ['finance'] };
    await this.releaseCorrectedAccounts(run, actor);
    const size = this.config.PAYOUT_PAGE_SIZE;
    let after = BEFORE_ANY_UUID;
    let total = run.paymentsCreated;
    for (;;) {
      const seen = await this.dataSource.transaction(async (manager) => {
        // Runs of the same post take turns page by page, so that a second run skips what the first has paid.
        await this.runs.lockPostForPage(manager, run.budgetYear, budgetPost);
        const postingId = randomUUID();
        const page = await this.payments.payDuePage(manager, {
          budgetYear: run.budgetYear,
          chapter: run.chapter,
          post: run.post,
          asOf: run.asOf,
          after,
          size,
          runId: run.id,
          batchId,
          postingId,
        });
        if (page.lastInstalmentId) after = page.lastInstalmentId;
        if (page.paid > 0) {
          const amounts = page.byEarmark.map((sum) => ({ earmarkCode: sum.earmarkCode, amount: Money.ofOre(sum.amountOre), committed: true }));
          await this.ledger.recordPaymentPosting(manager, {
            budgetYear: run.budgetYear,
            budgetPost,
            postingId,
            lines: amounts,
            actorId: run.requestedBy,
            note: `payout run ${run.id}`,
            bookedOn: run.asOf,
          });
          // A case becomes paid with its first payment; later payments change nothing about the case.
          for (const file of await this.cases.findMany(manager, page.caseIds)) {
            if (file.status === 'accepted') await this.cases.transition(manager, file.id, 'recordPayment', SYSTEM_ACTOR, { details: { runId: run.id } });
          }
          await this.audit.record(manager, {
            actor,
            action: 'payout-run.payments-made',
            entityType: 'payout_run',
            entityId: run.id,
            after: { postingId, payments: page.paid, totalNok: Money.sum(amounts.map((line) => line.amount)).toDecimalString() },
          });
        }
        total = await this.runs.recordPage(manager, run.id, page.paid);
        return page.seen;
      });
      await context.updateProgress({ paymentsCreated: total });
      if (seen < size) return total;
    }
  }
}
