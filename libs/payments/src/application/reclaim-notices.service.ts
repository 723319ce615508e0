import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@imdi/audit';
import { mayReachOrganisation, type Principal, type Role } from '@imdi/auth';
import { CaseDocuments, CaseLifecycle } from '@imdi/cases';
import { addCalendarDays, Clock, deadlineOnWorkingDay, formatOsloDate, isNorwegianWorkingDay, Money, osloDate } from '@imdi/kernel';
import { letterRecipient, renderNotice } from '@imdi/letters';
import { Messages } from '@imdi/messaging';
import { caseFactsOf, DomainEvents, RECLAIM_COMMENT_RECEIVED, RECLAIM_NOTICE_SENT } from '@imdi/outbox';
import { AppConfig } from '@imdi/platform';
import { SchemeCatalogueQuery } from '@imdi/schemes';
import { DataSource, type EntityManager } from 'typeorm';
import { PayeeDirectory } from '../infrastructure/payee.directory';
import { PaymentsError } from '../domain/payments.errors';
import { commentPeriodOver, MIN_COMMENT_DAYS, RECLAIM_NOTICE_TEXT } from '../domain/reclaim-notice';
import { reclaimCaseLetter } from './reclaim-letter';
import { ReclaimRepository, type ReclaimNoticeRecord } from '../infrastructure/reclaim.repository';
import { reclaimNoticeMail } from './reclaim-notice-mail';

export interface ReclaimNoticeView {
  readonly id: string;
  readonly caseId: string;
  readonly amountNok: string;
  readonly reason: string;
  readonly commentDeadline: string;
  readonly notifiedAt: string;
  readonly comment: string | null;
  readonly commentReceivedAt: string | null;
  /** Whether a reclaim decision may now be made on this notice. */
  readonly commentPeriodOver: boolean;
  readonly reclaimId: string | null;
  /** "Vår ref." of the notice: the case number and the notice's document number in the case (older notices: the case number). */
  readonly ourReference: string | null;
}

/**
 * Advance notice of a reclaim (forvaltningsloven § 16): what IMDi considers reclaiming and why,
 * with a deadline to comment, as a letter in the recipient's written standard. The recipient (or
 * a caseworker, for a comment received by post) registers the comment.
 */
/** Staff who may read any organisation's notice on the routes they share with recipients. */
const NOTICE_STAFF_ROLES: readonly Role[] = ['caseworker', 'finance'];

@Injectable()
export class ReclaimNotices {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: ReclaimRepository,
    private readonly cases: CaseLifecycle,
    private readonly payees: PayeeDirectory,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly messages: Messages,
    private readonly events: DomainEvents,
    private readonly documents: CaseDocuments,
    private readonly catalogue: SchemeCatalogueQuery,
  ) {}

  async notify(caseId: string, amount: Money, reason: string, commentDeadline: string, principal: Principal): Promise<ReclaimNoticeView> {
    const id = await this.dataSource.transaction(async (manager) => {
      const file = await this.cases.lockCase(manager, caseId);
      const paid = await this.repository.paidOnCase(manager, caseId);
      if (!paid) throw new PaymentsError('NOTHING_PAID', 'Ingenting er utbetalt i denne saken, så ingenting kan kreves tilbake.', { caseId });
      const demanded = await this.repository.demandedOnCase(manager, caseId);
      if (amount.plus(demanded).greaterThan(paid.paid)) {
        throw new PaymentsError(
          'RECLAIM_EXCEEDS_PAID',
          `Tilbakekrevingen kan ikke være større enn det som er utbetalt (${paid.paid.formatNok()}, hvorav ${demanded.formatNok()} allerede er krevd tilbake).`,
          {},
          'amountNok',
        );
      }
      const earliest = addCalendarDays(osloDate(this.clock.now()), MIN_COMMENT_DAYS);
      if (commentDeadline < earliest) {
        throw new PaymentsError(
          'COMMENT_DEADLINE_TOO_SHORT',
          `Fristen for å uttale seg må gi mottakeren minst ${MIN_COMMENT_DAYS} dager: ${formatOsloDate(earliest)} eller senere.`,
          { earliest },
          'commentDeadline',
        );
      }
      if (!isNorwegianWorkingDay(commentDeadline)) {
        // A deadline on a day the recipient cannot answer would move by itself (fvl. § 30); the letter should show the real one.
        const workingDay = deadlineOnWorkingDay(commentDeadline);
        throw new PaymentsError(
          'COMMENT_DEADLINE_NOT_WORKING_DAY',
          `Fristen for å uttale seg kan ikke være en lørdag, søndag eller helligdag. Velg en virkedag, for eksempel ${formatOsloDate(workingDay)}.`,
          { nextWorkingDay: workingDay },
          'commentDeadline',
        );
      }
      const organisation = await this.payees.find(manager, file.organisationNumber);
      const standard = organisation?.writtenStandard ?? 'nb';
      const text = RECLAIM_NOTICE_TEXT[standard];
      const deadline = commentDeadline.split('-').reverse().join('.');
      // The notice is a document of the case: cases gives its number, as it does casework's letters and the journal's entries.
      const documentNumber = await this.documents.next(caseId, manager);
      const ourReference = `${file.caseNumber ?? ''}-${documentNumber}`;
      const letter = await renderNotice({
        writtenStandard: standard,
        title: text.title,
        frame: {
          agency: this.config.agencyLetterhead,
          recipient: organisation
            ? letterRecipient(organisation)
            : { name: file.organisationNumber, organisationNumber: file.organisationNumber, attention: null, postalAddress: null },
          ourReference,
          yourReference: null,
          date: osloDate(this.clock.now()).split('-').reverse().join('.'),
          caseworker: { name: principal.name, title: standard === 'nn' ? 'sakshandsamar' : 'saksbehandler' },
          approver: null,
          copyTo: [],
        },
        rows: [
          [text.amount, amount.formatNok()],
          [text.deadline, deadline],
        ],
        sections: [{ text: text.intro }, { heading: text.why, text: reason }, { text: text.comment.replace('{date}', deadline) }, { text: text.law }],
      });
      const noticeId = await this.repository.insertNotice(manager, {
        caseId,
        amount,
        reason,
        commentDeadline,
        letter,
        notifiedBy: principal.userId,
        documentNumber,
      });
      if (organisation) {
        // With eFormidling configured, the notice itself goes to the organisation's archive as digital post.
        const version = await this.catalogue.version(file.schemeCode, file.budgetYear, manager);
        const today = osloDate(this.clock.now());
        await this.messages.sendLetter(manager, {
          dedupeKey: `reclaim-notice-letter:${noticeId}`,
          kind: 'reclaim-notice-letter',
          organisationNumber: organisation.organisationNumber,
          language: standard,
          letter: reclaimCaseLetter({
            file,
            schemeName: version.name.nb,
            recipientName: organisation.name,
            documentNumber,
            title: text.title,
            // A notice (fvl. § 16) decides nothing yet.
            documentType: 'Brev',
            letterDate: today,
            caseworker: principal.name,
            letterhead: this.config.agencyLetterhead,
          }),
          document: { name: 'varsel-om-tilbakekreving.pdf', content: letter },
          caseId,
          reference: noticeId,
        });
        await this.messages.send(manager, {
          dedupeKey: `reclaim-notice:${noticeId}`,
          kind: 'reclaim-notice',
          recipient: organisation.contactEmail,
          language: standard,
          texts: reclaimNoticeMail(organisation.name, file.caseNumber ?? '', commentDeadline),
          caseId,
          reference: noticeId,
        });
      }
      await this.audit.record(manager, {
        actor: principal,
        action: 'case.reclaim-notified',
        entityType: 'case',
        entityId: caseId,
        after: { noticeId, amountNok: amount.toDecimalString(), reason, commentDeadline },
      });
      await this.events.publish(manager, RECLAIM_NOTICE_SENT, {
        ...caseFactsOf(file),
        noticeId,
        amountOre: amount.toOreString(),
        commentDeadline,
        sentAt: this.clock.now().toISOString(),
        documentNumber,
      });
      return noticeId;
    });
    // A staff route: the caseworker's answer does not depend on organisations they may also act for.
    return this.present((await this.repository.findNotice(this.dataSource.manager, id, false))!);
  }

  async comment(noticeId: string, comment: string, principal: Principal): Promise<ReclaimNoticeView> {
    await this.dataSource.transaction(async (manager) => {
      // The case lock before the notice's, in the order a reclaim decision takes them: comment and decision queue there.
      const file = await this.cases.lockCase(manager, (await this.visibleNotice(noticeId, principal)).caseId);
      const notice = await this.visibleNotice(noticeId, principal, manager);
      if (notice.reclaimId)
        throw new PaymentsError('NOTICE_USED', 'Tilbakekrevingen er allerede vedtatt. En innsigelse nå må sendes som klage på vedtaket.', {
          reclaimId: notice.reclaimId,
        });
      if (notice.comment !== null)
        throw new PaymentsError('NOTICE_ALREADY_ANSWERED', 'Det er allerede registrert en uttalelse til dette varselet.', {
          commentReceivedAt: notice.commentReceivedAt,
        });
      await this.repository.recordComment(manager, noticeId, comment, principal.userId);
      await this.audit.record(manager, {
        actor: principal,
        action: 'case.reclaim-notice-commented',
        entityType: 'case',
        entityId: notice.caseId,
        after: { noticeId },
      });
      await this.events.publish(manager, RECLAIM_COMMENT_RECEIVED, { ...caseFactsOf(file), noticeId, receivedAt: this.clock.now().toISOString() });
    });
    return this.view(noticeId, principal);
  }

  async letter(noticeId: string, principal: Principal): Promise<Buffer> {
    await this.visibleNotice(noticeId, principal);
    return (await this.repository.letterOf(this.dataSource.manager, noticeId))!;
  }

  async view(noticeId: string, principal: Principal): Promise<ReclaimNoticeView> {
    return this.present(await this.visibleNotice(noticeId, principal));
  }

  private async present(notice: ReclaimNoticeRecord): Promise<ReclaimNoticeView> {
    const caseNumber = notice.documentNumber === null ? null : (await this.cases.find(this.dataSource.manager, notice.caseId))?.caseNumber;
    return {
      id: notice.id,
      caseId: notice.caseId,
      amountNok: notice.amount.toDecimalString(),
      reason: notice.reason,
      commentDeadline: notice.commentDeadline,
      notifiedAt: notice.notifiedAt,
      comment: notice.comment,
      commentReceivedAt: notice.commentReceivedAt,
      commentPeriodOver: commentPeriodOver({ commentDeadline: notice.commentDeadline, commented: notice.comment !== null }, osloDate(this.clock.now())),
      reclaimId: notice.reclaimId,
      ourReference: caseNumber ? `${caseNumber}-${notice.documentNumber}` : null,
    };
  }

  /** An applicant sees only notices to the organisations it acts for; not finding and not seeing look alike. */
  private async visibleNotice(noticeId: string, principal: Principal, lockingIn?: EntityManager): Promise<ReclaimNoticeRecord> {
    const manager = lockingIn ?? this.dataSource.manager;
    const seen = await this.repository.findNotice(manager, noticeId);
    // The notice's organisation is its case's, which cases owns (and which never changes).
    const owner = seen && (await this.cases.find(manager, seen.caseId))?.organisationNumber;
    if (!seen || !owner || !mayReachOrganisation(principal, owner, NOTICE_STAFF_ROLES))
      throw new PaymentsError('NOTICE_NOT_FOUND', `Fant ikke noe varsel om tilbakekreving med id ${noticeId} som du har tilgang til.`, { noticeId }, 'id');
    // Locked only once the caller may see it, so nobody can hold another organisation's notice.
    const notice = lockingIn ? await this.repository.findNotice(lockingIn, noticeId, true) : seen;
    if (!notice)
      throw new PaymentsError('NOTICE_NOT_FOUND', `Fant ikke noe varsel om tilbakekreving med id ${noticeId} som du har tilgang til.`, { noticeId }, 'id');
    return notice;
  }
}
