import { Injectable } from '@nestjs/common';
import { Money } from '@imdi/kernel';
import { DataSource } from 'typeorm';
import { exceededBy, mergeSums, positionOf, type BudgetPosition, type LedgerSums } from '../domain/budget-position';
import { BudgetError } from '../domain/budget.errors';
import { BudgetRepository } from '../infrastructure/budget.repository';
import { unearmarkedFrame } from './budget-ledger.service';

export interface PositionView {
  readonly frameNok: string;
  readonly committedNok: string;
  readonly paidNok: string;
  readonly reclaimedNok: string;
  readonly availableNok: string;
}

export interface PostStatusView extends PositionView {
  readonly budgetPost: string;
  readonly chapter: string;
  readonly post: string;
  readonly name: string;
  readonly transferable: boolean;
  readonly estimate: boolean;
  readonly pendingNote: string | null;
  readonly earmarkedNok: string;
  /** Only estimate posts (overslagsbevilgning) can be exceeded; "0.00" otherwise. */
  readonly exceededByNok: string;
  readonly earmarks: ReadonlyArray<PositionView & { readonly code: string; readonly name: string }>;
  readonly unearmarked: PositionView;
}

export interface ChapterTotalView {
  readonly chapter: string;
  readonly frameNok: string;
  readonly declaredNok: string | null;
  readonly declaredMatches: boolean | null;
  readonly acknowledgedMismatch: string | null;
}

export interface BudgetStatusView {
  readonly budgetYear: number;
  /** The Oslo date the figures are taken at (end of that day); null: everything booked so far. */
  readonly asOf: string | null;
  readonly posts: readonly PostStatusView[];
  readonly chapters: readonly ChapterTotalView[];
  readonly totals: PositionView;
}

/** The status of every kap./post of a year: frame, earmarked, committed, paid, reclaimed, available. */
@Injectable()
export class BudgetStatusQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: BudgetRepository,
  ) {}

  async forYear(budgetYear: number, asOf?: string): Promise<BudgetStatusView> {
    const manager = this.dataSource.manager;
    const lines = await this.repository.linesOfYear(manager, budgetYear);
    if (lines.length === 0) {
      throw new BudgetError('BUDGET_LINE_NOT_FOUND', `Det er ikke lagt inn budsjettrammer for ${budgetYear}. Tildelingsbrevet for året må importeres først.`, {
        budgetYear,
      });
    }
    const ids = lines.map((line) => line.id);
    // In turn, as in BudgetForecastQuery: a parallel read would open a second connection on a cold pool.
    const earmarks = await this.repository.earmarksOfLines(manager, ids);
    const sums = await this.repository.sums(manager, ids, asOf);
    const posts = lines.map((line): PostStatusView => {
      const lineSums = sums.get(line.id) ?? new Map<string, LedgerSums>();
      const position = positionOf(line.frame, mergeSums(...lineSums.values()));
      const own = earmarks.filter((earmark) => earmark.budgetLineId === line.id);
      return {
        budgetPost: `${line.chapter}.${line.post}`,
        chapter: line.chapter,
        post: line.post,
        name: line.name,
        transferable: line.transferable,
        estimate: line.estimate,
        pendingNote: line.pendingNote,
        ...view(position),
        earmarkedNok: Money.sum(own.map((earmark) => earmark.amount)).toDecimalString(),
        exceededByNok: (line.estimate ? exceededBy(position) : Money.zero()).toDecimalString(),
        earmarks: own.map((earmark) => ({ code: earmark.code, name: earmark.name, ...view(positionOf(earmark.amount, lineSums.get(earmark.id) ?? {})) })),
        unearmarked: view(positionOf(unearmarkedFrame(line, own), lineSums.get('') ?? {})),
      };
    });
    const declared = await this.repository.declaredChapterTotals(manager, budgetYear);
    const chapters = [...new Set(lines.map((line) => line.chapter))].map((chapter): ChapterTotalView => {
      const frame = Money.sum(lines.filter((line) => line.chapter === chapter).map((line) => line.frame));
      const total = declared.find((row) => row.chapter === chapter);
      return {
        chapter,
        frameNok: frame.toDecimalString(),
        declaredNok: total ? Money.ofOre(total.declared_ore).toDecimalString() : null,
        declaredMatches: total ? Money.ofOre(total.declared_ore).equals(frame) : null,
        acknowledgedMismatch: total?.acknowledged_mismatch ?? null,
      };
    });
    const everything = positionOf(Money.sum(lines.map((line) => line.frame)), mergeSums(...[...sums.values()].flatMap((byEarmark) => [...byEarmark.values()])));
    return { budgetYear, asOf: asOf ?? null, posts, chapters, totals: view(everything) };
  }
}

function view(position: BudgetPosition): PositionView {
  return {
    frameNok: position.frame.toDecimalString(),
    committedNok: position.committed.toDecimalString(),
    paidNok: position.paid.toDecimalString(),
    reclaimedNok: position.reclaimed.toDecimalString(),
    availableNok: position.available.toDecimalString(),
  };
}
