import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@imdi/audit';
import { actsFor, type Principal } from '@imdi/auth';
import { BudgetLedger } from '@imdi/budget';
import { CaseLifecycle } from '@imdi/cases';
import { addCalendarDays, BudgetPost, Clock, formatOsloDate, Money, osloDate } from '@imdi/kernel';
import { SchemeCatalogueQuery } from '@imdi/schemes';
import { DataSource } from 'typeorm';
import { PaymentsError } from '../domain/payments.errors';
import { APPEAL_DAYS, commentPeriodOver, reclaimAppealTiming } from '../domain/reclaim-notice';
import { ReclaimRepository } from '../infrastructure/reclaim.repository';

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
  /** The advance notice (fvl. § 16) the decision followed; required for an enkeltvedtak. */
  readonly noticeId: string | null;
  /** A reclaim of an enkeltvedtak is itself one, and can be appealed until this date (fvl. § 29). */
  readonly enkeltvedtak: boolean;
  readonly appealDeadline: string | null;
  readonly appeal: { readonly grounds: string; readonly appealedAt: string; readonly late: boolean } | null;
}

/**
 * A caseworker demands repayment of unused or misused funds; finance registers what comes back,
 * which reduces what the post has paid (a reclaim entry in the ledger). When the grant was an
 * enkeltvedtak, the demand is a new enkeltvedtak: it must follow an advance notice whose comment
 * period is over (fvl. § 16), and the recipient may appeal it within three weeks (fvl. § 29).
 */
@Injectable()
export class Reclaims {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: BudgetLedger,
    private readonly repository: ReclaimRepository,
    private readonly cases: CaseLifecycle,
    private readonly catalogue: SchemeCatalogueQuery,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async demand(caseId: string, amount: Money, reason: string, dueOn: string, noticeId: string | undefined, principal: Principal): Promise<ReclaimView> {
    const id = await this.dataSource.transaction(async (manager) => {
      // The case lock serialises reclaims of a case, so two at once cannot together exceed what was paid.
      const file = await this.cases.lockCase(manager, caseId);
      const paid = await this.repository.paidOnCase(manager, caseId);
      if (!paid) throw new PaymentsError('NOTHING_PAID', 'Ingenting er utbetalt i denne saken, så ingenting kan kreves tilbake.', { caseId });
      const demanded = await this.repository.demandedOnCase(manager, caseId);
      if (amount.plus(demanded).greaterThan(paid.paid)) {
        throw new PaymentsError('RECLAIM_EXCEEDS_PAID', `Tilbakekrevingen kan ikke være større enn det som er utbetalt (${paid.paid.formatNok()}, hvorav ${demanded.formatNok()} allerede er krevd tilbake).`, {});
      }
      const version = await this.catalogue.version(file.schemeCode, file.budgetYear, manager);
      const enkeltvedtak = version.appealRoute === 'enkeltvedtak';
      const today = osloDate(this.clock.now());
      if (noticeId) {
        const notice = await this.repository.findNotice(manager, noticeId, true);
        if (!notice || notice.caseId !== caseId) throw new PaymentsError('NOTICE_NOT_FOUND', `Saken ${caseId} har ikke noe varsel om tilbakekreving med id ${noticeId}.`, { noticeId }, 'noticeId');
        if (notice.reclaimId) throw new PaymentsError('NOTICE_USED', 'Det er allerede vedtatt tilbakekreving på grunnlag av dette varselet.', { reclaimId: notice.reclaimId }, 'noticeId');
        if (!commentPeriodOver({ commentDeadline: notice.commentDeadline, commented: notice.comment !== null }, today)) {
          throw new PaymentsError('NOTICE_PERIOD_OPEN', `Mottakeren har frist til ${formatOsloDate(notice.commentDeadline)} med å uttale seg. Tilbakekrevingen kan vedtas etter fristen, eller når uttalelsen er kommet (forvaltningsloven § 16).`, { commentDeadline: notice.commentDeadline }, 'noticeId');
        }
        if (amount.greaterThan(notice.amount)) {
          throw new PaymentsError('RECLAIM_EXCEEDS_NOTICE', `Varselet gjaldt ${notice.amount.formatNok()}. For å kreve mer tilbake må det sendes et nytt varsel.`, { noticedNok: notice.amount.toDecimalString() }, 'amountNok');
        }
      } else if (enkeltvedtak) {
        throw new PaymentsError('NOTICE_REQUIRED', 'Tilskuddet ble gitt ved enkeltvedtak. Send forhåndsvarsel med frist for å uttale seg før tilbakekrevingen vedtas (forvaltningsloven § 16).', { caseId }, 'noticeId');
      }
      const [row]: Array<{ id: string }> = await manager.query(
        `INSERT INTO reclaim (case_id, decision_id, amount_ore, reason, due_on, budget_year, chapter, post, earmark_code, demanded_by, notice_id, enkeltvedtak, appeal_deadline)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
        [caseId, paid.decisionId, amount.toOreString(), reason, dueOn, paid.budgetYear, paid.chapter, paid.post, paid.earmarkCode, principal.userId, noticeId ?? null, enkeltvedtak, enkeltvedtak ? addCalendarDays(today, APPEAL_DAYS) : null],
      );
      await this.audit.record(manager, {
        actor: principal,
        action: 'case.reclaim-demanded',
        entityType: 'case',
        entityId: caseId,
        after: { reclaimId: row.id, amountNok: amount.toDecimalString(), reason, dueOn, noticeId: noticeId ?? null, enkeltvedtak },
      });
      return row.id;
    });
    return this.view(id);
  }

  /** The recipient appeals a reclaim decision; late appeals are recorded and flagged (fvl. § 31), none after a year. */
  async appeal(reclaimId: string, grounds: string, principal: Principal): Promise<ReclaimView> {
    await this.dataSource.transaction(async (manager) => {
      const [reclaim]: Array<{ case_id: string; organisation_number: string; enkeltvedtak: boolean; demanded_on: string; appealed_at: Date | null }> = await manager.query(
        `SELECT r.case_id, c.organisation_number, r.enkeltvedtak, to_char(r.demanded_at AT TIME ZONE 'Europe/Oslo', 'YYYY-MM-DD') AS demanded_on, r.appealed_at
         FROM reclaim r JOIN case_file c ON c.id = r.case_id WHERE r.id = $1 AND c.organisation_number = ANY($2::text[]) FOR UPDATE OF r`,
        // Scoped in the query: another organisation's reclaim is neither locked nor told apart from a missing one.
        [reclaimId, principal.organisationNumbers],
      );
      if (!reclaim || !actsFor(principal, reclaim.organisation_number)) throw new PaymentsError('RECLAIM_NOT_FOUND', `Fant ingen tilbakekreving med id ${reclaimId} som du har tilgang til.`, { reclaimId }, 'id');
      if (!reclaim.enkeltvedtak) {
        throw new PaymentsError('NOT_APPEALABLE', 'Denne tilbakekrevingen er ikke et enkeltvedtak og kan ikke påklages. Be saksbehandleren om en ny vurdering i stedet.', { reclaimId });
      }
      if (reclaim.appealed_at) throw new PaymentsError('RECLAIM_ALREADY_APPEALED', 'Tilbakekrevingen er allerede påklaget. Et vedtak kan påklages én gang.', { appealedAt: reclaim.appealed_at.toISOString() });
      const timing = reclaimAppealTiming(reclaim.demanded_on, osloDate(this.clock.now()));
      if (timing.tooLate) throw new PaymentsError('APPEAL_TOO_LATE', 'Tilbakekrevingen ble vedtatt for mer enn ett år siden, og klagen kan ikke lenger behandles (forvaltningsloven § 31).', { decidedOn: reclaim.demanded_on });
      await manager.query(`UPDATE reclaim SET appeal_grounds = $2, appealed_by = $3, appealed_at = now(), appeal_late = $4 WHERE id = $1`, [reclaimId, grounds, principal.userId, timing.late]);
      await this.audit.record(manager, { actor: principal, action: 'case.reclaim-appealed', entityType: 'case', entityId: reclaim.case_id, after: { reclaimId, late: timing.late } });
    });
    return this.view(reclaimId);
  }

  async registerRepayment(reclaimId: string, amount: Money, receivedOn: string, principal: Principal): Promise<ReclaimView> {
    await this.dataSource.transaction(async (manager) => {
      const [reclaim]: Array<{ case_id: string; budget_year: number; chapter: string; post: string; earmark_code: string | null }> = await manager.query(`SELECT * FROM reclaim WHERE id = $1 FOR UPDATE`, [reclaimId]);
      if (!reclaim) throw new PaymentsError('RECLAIM_NOT_FOUND', `Fant ingen tilbakekreving med id ${reclaimId}.`, { reclaimId });
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
    const [row]: Array<{ id: string; case_id: string; case_number: string; amount_ore: string; repaid_ore: string; reason: string; due_on: string; notice_id: string | null; enkeltvedtak: boolean; appeal_deadline: string | null; appeal_grounds: string | null; appealed_at: Date | null; appeal_late: boolean | null }> = await this.dataSource.query(
      `SELECT r.id, r.case_id, c.case_number, r.amount_ore, r.reason, to_char(r.due_on, 'YYYY-MM-DD') AS due_on, r.notice_id, r.enkeltvedtak,
              to_char(r.appeal_deadline, 'YYYY-MM-DD') AS appeal_deadline, r.appeal_grounds, r.appealed_at, r.appeal_late,
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
      noticeId: row.notice_id,
      enkeltvedtak: row.enkeltvedtak,
      appealDeadline: row.appeal_deadline,
      appeal: row.appealed_at && row.appeal_grounds !== null ? { grounds: row.appeal_grounds, appealedAt: row.appealed_at.toISOString(), late: row.appeal_late === true } : null,
    };
  }
}
