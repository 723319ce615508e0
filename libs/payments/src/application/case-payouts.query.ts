import { Injectable } from '@nestjs/common';
import type { Principal } from '@imdi/auth';
import { Money } from '@imdi/kernel';
import { DataSource } from 'typeorm';
import { CasePayoutRepository } from '../infrastructure/case-payout.repository';
import { BankReconciliation, type CasePaymentView } from './bank-reconciliation.query';
import { ReclaimNotices, type ReclaimNoticeView } from './reclaim-notices.service';
import { Reclaims, type ReclaimView } from './reclaims.service';

export interface CaseInstalmentView {
  readonly sequence: number;
  readonly amountNok: string;
  /** Oslo date the instalment falls due; null while it is held back. */
  readonly dueOn: string | null;
  /** Why it waits: the recipient's report must be approved first. */
  readonly heldUntil: 'report-approved' | 'account-corrected' | null;
  readonly paid: boolean;
}

/** Money of one grant as the recipient follows it: the plan, what was paid, and any reclaim. */
export interface CasePayoutsView {
  readonly instalments: readonly CaseInstalmentView[];
  readonly payments: readonly CasePaymentView[];
  readonly reclaimNotices: readonly ReclaimNoticeView[];
  readonly reclaims: readonly ReclaimView[];
}

/** The port the recipient's case view reads payments through (payments owns these tables). */
@Injectable()
export class CasePayouts {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: CasePayoutRepository,
    private readonly bank: BankReconciliation,
    private readonly notices: ReclaimNotices,
    private readonly reclaims: Reclaims,
  ) {}

  /** The caller has checked that the principal may see the case; notices check it again. */
  async forCase(caseId: string, principal: Principal): Promise<CasePayoutsView> {
    const manager = this.dataSource.manager;
    const [instalments, payments, noticeIds, reclaimIds] = await Promise.all([
      this.repository.instalments(manager, caseId),
      this.bank.forCase(caseId),
      this.repository.noticeIds(manager, caseId),
      this.repository.reclaimIds(manager, caseId),
    ]);
    return {
      instalments: instalments.map((row) => ({
        sequence: row.sequence,
        amountNok: Money.ofOre(row.amount_ore).toDecimalString(),
        dueOn: row.due_on,
        heldUntil: row.held_until === 'report-approved' || row.held_until === 'account-corrected' ? row.held_until : null,
        paid: row.paid,
      })),
      payments,
      reclaimNotices: await Promise.all(noticeIds.map((id) => this.notices.view(id, principal))),
      reclaims: await Promise.all(reclaimIds.map((id) => this.reclaims.view(id))),
    };
  }
}
