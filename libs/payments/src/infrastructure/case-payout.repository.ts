import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface CaseInstalmentRow {
  readonly sequence: number;
  readonly amount_ore: string;
  readonly due_on: string | null;
  readonly held_until: string | null;
  readonly paid: boolean;
}

/** What payments keeps about one case, for the recipient's case page. */
@Injectable()
export class CasePayoutRepository {
  /** The grant's instalments (reissues of a rejected payment are the same instalment paid again, not a new one). */
  instalments(manager: EntityManager, caseId: string): Promise<CaseInstalmentRow[]> {
    return manager.query(
      `SELECT i.sequence, i.amount_ore::text, to_char(i.due_on, 'YYYY-MM-DD') AS due_on, i.held_until,
              EXISTS (SELECT 1 FROM payment p WHERE p.instalment_id = i.id) AS paid
       FROM instalment i WHERE i.case_id = $1 AND i.reissue_of IS NULL ORDER BY i.sequence`,
      [caseId],
    );
  }

  async noticeIds(manager: EntityManager, caseId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(`SELECT id FROM reclaim_notice WHERE case_id = $1 ORDER BY notified_at`, [caseId]);
    return rows.map((row) => row.id);
  }

  async reclaimIds(manager: EntityManager, caseId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(`SELECT id FROM reclaim WHERE case_id = $1 ORDER BY demanded_at`, [caseId]);
    return rows.map((row) => row.id);
  }
}
