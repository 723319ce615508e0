import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@imdi/audit';
import { actsFor, mayReachOrganisation, type Principal, type Role } from '@imdi/auth';
import { BudgetLedger } from '@imdi/budget';
import { CaseDocuments, CaseLifecycle } from '@imdi/cases';
import { BudgetPost, Clock, formatOsloDate, Money, osloDate } from '@imdi/kernel';
import { letterRecipient } from '@imdi/letters';
import { Messages } from '@imdi/messaging';
import { caseFactsOf, DomainEvents, RECLAIM_DECIDED } from '@imdi/outbox';
import { AppConfig } from '@imdi/platform';
import { SchemeCatalogueQuery } from '@imdi/schemes';
import { DataSource } from 'typeorm';
import { PayeeDirectory } from '../infrastructure/payee.directory';
import { PaymentsError } from '../domain/payments.errors';
import { RECLAIM_DECISION_TEXT } from '../domain/reclaim-decision';
import { commentPeriodOver, reclaimAppealDeadline, reclaimAppealTiming } from '../domain/reclaim-notice';
import { reclaimCaseLetter } from './reclaim-letter';
import { ReclaimRepository } from '../infrastructure/reclaim.repository';
import { renderReclaimDecisionLetter } from './reclaim-decision-letter';
import { DECISION_FILE_NAME, ReclaimDocuments, type ReclaimDocument } from './reclaim-documents';
import { reclaimDecisionMail } from './reclaim-notice-mail';

/** Staff who may read any organisation's decision letter on the route they share with recipients. */
const LETTER_STAFF_ROLES: readonly Role[] = ['caseworker', 'finance'];

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
  /** "Vår ref." of the decision letter: the case number and the letter's document number (older decisions: null). */
  readonly ourReference: string | null;
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
    private readonly events: DomainEvents,
    private readonly payees: PayeeDirectory,
    private readonly documents: CaseDocuments,
    private readonly messages: Messages,
    private readonly config: AppConfig,
    private readonly letters: ReclaimDocuments,
  ) {}

  async demand(caseId: string, amount: Money, reason: string, dueOn: string, noticeId: string | undefined, principal: Principal): Promise<ReclaimView> {
    const id = await this.dataSource.transaction(async (manager) => {
      // The case lock serialises reclaims of a case, so two at once cannot together exceed what was paid.
      const file = await this.cases.lockCase(manager, caseId);
      const paid = await this.repository.paidOnCase(manager, caseId);
      if (!paid) throw new PaymentsError('NOTHING_PAID', 'Ingenting er utbetalt i denne saken, så ingenting kan kreves tilbake.', { caseId });
      const demanded = await this.repository.demandedOnCase(manager, caseId);
      if (amount.plus(demanded).greaterThan(paid.paid)) {
        throw new PaymentsError(
          'RECLAIM_EXCEEDS_PAID',
          `Tilbakekrevingen kan ikke være større enn det som er utbetalt (${paid.paid.formatNok()}, hvorav ${demanded.formatNok()} allerede er krevd tilbake).`,
          {},
        );
      }
      const version = await this.catalogue.version(file.schemeCode, file.budgetYear, manager);
      const enkeltvedtak = version.appealRoute === 'enkeltvedtak';
      const today = osloDate(this.clock.now());
      if (noticeId) {
        const notice = await this.repository.findNotice(manager, noticeId, true);
        if (!notice || notice.caseId !== caseId)
          throw new PaymentsError('NOTICE_NOT_FOUND', `Saken ${caseId} har ikke noe varsel om tilbakekreving med id ${noticeId}.`, { noticeId }, 'noticeId');
        if (notice.reclaimId)
          throw new PaymentsError(
            'NOTICE_USED',
            'Det er allerede vedtatt tilbakekreving på grunnlag av dette varselet.',
            { reclaimId: notice.reclaimId },
            'noticeId',
          );
        if (!commentPeriodOver({ commentDeadline: notice.commentDeadline, commented: notice.comment !== null }, today)) {
          throw new PaymentsError(
            'NOTICE_PERIOD_OPEN',
            `Mottakeren har frist til ${formatOsloDate(notice.commentDeadline)} med å uttale seg. Tilbakekrevingen kan vedtas etter fristen, eller når uttalelsen er kommet (forvaltningsloven § 16).`,
            { commentDeadline: notice.commentDeadline },
            'noticeId',
          );
        }
        if (amount.greaterThan(notice.amount)) {
          throw new PaymentsError(
            'RECLAIM_EXCEEDS_NOTICE',
            `Varselet gjaldt ${notice.amount.formatNok()}. For å kreve mer tilbake må det sendes et nytt varsel.`,
            { noticedNok: notice.amount.toDecimalString() },
            'amountNok',
          );
        }
      } else if (enkeltvedtak) {
        throw new PaymentsError(
          'NOTICE_REQUIRED',
          'Tilskuddet ble gitt ved enkeltvedtak. Send forhåndsvarsel med frist for å uttale seg før tilbakekrevingen vedtas (forvaltningsloven § 16).',
          { caseId },
          'noticeId',
        );
      }
      const appealDeadline = enkeltvedtak ? reclaimAppealDeadline(today) : null;
      // The decision is told to the party in writing (fvl. § 27): one letter, numbered in the case as the notice is,
      // kept as sent, so the recipient, the case page and the archive all have the same document.
      const organisation = await this.payees.find(manager, file.organisationNumber);
      const standard = organisation?.writtenStandard ?? 'nb';
      const documentNumber = await this.documents.next(caseId, manager);
      const letter = await renderReclaimDecisionLetter({
        writtenStandard: standard,
        agency: this.config.agencyLetterhead,
        recipient: organisation
          ? letterRecipient(organisation)
          : { name: file.organisationNumber, organisationNumber: file.organisationNumber, attention: null, postalAddress: null },
        ourReference: `${file.caseNumber ?? ''}-${documentNumber}`,
        decidedOn: today,
        caseworker: { name: principal.name, title: standard === 'nn' ? 'sakshandsamar' : 'saksbehandler' },
        amount,
        dueOn,
        reason,
        followsNotice: noticeId !== undefined,
        appealDeadline,
      });
      const id = await this.repository.insertReclaim(manager, {
        caseId,
        paid,
        amount,
        reason,
        dueOn,
        demandedBy: principal.userId,
        noticeId: noticeId ?? null,
        enkeltvedtak,
        appealDeadline,
        letter,
        documentNumber,
      });
      if (organisation) {
        // As the notice: the letter as digital post (where eFormidling is configured), and an e-mail that it is waiting.
        await this.messages.sendLetter(manager, {
          dedupeKey: `reclaim-decision-letter:${id}`,
          kind: 'reclaim-decision-letter',
          organisationNumber: organisation.organisationNumber,
          language: standard,
          letter: reclaimCaseLetter({
            file,
            schemeName: version.name.nb,
            recipientName: organisation.name,
            documentNumber,
            title: RECLAIM_DECISION_TEXT[standard].title,
            documentType: enkeltvedtak ? 'Vedtak' : 'Brev',
            letterDate: today,
            caseworker: principal.name,
            letterhead: this.config.agencyLetterhead,
          }),
          document: { name: DECISION_FILE_NAME, content: letter },
          caseId,
          reference: id,
        });
        await this.messages.send(manager, {
          dedupeKey: `reclaim-decision:${id}`,
          kind: 'reclaim-decision',
          recipient: organisation.contactEmail,
          language: standard,
          texts: reclaimDecisionMail(organisation.name, file.caseNumber ?? '', appealDeadline),
          caseId,
          reference: id,
        });
      }
      await this.audit.record(manager, {
        actor: principal,
        action: 'case.reclaim-demanded',
        entityType: 'case',
        entityId: caseId,
        after: { reclaimId: id, amountNok: amount.toDecimalString(), reason, dueOn, noticeId: noticeId ?? null, enkeltvedtak },
      });
      await this.events.publish(manager, RECLAIM_DECIDED, {
        ...caseFactsOf(file),
        reclaimId: id,
        noticeId: noticeId ?? null,
        amountOre: amount.toOreString(),
        dueOn,
        decidedAt: this.clock.now().toISOString(),
        documentNumber,
      });
      return id;
    });
    return this.view(id);
  }

  /** The decision letter as it was sent; an applicant gets only their own organisation's, and not seeing looks like not finding. */
  async letter(reclaimId: string, principal: Principal): Promise<ReclaimDocument> {
    const manager = this.dataSource.manager;
    const seen = await this.repository.findReclaim(manager, reclaimId);
    const owner = seen && (await this.cases.find(manager, seen.caseId))?.organisationNumber;
    const letter = owner && mayReachOrganisation(principal, owner, LETTER_STAFF_ROLES) ? await this.letters.decision(reclaimId) : undefined;
    if (!letter) throw new PaymentsError('RECLAIM_NOT_FOUND', `Fant ingen tilbakekreving med id ${reclaimId} som du har tilgang til.`, { reclaimId }, 'id');
    return letter;
  }

  /** The recipient appeals a reclaim decision; late appeals are recorded and flagged (fvl. § 31), none after a year. */
  async appeal(reclaimId: string, grounds: string, principal: Principal): Promise<ReclaimView> {
    await this.dataSource.transaction(async (manager) => {
      // Another organisation's reclaim is neither locked nor told apart from a missing one.
      const seen = await this.repository.findReclaim(manager, reclaimId);
      const file = seen && (await this.cases.find(manager, seen.caseId));
      if (!seen || !file || !actsFor(principal, file.organisationNumber))
        throw new PaymentsError('RECLAIM_NOT_FOUND', `Fant ingen tilbakekreving med id ${reclaimId} som du har tilgang til.`, { reclaimId }, 'id');
      const reclaim = (await this.repository.findReclaim(manager, reclaimId, true))!;
      if (!reclaim.enkeltvedtak) {
        throw new PaymentsError(
          'NOT_APPEALABLE',
          'Denne tilbakekrevingen er ikke et enkeltvedtak og kan ikke påklages. Be saksbehandleren om en ny vurdering i stedet.',
          { reclaimId },
        );
      }
      if (reclaim.appealedAt)
        throw new PaymentsError('RECLAIM_ALREADY_APPEALED', 'Tilbakekrevingen er allerede påklaget. Et vedtak kan påklages én gang.', {
          appealedAt: reclaim.appealedAt.toISOString(),
        });
      const timing = reclaimAppealTiming(reclaim.demandedOn, osloDate(this.clock.now()));
      if (timing.tooLate)
        throw new PaymentsError(
          'APPEAL_TOO_LATE',
          'Tilbakekrevingen ble vedtatt for mer enn ett år siden, og klagen kan ikke lenger behandles (forvaltningsloven § 31).',
          { decidedOn: reclaim.demandedOn },
        );
      await this.repository.recordAppeal(manager, reclaimId, { grounds, appealedBy: principal.userId, late: timing.late });
      await this.audit.record(manager, {
        actor: principal,
        action: 'case.reclaim-appealed',
        entityType: 'case',
        entityId: reclaim.caseId,
        after: { reclaimId, late: timing.late },
      });
    });
    return this.view(reclaimId);
  }

  async registerRepayment(reclaimId: string, amount: Money, receivedOn: string, principal: Principal): Promise<ReclaimView> {
    await this.dataSource.transaction(async (manager) => {
      const reclaim = await this.repository.findReclaim(manager, reclaimId, true);
      if (!reclaim) throw new PaymentsError('RECLAIM_NOT_FOUND', `Fant ingen tilbakekreving med id ${reclaimId}.`, { reclaimId });
      const repaymentId = await this.repository.insertRepayment(manager, { reclaimId, amount, receivedOn, registeredBy: principal.userId });
      await this.ledger.reclaim(manager, {
        budgetYear: reclaim.budgetYear,
        budgetPost: BudgetPost.of({ chapter: reclaim.chapter, post: reclaim.post }),
        earmarkCode: reclaim.earmarkCode,
        amount,
        referenceType: 'repayment',
        referenceId: repaymentId,
        actorId: principal.userId,
        // The money is back on the post from the day it was received.
        bookedOn: receivedOn,
      });
      await this.audit.record(manager, {
        actor: principal,
        action: 'case.repayment-registered',
        entityType: 'case',
        entityId: reclaim.caseId,
        after: { reclaimId, amountNok: amount.toDecimalString(), receivedOn },
      });
    });
    return this.view(reclaimId);
  }

  /** Demands past their due date with money still outstanding. */
  async overdue(): Promise<ReclaimView[]> {
    const ids = await this.repository.overdueIds(this.dataSource.manager, osloDate(this.clock.now()));
    return Promise.all(ids.map((id) => this.view(id)));
  }

  /** Demands with money still outstanding ('open'), or all of them, by due date: what finance follows up. */
  async list(which: 'open' | 'all'): Promise<ReclaimView[]> {
    const ids = await this.repository.listIds(this.dataSource.manager, which, 500);
    return Promise.all(ids.map((id) => this.view(id)));
  }

  async view(id: string): Promise<ReclaimView> {
    const manager = this.dataSource.manager;
    const row = (await this.repository.reclaimView(manager, id))!;
    const file = await this.cases.find(manager, row.caseId);
    const outstanding = row.amount.minus(row.repaid);
    return {
      id: row.id,
      caseId: row.caseId,
      caseNumber: file?.caseNumber ?? '',
      amountNok: row.amount.toDecimalString(),
      repaidNok: row.repaid.toDecimalString(),
      outstandingNok: outstanding.toDecimalString(),
      reason: row.reason,
      dueOn: row.dueOn,
      overdue: outstanding.greaterThan(Money.zero()) && row.dueOn < osloDate(this.clock.now()),
      noticeId: row.noticeId,
      enkeltvedtak: row.enkeltvedtak,
      appealDeadline: row.appealDeadline,
      appeal:
        row.appealedAt && row.appealGrounds !== null
          ? { grounds: row.appealGrounds, appealedAt: row.appealedAt.toISOString(), late: row.appealLate === true }
          : null,
      ourReference: file?.caseNumber && row.documentNumber !== null ? `${file.caseNumber}-${row.documentNumber}` : null,
    };
  }
}
