import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@imdi/audit';
import type { Principal } from '@imdi/auth';
import { BudgetLedger } from '@imdi/budget';
import { BudgetPost, Clock, Money, osloDate } from '@imdi/kernel';
import { DataSource } from 'typeorm';
import { PaymentsError } from '../domain/payments.errors';

export interface ReclaimView {
  readonly id: string;
  readonly caseId: string;
  readonly caseNumber: string;
  readonly amountNok: string;
  readonly repaidNok: string;
  readonly outstandingNok: string;
  readonly reason: string;
  readonly dueOn: string;
  readonly overdue: boolean;
}

/**
 * A caseworker demands repayment of unused or misused funds; finance registers what comes back,
 * which reduces what the post has paid (a reclaim entry in the ledger).
 */
@Injectable()
export class Reclaims {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: BudgetLedger,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async demand(caseId: string, amount: Money, reason: string, dueOn: string, principal: Principal): Promise<ReclaimView> {
    const id = await this.dataSource.transaction('READ COMMITTED', async (manager) => {
      const [paid]: Array<{ decision_id: string; paid_ore: string; budget_year: number; chapter: string; post: string; earmark_code: string | null }> = await manager.query(
        `SELECT i.decision_id, sum(p.amount_ore)::text AS paid_ore, i.budget_year, i.chapter, i.post, i.earmark_code
         FROM payment p JOIN instalment i ON i.id = p.instalment_id WHERE i.case_id = $1
         GROUP BY i.decision_id, i.budget_year, i.chapter, i.post, i.earmark_code`,
        [caseId],
      );
      if (!paid) throw new PaymentsError('NOTHING_PAID', 'Nothing has been paid on this case, so nothing can be reclaimed', { caseId });
      const [{ demanded }]: Array<{ demanded: string }> = await manager.query(`SELECT coalesce(sum(amount_ore), 0)::text AS demanded FROM reclaim WHERE case_id = $1`, [caseId]);
      if (amount.plus(Money.ofOre(demanded)).greaterThan(Money.ofOre(paid.paid_ore))) {
        throw new PaymentsError('RECLAIM_EXCEEDS_PAID', `A reclaim cannot exceed what was paid (${Money.ofOre(paid.paid_ore).formatNok()}, of which ${Money.ofOre(demanded).formatNok()} already demanded)`, {});
      }
      const [row]: Array<{ id: string }> = await manager.query(
        `INSERT INTO reclaim (case_id, decision_id, amount_ore, reason, due_on, budget_year, chapter, post, earmark_code, demanded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [caseId, paid.decision_id, amount.toOreString(), reason, dueOn, paid.budget_year, paid.chapter, paid.post, paid.earmark_code, principal.userId],
      );
      await this.audit.record(manager, { actor: principal, action: 'case.reclaim-demanded', entityType: 'case', entityId: caseId, after: { reclaimId: row.id, amountNok: amount.toDecimalString(), reason, dueOn } });
      return row.id;
    });
    return this.view(id);
  }

  async registerRepayment(reclaimId: string, amount: Money, receivedOn: string, principal: Principal): Promise<ReclaimView> {
    await this.dataSource.transaction('READ COMMITTED', async (manager) => {
      const [reclaim]: Array<{ case_id: string; budget_year: number; chapter: string; post: string; earmark_code: string | null }> = await manager.query(`SELECT * FROM reclaim WHERE id = $1 FOR UPDATE`, [reclaimId]);
      if (!reclaim) throw new PaymentsError('RECLAIM_NOT_FOUND', `There is no reclaim ${reclaimId}`, { reclaimId });
      const [repayment]: Array<{ id: string }> = await manager.query(
        `INSERT INTO repayment (reclaim_id, amount_ore, received_on, registered_by) VALUES ($1, $2, $3, $4) RETURNING id`,
        [reclaimId, amount.toOreString(), receivedOn, principal.userId],
      );
      await this.ledger.reclaim(manager, {
        budgetYear: reclaim.budget_year,
        budgetPost: BudgetPost.of({ chapter: reclaim.chapter, post: reclaim.post }),
        earmarkCode: reclaim.earmark_code,
        amount,
        referenceType: 'repayment',
        referenceId: repayment.id,
        actorId: principal.userId,
        // The money is back on the post from the day it was received.
        bookedOn: receivedOn,
      });
      await this.audit.record(manager, { actor: principal, action: 'case.repayment-registered', entityType: 'case', entityId: reclaim.case_id, after: { reclaimId, amountNok: amount.toDecimalString(), receivedOn } });
    });
    return this.view(reclaimId);
  }

  /** Demands past their due date with money still outstanding. */
  async overdue(): Promise<ReclaimView[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT r.id FROM reclaim r WHERE r.due_on < $1::date AND r.amount_ore > (SELECT coalesce(sum(amount_ore), 0) FROM repayment WHERE reclaim_id = r.id) ORDER BY r.due_on`,
      [osloDate(this.clock.now())],
    );
    return Promise.all(rows.map((row) => this.view(row.id)));
  }

  async view(id: string): Promise<ReclaimView> {
    const [row]: Array<{ id: string; case_id: string; case_number: string; amount_ore: string; repaid_ore: string; reason: string; due_on: string }> = await this.dataSource.query(
      `SELECT r.id, r.case_id, c.case_number, r.amount_ore, r.reason, to_char(r.due_on, 'YYYY-MM-DD') AS due_on,
              (SELECT coalesce(sum(amount_ore), 0) FROM repayment WHERE reclaim_id = r.id)::text AS repaid_ore
       FROM reclaim r JOIN case_file c ON c.id = r.case_id WHERE r.id = $1`,
      [id],
    );
    const outstanding = Money.ofOre(row.amount_ore).minus(Money.ofOre(row.repaid_ore));
    return {
      id: row.id,
      caseId: row.case_id,
      caseNumber: row.case_number,
      amountNok: Money.ofOre(row.amount_ore).toDecimalString(),
      repaidNok: Money.ofOre(row.repaid_ore).toDecimalString(),
      outstandingNok: outstanding.toDecimalString(),
      reason: row.reason,
      dueOn: row.due_on,
      overdue: outstanding.greaterThan(Money.zero()) && row.due_on < osloDate(this.clock.now()),
    };
  }
}
