import { Injectable } from '@nestjs/common';
import { Money } from '@imdi/kernel';
import type { EntityManager } from 'typeorm';

export interface PlannedPayouts {
  readonly budgetPost: string;
  readonly dueUnpaid: Money;
  readonly plannedRestOfYear: Money;
  readonly heldBack: Money;
}

/**
 * The year's planned instalments per kap./post, read from the payments context's published views
 * (planned_instalment, instalment_payment), never its tables. An instalment counts as unpaid while
 * it has no payment executed on or before `paidUpTo` (no payment at all when null), the same cut-off
 * the status reads "paid" with; `cutOff` splits what is due from what falls due later in the year.
 * Instalments falling due after 31 December are not the year's payments and are left out.
 */
@Injectable()
export class PlannedPayoutsQueries {
  async ofYear(manager: EntityManager, budgetYear: number, cutOff: string, paidUpTo: string | null): Promise<PlannedPayouts[]> {
    const rows: Array<{ chapter: string; post: string; due_unpaid: string; planned: string; held: string }> = await manager.query(
      `SELECT i.chapter, i.post,
              coalesce(sum(i.amount_ore) FILTER (WHERE i.due_on <= least($2::date, make_date($1, 12, 31))), 0)::text AS due_unpaid,
              coalesce(sum(i.amount_ore) FILTER (WHERE i.due_on > $2::date AND i.due_on <= make_date($1, 12, 31)), 0)::text AS planned,
              coalesce(sum(i.amount_ore) FILTER (WHERE i.due_on IS NULL), 0)::text AS held
       FROM planned_instalment i
       WHERE i.budget_year = $1
         AND NOT EXISTS (SELECT 1 FROM instalment_payment p WHERE p.instalment_id = i.instalment_id AND ($3::date IS NULL OR p.execution_date <= $3::date))
       GROUP BY i.chapter, i.post`,
      [budgetYear, cutOff, paidUpTo],
    );
    return rows.map((row) => ({
      budgetPost: `${row.chapter}.${row.post}`,
      dueUnpaid: Money.ofOre(row.due_unpaid),
      plannedRestOfYear: Money.ofOre(row.planned),
      heldBack: Money.ofOre(row.held),
    }));
  }
}
