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
  /** The notice's document number in the case (null for notices written before cases numbered them). */
  readonly documentNumber: number | null;
}

export interface ReclaimRecord {
  readonly id: string;
  readonly caseId: string;
  readonly enkeltvedtak: boolean;
  /** Oslo date of the demand. */
  readonly demandedOn: string;
  readonly appealedAt: Date | null;
  readonly budgetYear: number;
  readonly chapter: string;
  readonly post: string;
  readonly earmarkCode: string | null;
}

export interface ReclaimViewRecord {
  readonly id: string;
  readonly caseId: string;
  readonly amount: Money;
  readonly repaid: Money;
  readonly reason: string;
  readonly dueOn: string;
  readonly noticeId: string | null;
  readonly enkeltvedtak: boolean;
  readonly appealDeadline: string | null;
  readonly appealGrounds: string | null;
  readonly appealedAt: Date | null;
  readonly appealLate: boolean | null;
  readonly demandedAt: Date;
  /** The decision letter's document number in the case (null for decisions made before letters were kept). */
  readonly documentNumber: number | null;
}

/** SQL of reclaims and their advance notices. */
@Injectable()
export class ReclaimRepository {
  async paidOnCase(manager: EntityManager, caseId: string): Promise<PaidOnCase | undefined> {
    const [row]: Array<{ decision_id: string; paid_ore: string; budget_year: number; chapter: string; post: string; earmark_code: string | null }> =
      await manager.query(
        `SELECT i.decision_id, sum(p.amount_ore)::text AS paid_ore, i.budget_year, i.chapter, i.post, i.earmark_code
       FROM payment p JOIN instalment i ON i.id = p.instalment_id WHERE i.case_id = $1
       GROUP BY i.decision_id, i.budget_year, i.chapter, i.post, i.earmark_code`,
        [caseId],
      );
    return (
      row && {
        decisionId: row.decision_id,
        paid: Money.ofOre(row.paid_ore),
        budgetYear: row.budget_year,
        chapter: row.chapter,
        post: row.post,
        earmarkCode: row.earmark_code,
      }
    );
  }

  async demandedOnCase(manager: EntityManager, caseId: string): Promise<Money> {
    const [{ demanded }]: Array<{ demanded: string }> = await manager.query(
      `SELECT coalesce(sum(amount_ore), 0)::text AS demanded FROM reclaim WHERE case_id = $1`,
      [caseId],
    );
    return Money.ofOre(demanded);
  }

  async insertNotice(
    manager: EntityManager,
    notice: { caseId: string; amount: Money; reason: string; commentDeadline: string; letter: Uint8Array; notifiedBy: string; documentNumber: number },
  ): Promise<string> {
    const [row]: Array<{ id: string }> = await manager.query(
      `INSERT INTO reclaim_notice (case_id, amount_ore, reason, comment_deadline, letter_pdf, notified_by, document_number) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [notice.caseId, notice.amount.toOreString(), notice.reason, notice.commentDeadline, Buffer.from(notice.letter), notice.notifiedBy, notice.documentNumber],
    );
    return row.id;
  }

  async findNotice(manager: EntityManager, id: string, lock = false): Promise<ReclaimNoticeRecord | undefined> {
    const [row]: Array<{
      id: string;
      case_id: string;
      amount_ore: string;
      reason: string;
      comment_deadline: string;
      notified_at: Date;
      comment: string | null;
      comment_received_at: Date | null;
      reclaim_id: string | null;
      document_number: number | null;
    }> = await manager.query(
      `SELECT n.id, n.case_id, n.amount_ore, n.reason, to_char(n.comment_deadline, 'YYYY-MM-DD') AS comment_deadline, n.notified_at, n.comment, n.comment_received_at, n.document_number,
              (SELECT r.id FROM reclaim r WHERE r.notice_id = n.id) AS reclaim_id
       FROM reclaim_notice n WHERE n.id = $1 ${lock ? 'FOR UPDATE OF n' : ''}`,
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
        documentNumber: row.document_number,
      }
    );
  }

  async letterOf(manager: EntityManager, id: string): Promise<Buffer | undefined> {
    const [row]: Array<{ letter_pdf: Buffer }> = await manager.query(`SELECT letter_pdf FROM reclaim_notice WHERE id = $1`, [id]);
    return row?.letter_pdf;
  }

  async recordComment(manager: EntityManager, id: string, comment: string, registeredBy: string): Promise<void> {
    await manager.query(`UPDATE reclaim_notice SET comment = $2, comment_received_at = now(), comment_registered_by = $3 WHERE id = $1`, [
      id,
      comment,
      registeredBy,
    ]);
  }

  async insertReclaim(
    manager: EntityManager,
    reclaim: {
      caseId: string;
      paid: PaidOnCase;
      amount: Money;
      reason: string;
      dueOn: string;
      demandedBy: string;
      noticeId: string | null;
      enkeltvedtak: boolean;
      appealDeadline: string | null;
      /** The decision letter (PDF/A) as it is sent and archived, and its document number in the case. */
      letter: Uint8Array;
      documentNumber: number;
    },
  ): Promise<string> {
    const [row]: Array<{ id: string }> = await manager.query(
      `INSERT INTO reclaim (case_id, decision_id, amount_ore, reason, due_on, budget_year, chapter, post, earmark_code, demanded_by, notice_id, enkeltvedtak, appeal_deadline, letter_pdf, document_number)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
      [
        reclaim.caseId,
        reclaim.paid.decisionId,
        reclaim.amount.toOreString(),
        reclaim.reason,
        reclaim.dueOn,
        reclaim.paid.budgetYear,
        reclaim.paid.chapter,
        reclaim.paid.post,
        reclaim.paid.earmarkCode,
        reclaim.demandedBy,
        reclaim.noticeId,
        reclaim.enkeltvedtak,
        reclaim.appealDeadline,
        Buffer.from(reclaim.letter),
        reclaim.documentNumber,
      ],
    );
    return row.id;
  }

  /** The decision letter as it was sent; undefined for decisions made before letters were kept. */
  async decisionLetterOf(manager: EntityManager, id: string): Promise<Buffer | undefined> {
    const [row]: Array<{ letter_pdf: Buffer | null }> = await manager.query(`SELECT letter_pdf FROM reclaim WHERE id = $1`, [id]);
    return row?.letter_pdf ?? undefined;
  }

  /** A reclaim's facts for an appeal or a repayment; locked when asked. */
  async findReclaim(manager: EntityManager, id: string, lock = false): Promise<ReclaimRecord | undefined> {
    const [row]: Array<{
      id: string;
      case_id: string;
      enkeltvedtak: boolean;
      demanded_on: string;
      appealed_at: Date | null;
      budget_year: number;
      chapter: string;
      post: string;
      earmark_code: string | null;
    }> = await manager.query(
      `SELECT id, case_id, enkeltvedtak, to_char(demanded_at AT TIME ZONE 'Europe/Oslo', 'YYYY-MM-DD') AS demanded_on, appealed_at, budget_year, chapter, post, earmark_code
       FROM reclaim WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return (
      row && {
        id: row.id,
        caseId: row.case_id,
        enkeltvedtak: row.enkeltvedtak,
        demandedOn: row.demanded_on,
        appealedAt: row.appealed_at,
        budgetYear: row.budget_year,
        chapter: row.chapter,
        post: row.post,
        earmarkCode: row.earmark_code,
      }
    );
  }

  async recordAppeal(manager: EntityManager, id: string, appeal: { grounds: string; appealedBy: string; late: boolean }): Promise<void> {
    await manager.query(`UPDATE reclaim SET appeal_grounds = $2, appealed_by = $3, appealed_at = now(), appeal_late = $4 WHERE id = $1`, [
      id,
      appeal.grounds,
      appeal.appealedBy,
      appeal.late,
    ]);
  }

  async insertRepayment(manager: EntityManager, repayment: { reclaimId: string; amount: Money; receivedOn: string; registeredBy: string }): Promise<string> {
    const [row]: Array<{ id: string }> = await manager.query(
      `INSERT INTO repayment (reclaim_id, amount_ore, received_on, registered_by) VALUES ($1, $2, $3, $4) RETURNING id`,
      [repayment.reclaimId, repayment.amount.toOreString(), repayment.receivedOn, repayment.registeredBy],
    );
    return row.id;
  }

  /** Demands past their due date with money still outstanding, by due date. */
  async overdueIds(manager: EntityManager, today: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT r.id FROM reclaim r WHERE r.due_on < $1::date AND r.amount_ore > (SELECT coalesce(sum(amount_ore), 0) FROM repayment WHERE reclaim_id = r.id) ORDER BY r.due_on`,
      [today],
    );
    return rows.map((row) => row.id);
  }

  /** Demands with money still outstanding (open), or every demand (newest due date first), at most `limit`. */
  async listIds(manager: EntityManager, which: 'open' | 'all', limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT r.id FROM reclaim r
       WHERE $1 = 'all' OR r.amount_ore > (SELECT coalesce(sum(amount_ore), 0) FROM repayment WHERE reclaim_id = r.id)
       ORDER BY r.due_on, r.id LIMIT $2`,
      [which, limit],
    );
    return rows.map((row) => row.id);
  }

  async reclaimView(manager: EntityManager, id: string): Promise<ReclaimViewRecord | undefined> {
    const [row]: Array<{
      id: string;
      case_id: string;
      amount_ore: string;
      repaid_ore: string;
      reason: string;
      due_on: string;
      notice_id: string | null;
      enkeltvedtak: boolean;
      appeal_deadline: string | null;
      appeal_grounds: string | null;
      appealed_at: Date | null;
      appeal_late: boolean | null;
      demanded_at: Date;
      document_number: number | null;
    }> = await manager.query(
      `SELECT r.id, r.case_id, r.amount_ore, r.demanded_at, r.document_number, r.reason, to_char(r.due_on, 'YYYY-MM-DD') AS due_on, r.notice_id, r.enkeltvedtak,
              to_char(r.appeal_deadline, 'YYYY-MM-DD') AS appeal_deadline, r.appeal_grounds, r.appealed_at, r.appeal_late,
              (SELECT coalesce(sum(amount_ore), 0) FROM repayment WHERE reclaim_id = r.id)::text AS repaid_ore
       FROM reclaim r WHERE r.id = $1`,
      [id],
    );
    return (
      row && {
        id: row.id,
        caseId: row.case_id,
        amount: Money.ofOre(row.amount_ore),
        repaid: Money.ofOre(row.repaid_ore),
        reason: row.reason,
        dueOn: row.due_on,
        noticeId: row.notice_id,
        enkeltvedtak: row.enkeltvedtak,
        appealDeadline: row.appeal_deadline,
        appealGrounds: row.appeal_grounds,
        appealedAt: row.appealed_at,
        appealLate: row.appeal_late,
        demandedAt: row.demanded_at,
        documentNumber: row.document_number,
      }
    );
  }
}
