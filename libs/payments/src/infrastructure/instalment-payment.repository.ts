import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface InstalmentPage {
  /** The last due instalment looked at: the next page starts after it. */
  readonly lastInstalmentId: string | null;
  /** Due instalments without a payment that the page looked at. */
  readonly seen: number;
  /** Payments this page wrote (fewer than seen when another run paid some first). */
  readonly paid: number;
  /** The page's payments summed per earmark, for the ledger posting. */
  readonly byEarmark: ReadonlyArray<{ readonly earmarkCode: string | null; readonly amountOre: string }>;
  readonly caseIds: readonly string[];
}

/** SQL of paying instalments. */
@Injectable()
export class InstalmentPaymentRepository {
  /**
   * Pays one page of due instalments in one statement: select the next due instalments without a
   * payment (keyset, so the millionth page costs what the first did), insert their payments, and
   * sum what was actually inserted. The primary key (a payment takes the id of the instalment it
   * pays; gen_random_uuid() would cost more than the rest of the row) and the unique instalment
   * key make a second payment of an instalment impossible: a conflicting row is skipped, and only
   * rows really inserted are counted and booked. Runs in the caller's transaction, one page each.
   */
  async payDuePage(
    manager: EntityManager,
    page: {
      readonly budgetYear: number;
      readonly chapter: string;
      readonly post: string;
      readonly asOf: string;
      readonly after: string;
      readonly size: number;
      readonly runId: string;
      readonly batchId: string;
      readonly postingId: string;
    },
  ): Promise<InstalmentPage> {
    // The page statement's estimates are large enough to trigger JIT compilation, which costs more than
    // the page. SET LOCAL: for the rest of the caller's transaction, which pays one page.
    await manager.query(`SET LOCAL jit = off`);
    const [row]: Array<{
      last_id: string | null;
      seen: number;
      paid: number;
      by_earmark: Array<{ earmarkCode: string | null; amountOre: string }>;
      case_ids: string[];
    }> = await manager.query(
      `WITH due AS MATERIALIZED (
         SELECT i.id, i.case_id, i.earmark_code, i.amount_ore, i.due_on, i.budget_year, i.chapter, i.post, i.scheme_code, i.case_number, i.organisation_number, i.account_number
         FROM instalment i
         WHERE i.budget_year = $1 AND i.chapter = $2 AND i.post = $3 AND i.due_on <= $4::date AND i.id > $5::uuid
           -- The bound repeats i.id > $5 for the planner: without it a merge anti join reads the
           -- payment key from its start on every page, a cost that grows with each page.
           AND NOT EXISTS (SELECT 1 FROM payment p WHERE p.instalment_id = i.id AND p.instalment_id > $5::uuid)
         ORDER BY i.id LIMIT $6
       ), paid AS (
         INSERT INTO payment (id, instalment_id, run_id, batch_id, posting_id, amount_ore, execution_date, budget_year, chapter, post, scheme_code, case_number, organisation_number, account_number)
         SELECT id, id, $7, $8, $9, amount_ore, greatest(due_on, $4::date), budget_year, chapter, post, scheme_code, case_number, organisation_number, account_number
         FROM due ORDER BY id
         ON CONFLICT DO NOTHING
         RETURNING instalment_id
       ), booked AS MATERIALIZED (
         SELECT due.earmark_code, due.case_id, due.amount_ore FROM paid JOIN due ON due.id = paid.instalment_id
       )
       SELECT (SELECT id FROM due ORDER BY id DESC LIMIT 1) AS last_id,
              (SELECT count(*) FROM due)::int AS seen,
              (SELECT count(*) FROM booked)::int AS paid,
              (SELECT coalesce(json_agg(json_build_object('earmarkCode', earmark_code, 'amountOre', total::text)), '[]'::json)
                 FROM (SELECT earmark_code, sum(amount_ore) AS total FROM booked GROUP BY earmark_code) sums) AS by_earmark,
              (SELECT coalesce(array_agg(DISTINCT case_id::text), '{}') FROM booked) AS case_ids`,
      [page.budgetYear, page.chapter, page.post, page.asOf, page.after, page.size, page.runId, page.batchId, page.postingId],
    );
    return { lastInstalmentId: row.last_id, seen: row.seen, paid: row.paid, byEarmark: row.by_earmark, caseIds: row.case_ids };
  }
}
