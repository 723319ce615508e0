import { Injectable } from '@nestjs/common';
import { Money } from '@imdi/kernel';
import type { EntityManager } from 'typeorm';

export interface PaidOnCase {
  readonly decisionId: string;
  readonly paid: Money;
  readonly budgetYear: number;
  readonly chapter: string;
  readonly post: string;
  readonly earmarkCode: string | null;
}

export interface ReclaimNoticeRecord {
  readonly id: string;
  readonly caseId: string;
  readonly amount: Money;
  readonly reason: string;
  readonly commentDeadline: string;
  readonly notifiedAt: string;
  readonly comment: string | null;
  readonly commentReceivedAt: string | null;
  readonly reclaimId: string | null;
  readonly organisationNumber: string;
}

/** SQL of reclaims and their advance notices. */
@Injectable()
export class ReclaimRepository {
  async paidOnCase(manager: EntityManager, caseId: string): Promise<PaidOnCase | undefined> {
    const [row]: Array<{ decision_id: string; paid_ore: string; budget_year: number; chapter: string; post: string; earmark_code: string | null }> = await manager.query(
      `SELECT i.decision_id, sum(p.amount_ore)::text AS paid_ore, i.budget_year, i.chapter, i.post, i.earmark_code
       FROM payment p JOIN instalment i ON i.id = p.instalment_id WHERE i.case_id = $1
       GROUP BY i.decision_id, i.budget_year, i.chapter, i.post, i.earmark_code`,
      [caseId],
    );
    return row && { decisionId: row.decision_id, paid: Money.ofOre(row.paid_ore), budgetYear: row.budget_year, chapter: row.chapter, post: row.post, earmarkCode: row.earmark_code };
  }

  async demandedOnCase(manager: EntityManager, caseId: string): Promise<Money> {
    const [{ demanded }]: Array<{ demanded: string }> = await manager.query(`SELECT coalesce(sum(amount_ore), 0)::text AS demanded FROM reclaim WHERE case_id = $1`, [caseId]);
    return Money.ofOre(demanded);
  }

  async insertNotice(manager: EntityManager, notice: { caseId: string; amount: Money; reason: string; commentDeadline: string; letter: Uint8Array; notifiedBy: string }): Promise<string> {
    const [row]: Array<{ id: string }> = await manager.query(
      `INSERT INTO reclaim_notice (case_id, amount_ore, reason, comment_deadline, letter_pdf, notified_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [notice.caseId, notice.amount.toOreString(), notice.reason, notice.commentDeadline, Buffer.from(notice.letter), notice.notifiedBy],
    );
    return row.id;
  }

  async findNotice(manager: EntityManager, id: string, lock = false): Promise<ReclaimNoticeRecord | undefined> {
    const [row]: Array<{ id: string; case_id: string; amount_ore: string; reason: string; comment_deadline: string; notified_at: Date; comment: string | null; comment_received_at: Date | null; reclaim_id: string | null; organisation_number: string }> = await manager.query(
      `SELECT n.id, n.case_id, n.amount_ore, n.reason, to_char(n.comment_deadline, 'YYYY-MM-DD') AS comment_deadline, n.notified_at, n.comment, n.comment_received_at,
              (SELECT r.id FROM reclaim r WHERE r.notice_id = n.id) AS reclaim_id, c.organisation_number
       FROM reclaim_notice n JOIN case_file c ON c.id = n.case_id WHERE n.id = $1 ${lock ? 'FOR UPDATE OF n' : ''}`,
      [id],
    );
    return (
      row && {
        id: row.id,
        caseId: row.case_id,
        amount: Money.ofOre(row.amount_ore),
        reason: row.reason,
        commentDeadline: row.comment_deadline,
        notifiedAt: row.notified_at.toISOString(),
        comment: row.comment,
        commentReceivedAt: row.comment_received_at?.toISOString() ?? null,
        reclaimId: row.reclaim_id,
        organisationNumber: row.organisation_number,
      }
    );
  }

  async letterOf(manager: EntityManager, id: string): Promise<Buffer | undefined> {
    const [row]: Array<{ letter_pdf: Buffer }> = await manager.query(`SELECT letter_pdf FROM reclaim_notice WHERE id = $1`, [id]);
    return row?.letter_pdf;
  }

  async recordComment(manager: EntityManager, id: string, comment: string, registeredBy: string): Promise<void> {
    await manager.query(`UPDATE reclaim_notice SET comment = $2, comment_received_at = now(), comment_registered_by = $3 WHERE id = $1`, [id, comment, registeredBy]);
  }
}
