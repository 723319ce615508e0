import { Injectable } from '@nestjs/common';
import { Money } from '@imdi/kernel';
import type { EntityManager } from 'typeorm';

export interface BatchLineRecord {
  readonly endToEndId: string;
  readonly executionDate: string;
  readonly budgetPost: string;
  readonly schemeCode: string;
  readonly caseNumber: string | null;
  readonly organisationNumber: string;
  readonly accountNumber: string;
  readonly amount: Money;
  readonly reference: string | null;
}

export interface BatchTotalRecord {
  readonly budgetPost: string;
  readonly schemeCode: string;
  readonly count: number;
  readonly amount: Money;
}

/** A batch's payments one page at a time, for reading before approval, and its totals. */
@Injectable()
export class BatchLineRepository {
  async page(
    manager: EntityManager,
    batchId: string,
    filter: { search?: string; page: number; pageSize: number },
  ): Promise<{ lines: BatchLineRecord[]; matching: number }> {
    const search = filter.search ? `%${filter.search.replace(/[\\%_]/g, (character) => `\\${character}`)}%` : null;
    const rows: Array<{
      end_to_end_id: string;
      execution_date: string;
      chapter: string;
      post: string;
      scheme_code: string;
      case_number: string | null;
      organisation_number: string;
      account_number: string;
      amount_ore: string;
      reference: string | null;
      matching: string;
    }> = await manager.query(
      `SELECT end_to_end_id, to_char(execution_date, 'YYYY-MM-DD') AS execution_date, chapter, post, scheme_code, case_number, organisation_number, account_number, amount_ore, reference,
                count(*) OVER () AS matching
         FROM payment
         WHERE batch_id = $1 AND ($2::text IS NULL OR case_number ILIKE $2 OR organisation_number LIKE $2 OR reference ILIKE $2)
         ORDER BY end_to_end_id LIMIT $3 OFFSET $4`,
      [batchId, search, filter.pageSize, (filter.page - 1) * filter.pageSize],
    );
    return {
      matching: rows.length > 0 ? Number(rows[0].matching) : 0,
      lines: rows.map((row) => ({
        endToEndId: row.end_to_end_id,
        executionDate: row.execution_date,
        budgetPost: `${row.chapter}.${row.post}`,
        schemeCode: row.scheme_code,
        caseNumber: row.case_number,
        organisationNumber: row.organisation_number,
        accountNumber: row.account_number,
        amount: Money.ofOre(row.amount_ore),
        reference: row.reference,
      })),
    };
  }

  async totals(manager: EntityManager, batchId: string): Promise<BatchTotalRecord[]> {
    const rows: Array<{ chapter: string; post: string; scheme_code: string; count: string; total_ore: string }> = await manager.query(
      `SELECT chapter, post, scheme_code, count(*) AS count, sum(amount_ore) AS total_ore FROM payment WHERE batch_id = $1 GROUP BY chapter, post, scheme_code ORDER BY chapter, post, scheme_code`,
      [batchId],
    );
    return rows.map((row) => ({
      budgetPost: `${row.chapter}.${row.post}`,
      schemeCode: row.scheme_code,
      count: Number(row.count),
      amount: Money.ofOre(row.total_ore),
    }));
  }
}
