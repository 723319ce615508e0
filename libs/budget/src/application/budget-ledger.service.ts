import { Injectable } from '@nestjs/common';
import { Clock, osloDate, type BudgetPost, type Money } from '@imdi/kernel';
import type { EntityManager } from 'typeorm';
import { BudgetError } from '../domain/budget.errors';
import { mergeSums, positionOf, type BudgetPosition, type LedgerSums } from '../domain/budget-position';
import type { LedgerEntryKind } from '../domain/ledger-entry-kind';
import { BudgetRepository, type BudgetLineRow, type EarmarkRow } from '../infrastructure/budget.repository';

export interface LedgerPosting {
  readonly budgetYear: number;
  readonly budgetPost: BudgetPost;
  /** The earmark inside the post the money belongs to; none: the post's unearmarked rest. */
  readonly earmarkCode?: string | null;
  readonly amount: Money;
  /** What the posting is for, e.g. ('decision', id); one posting of each kind per reference. */
  readonly referenceType: string;
  readonly referenceId: string;
  readonly actorId: string;
  readonly note?: string;
  /** The Oslo date it counts from; today when left out. */
  readonly bookedOn?: string;
}

/**
 * Writes to the budget ledger inside the caller's transaction. Commitments are checked against what
 * is available on the post and the earmark while holding the post's row lock, so any number of
 * simultaneous decisions can never take a post below zero (estimate posts excepted).
 */
@Injectable()
export class BudgetLedger {
  constructor(
    private readonly repository: BudgetRepository,
    private readonly clock: Clock,
  ) {}

  async commit(manager: EntityManager, posting: LedgerPosting): Promise<BudgetPosition> {
    return this.post(manager, posting, 'commit', true);
  }

  async uncommit(manager: EntityManager, posting: LedgerPosting): Promise<BudgetPosition> {
    return this.post(manager, posting, 'uncommit', false);
  }

  async pay(manager: EntityManager, posting: LedgerPosting): Promise<BudgetPosition> {
    return this.post(manager, posting, 'pay', false);
  }

  async reclaim(manager: EntityManager, posting: LedgerPosting): Promise<BudgetPosition> {
    return this.post(manager, posting, 'reclaim', false);
  }

  /**
   * A page of a payout run, booked as one posting: per earmark, one `pay` entry for the page's sum
   * and, for grants that were committed (instalments of decisions), one `uncommit` entry that
   * releases the same sum from "committed". Per-capita amounts were never committed: pay only.
   * One entry per page instead of two per payment is what lets a run of a million payments book
   * in seconds; the payments carry the posting id, so each entry can be traced to its payments.
   */
  async recordPaymentPosting(
    manager: EntityManager,
    posting: {
      readonly budgetYear: number;
      readonly budgetPost: BudgetPost;
      readonly postingId: string;
      readonly lines: ReadonlyArray<{ readonly earmarkCode: string | null; readonly amount: Money; readonly committed: boolean }>;
      readonly actorId: string;
      readonly note?: string;
      /** The payments' execution date: paid money counts from the day it leaves. */
      readonly bookedOn: string;
    },
  ): Promise<void> {
    const lines = posting.lines.filter((line) => line.amount.isPositive());
    if (lines.length === 0) return;
    const line = await this.repository.lockLine(manager, posting.budgetYear, posting.budgetPost.chapter, posting.budgetPost.post);
    if (!line)
      throw new BudgetError('BUDGET_LINE_NOT_FOUND', `Kap./post ${posting.budgetPost} har ingen ramme i ${posting.budgetYear}.`, {
        budgetYear: posting.budgetYear,
        budgetPost: posting.budgetPost.toString(),
      });
    const earmarks = new Map((await this.repository.earmarksOfLines(manager, [line.id])).map((earmark) => [earmark.code, earmark.id]));
    const entries = lines.flatMap((entry) => {
      const earmarkId = entry.earmarkCode === null ? null : earmarks.get(entry.earmarkCode);
      if (earmarkId === undefined) {
        throw new BudgetError('EARMARK_NOT_FOUND', `Kap./post ${posting.budgetPost} har ingen øremerking «${entry.earmarkCode}» i ${posting.budgetYear}.`, {
          budgetPost: posting.budgetPost.toString(),
          earmark: entry.earmarkCode,
        });
      }
      const kinds: LedgerEntryKind[] = entry.committed ? ['uncommit', 'pay'] : ['pay'];
      return kinds.map((kind) => ({
        budgetLineId: line.id,
        earmarkId,
        kind,
        amount: entry.amount,
        referenceType: 'payment-posting',
        // One posting may span earmarks; the reference stays unique per earmark and kind.
        referenceId: `${posting.postingId}:${entry.earmarkCode ?? ''}`,
        note: posting.note,
        createdBy: posting.actorId,
        bookedOn: posting.bookedOn,
      }));
    });
    await this.repository.insertMany(manager, entries);
  }

  /**
   * Corrections the bank's answers make to payments already booked as paid, one posting per
   * bank file and post: a rejected payment is taken back (`pay-reversal`) and, when its grant was
   * committed, committed again (`commit`) on the day it was booked, as if it had never been paid;
   * a payment the bank debited on another day moves there (`pay-reversal` on the old day, `pay`
   * on the bank's). Never checked against what is available: the sums only move what was paid.
   */
  async recordPaymentCorrections(
    manager: EntityManager,
    posting: {
      readonly budgetYear: number;
      readonly budgetPost: BudgetPost;
      /** What corrects, e.g. ('bank-file', id): each line's reference is unique under it. */
      readonly referenceType: string;
      readonly referenceId: string;
      readonly lines: ReadonlyArray<{
        readonly earmarkCode: string | null;
        readonly kind: 'pay' | 'pay-reversal' | 'commit';
        readonly amount: Money;
        readonly bookedOn: string;
      }>;
      readonly actorId: string;
      readonly note?: string;
    },
  ): Promise<void> {
    const lines = posting.lines.filter((line) => line.amount.isPositive());
    if (lines.length === 0) return;
    const line = await this.repository.lockLine(manager, posting.budgetYear, posting.budgetPost.chapter, posting.budgetPost.post);
    if (!line)
      throw new BudgetError('BUDGET_LINE_NOT_FOUND', `Det finnes ingen ramme for kap./post ${posting.budgetPost} i ${posting.budgetYear}.`, {
        budgetYear: posting.budgetYear,
        budgetPost: posting.budgetPost.toString(),
      });
    const earmarks = new Map((await this.repository.earmarksOfLines(manager, [line.id])).map((earmark) => [earmark.code, earmark.id]));
    const entries = lines.map((entry) => {
      const earmarkId = entry.earmarkCode === null ? null : earmarks.get(entry.earmarkCode);
      if (earmarkId === undefined) {
        throw new BudgetError('EARMARK_NOT_FOUND', `Kap./post ${posting.budgetPost} har ingen øremerking ${entry.earmarkCode} i ${posting.budgetYear}.`, {
          budgetPost: posting.budgetPost.toString(),
          earmark: entry.earmarkCode,
        });
      }
      return {
        budgetLineId: line.id,
        earmarkId,
        kind: entry.kind,
        amount: entry.amount,
        referenceType: posting.referenceType,
        referenceId: `${posting.referenceId}:${entry.earmarkCode ?? ''}:${entry.bookedOn}`,
        note: posting.note,
        createdBy: posting.actorId,
        bookedOn: entry.bookedOn,
      };
    });
    await this.repository.insertMany(manager, entries);
  }

  private async post(manager: EntityManager, posting: LedgerPosting, kind: LedgerEntryKind, checkAvailable: boolean): Promise<BudgetPosition> {
    const { chapter, post } = posting.budgetPost;
    const line = await this.repository.lockLine(manager, posting.budgetYear, chapter, post);
    if (!line) {
      throw new BudgetError('BUDGET_LINE_NOT_FOUND', `Kap./post ${posting.budgetPost} har ingen ramme i ${posting.budgetYear}.`, {
        budgetYear: posting.budgetYear,
        budgetPost: posting.budgetPost.toString(),
      });
    }
    const earmarks = await this.repository.earmarksOfLines(manager, [line.id]);
    const earmark = posting.earmarkCode ? earmarks.find((candidate) => candidate.code === posting.earmarkCode) : undefined;
    if (posting.earmarkCode && !earmark) {
      throw new BudgetError('EARMARK_NOT_FOUND', `Kap./post ${posting.budgetPost} har ingen øremerking «${posting.earmarkCode}» i ${posting.budgetYear}.`, {
        budgetPost: posting.budgetPost.toString(),
        earmark: posting.earmarkCode,
      });
    }
    if (await this.repository.entryExists(manager, posting.referenceType, posting.referenceId, kind)) {
      return this.positionFor(manager, line, earmarks, earmark);
    }
    if (checkAvailable && !line.estimate) {
      const sums = (await this.repository.sums(manager, [line.id])).get(line.id) ?? new Map<string, LedgerSums>();
      const postPosition = positionOf(line.frame, mergeSums(...sums.values()));
      const scoped = earmark ? positionOf(earmark.amount, sums.get(earmark.id) ?? {}) : positionOf(unearmarkedFrame(line, earmarks), sums.get('') ?? {});
      const available = scoped.available.lessThan(postPosition.available) ? scoped.available : postPosition.available;
      if (available.lessThan(posting.amount)) {
        const where = earmark ? `earmark ${earmark.code} on kap./post ${posting.budgetPost}` : `kap./post ${posting.budgetPost}`;
        throw new BudgetError(
          'BUDGET_EXHAUSTED',
          `Det er ikke nok midler igjen på ${where}: ${available.formatNok()} er tilgjengelig, ${posting.amount.formatNok()} trengs.`,
          {
            budgetPost: posting.budgetPost.toString(),
            earmark: earmark?.code ?? null,
            availableNok: available.toDecimalString(),
            requestedNok: posting.amount.toDecimalString(),
          },
          'amount',
        );
      }
    }
    await this.repository.append(manager, {
      budgetLineId: line.id,
      earmarkId: earmark?.id ?? null,
      kind,
      amount: posting.amount,
      referenceType: posting.referenceType,
      referenceId: posting.referenceId,
      note: posting.note,
      createdBy: posting.actorId,
      bookedOn: posting.bookedOn ?? osloDate(this.clock.now()),
    });
    return this.positionFor(manager, line, earmarks, earmark);
  }

  private async positionFor(manager: EntityManager, line: BudgetLineRow, earmarks: EarmarkRow[], earmark?: EarmarkRow): Promise<BudgetPosition> {
    const sums = (await this.repository.sums(manager, [line.id])).get(line.id) ?? new Map<string, LedgerSums>();
    return earmark ? positionOf(earmark.amount, sums.get(earmark.id) ?? {}) : positionOf(unearmarkedFrame(line, earmarks), sums.get('') ?? {});
  }
}

/** The part of a post that no earmark has claimed. */
export function unearmarkedFrame(line: BudgetLineRow, earmarks: readonly EarmarkRow[]): Money {
  const earmarked = earmarks
    .filter((earmark) => earmark.budgetLineId === line.id)
    .reduce((total, earmark) => total.plus(earmark.amount), line.frame.minus(line.frame));
  return line.frame.minus(earmarked);
}
