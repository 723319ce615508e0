import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@imdi/auth';
import { CaseDocuments, CaseLifecycle } from '@imdi/cases';
import { ResponsibleMinistryQuery } from '@imdi/budget';
import { addCalendarMonths, Clock, Money, osloDate } from '@imdi/kernel';
import { letterRecipient, renderDecisionLetter, type DecisionLetterContent } from '@imdi/letters';
import { Messages } from '@imdi/messaging';
import { caseFactsOf, DomainEvents, LETTER_SENT } from '@imdi/outbox';
import { AppConfig } from '@imdi/platform';
import { requiresMinistryPreNotification, type PayoutPlan } from '@imdi/schemes';
import { DataSource, type EntityManager } from 'typeorm';
import { acceptanceDeadline } from '../domain/appeal-deadline';
import { CaseworkError } from '../domain/casework.errors';
import { Decision } from '../domain/decision';
import { CaseworkRepository, type DecisionRecord } from '../infrastructure/casework.repository';
import { DecisionRepository } from '../infrastructure/decision.repository';
import { LetterRepository } from '../infrastructure/letter.repository';
import { MinistryNotificationRepository } from '../infrastructure/ministry-notification.repository';
import { CaseworkContext, type CaseContext } from './casework-context';
import { letterReadyMail } from './letter-ready-mail';

/** Grants of 400 000 kr or more need accounts confirmed by an auditor. */
const AUDITED_ACCOUNTS_FROM = Money.ofKroner(400000);

export interface LetterView {
  readonly id: string;
  readonly kind: 'grant' | 'refusal';
  readonly writtenStandard: 'nb' | 'nn';
  readonly sha256: string;
  readonly producedAt: string;
}

/**
 * Produces and sends the decision letter. For a søkbar grant the ministry must have been notified
 * first: checked here with a clear answer, and again by the database when the letter is stored.
 */
@Injectable()
export class DecisionLetters {
  constructor(
    private readonly dataSource: DataSource,
    private readonly context: CaseworkContext,
    private readonly cases: CaseLifecycle,
    private readonly documents: CaseDocuments,
    private readonly repository: CaseworkRepository,
    private readonly decisions: DecisionRepository,
    private readonly ministryNotifications: MinistryNotificationRepository,
    private readonly letters: LetterRepository,
    private readonly clock: Clock,
    private readonly ministries: ResponsibleMinistryQuery,
    private readonly config: AppConfig,
    private readonly messages: Messages,
    private readonly events: DomainEvents,
  ) {}

  async send(caseId: string, principal: Principal): Promise<LetterView> {
    return this.dataSource.transaction(async (manager) => {
      const { context, decision, kind } = await this.letterFor(manager, caseId);
      const documentNumber = await this.documents.next(caseId, manager);
      const pdf = await renderDecisionLetter(await this.content(manager, context, decision, kind, documentNumber));
      const sha256 = createHash('sha256').update(pdf).digest('hex');
      const stored = await this.letters.insert(manager, {
        caseId,
        decisionId: decision.id,
        kind,
        writtenStandard: context.organisation.writtenStandard,
        pdf: Buffer.from(pdf),
        sha256,
        producedBy: principal.userId,
        producedAt: this.clock.now(),
        documentNumber,
      });
      const letter = { id: stored.id, produced_at: stored.producedAt };
      const sent = await this.cases.transition(manager, caseId, 'sendLetter', principal, { details: { letterId: letter.id, kind, sha256 } });
      await this.events.publish(manager, LETTER_SENT, {
        ...caseFactsOf(sent),
        letterId: letter.id,
        kind,
        decisionId: decision.id,
        sentAt: letter.produced_at.toISOString(),
        documentNumber,
      });
      await this.messages.send(manager, {
        dedupeKey: `letter-ready:${letter.id}`,
        kind: 'letter-ready',
        recipient: context.organisation.contactEmail,
        language: context.organisation.writtenStandard,
        texts: letterReadyMail(context.organisation.name, context.file.caseNumber ?? ''),
        caseId,
        reference: letter.id,
      });
      // With eFormidling configured, the letter itself also goes to the organisation's archive as digital post.
      const title = LETTER_TITLES[kind][context.organisation.writtenStandard](
        context.version.name[context.organisation.writtenStandard],
        context.version.budgetYear,
      );
      await this.messages.sendLetter(manager, {
        dedupeKey: `decision-letter:${letter.id}`,
        kind: 'decision-letter',
        organisationNumber: context.organisation.organisationNumber,
        language: context.organisation.writtenStandard,
        letter: {
          caseNumber: context.file.caseNumber!,
          caseTitle: `${context.version.name.nb} ${context.version.budgetYear} – ${context.organisation.name}`,
          caseDate: osloDate(context.file.receivedAt ?? letter.produced_at),
          documentNumber,
          title,
          letterDate: osloDate(letter.produced_at),
          caseworker: decision.proposedByName ?? this.config.agencyLetterhead.shortName,
          administrativeUnit: this.config.agencyLetterhead.name,
          recipientName: context.organisation.name,
          senderName: this.config.agencyLetterhead.shortName,
          senderOrganisationNumber: this.config.agencyLetterhead.organisationNumber,
        },
        document: { name: kind === 'grant' ? 'tilskuddsbrev.pdf' : 'vedtaksbrev.pdf', content: pdf },
        caseId,
        reference: letter.id,
      });
      return { id: letter.id, kind, writtenStandard: context.organisation.writtenStandard, sha256, producedAt: letter.produced_at.toISOString() };
    });
  }

  /**
   * The letter as it would be sent now, for the caseworker to read first. Nothing is stored and the
   * case does not move; the same Instruks 6.1 rule applies, so no søkbar grant letter exists, even
   * as a preview, before the ministry has its notification.
   */
  async preview(caseId: string): Promise<Buffer> {
    return this.dataSource.transaction(async (manager) => {
      const { context, decision, kind } = await this.letterFor(manager, caseId);
      // The number the letter would get if sent now; a preview takes none.
      const documentNumber = await this.documents.peek(caseId, manager);
      return Buffer.from(await renderDecisionLetter(await this.content(manager, context, decision, kind, documentNumber)));
    });
  }

  private async letterFor(manager: EntityManager, caseId: string): Promise<{ context: CaseContext; decision: DecisionRecord; kind: 'grant' | 'refusal' }> {
    const context = await this.context.load(manager, caseId);
    const current = await this.decisions.current(manager, caseId);
    const required = requiresMinistryPreNotification(context.file.schemeKind);
    const delivered = required && current?.status === 'approved' && (await this.ministryNotifications.deliveredFor(manager, current.id));
    const { decision, kind } = Decision.letterKind(current, context.file.status, { required, delivered });
    return { context, decision: decision.saved(), kind };
  }

  async list(manager: EntityManager, caseId: string): Promise<LetterView[]> {
    const rows = await this.letters.listOf(manager, caseId);
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      writtenStandard: row.written_standard,
      sha256: row.sha256,
      producedAt: row.produced_at.toISOString(),
    }));
  }

  async pdf(manager: EntityManager, caseId: string, letterId: string): Promise<{ pdf: Buffer; sha256: string }> {
    const row = await this.letters.pdf(manager, caseId, letterId);
    if (!row) throw new CaseworkError('LETTER_NOT_FOUND', `Saken ${caseId} har ikke noe brev med id ${letterId}.`, {}, 'letterId');
    return row;
  }

  private async content(
    manager: EntityManager,
    context: CaseContext,
    decision: DecisionRecord,
    kind: 'grant' | 'refusal',
    documentNumber: number,
  ): Promise<DecisionLetterContent> {
    const { file, application, organisation, version, definition } = context;
    const language = organisation.writtenStandard;
    const form = application.form;
    const now = this.clock.now();
    const periodStart = typeof form.periodStart === 'string' ? form.periodStart : `${version.budgetYear}-01-01`;
    const periodEnd = typeof form.periodEnd === 'string' ? form.periodEnd : `${version.budgetYear}-12-31`;
    const reportDue = addCalendarMonths(periodEnd, definition.reportingDuty.dueMonthsAfterPeriodEnd);
    const budgetLines = Array.isArray(form.budget)
      ? (form.budget as Array<{ description?: string; amountNok?: string }>)
          .map((line) => `${line.description}: ${Money.parseNok(String(line.amountNok ?? '0')).formatNok()}`)
          .join('; ')
      : '';
    const activities = [typeof form.projectTitle === 'string' ? form.projectTitle : '', budgetLines].filter(Boolean).join('. ');
    // The appeal body is the ministry IMDi answered to in the decision's budget year (fvl. § 28).
    const ministry = await this.ministries.forYear(version.budgetYear, manager);
    const agency = this.config.agencyLetterhead;
    const title = SIGNER_TITLES[language];
    return {
      kind,
      writtenStandard: language,
      frame: {
        agency,
        recipient: letterRecipient(organisation, form.contactName),
        ourReference: `${file.caseNumber!}-${documentNumber}`,
        yourReference: typeof form.yourReference === 'string' && form.yourReference.trim() ? form.yourReference.trim() : null,
        date: norwegianDate(osloDate(now)),
        // Decisions from before names were kept show the agency, never a user id.
        caseworker: { name: decision.proposedByName ?? agency.shortName, title: title.caseworker },
        approver: { name: decision.approvedByName ?? agency.shortName, title: title.approver },
        copyTo: [],
      },
      schemeName: version.name[language],
      budgetYear: version.budgetYear,
      budgetPost: `kap. ${version.budgetPost.chapter}, post ${version.budgetPost.post}`,
      legalBasis: version.legalBasis,
      purpose: version.purpose[language],
      grantPeriod: `${norwegianDate(periodStart)}–${norwegianDate(periodEnd)}`,
      grantedAmount: decision.amount.formatNok(),
      requestedAmount: decision.requested?.formatNok() ?? null,
      lessThanApplied: decision.outcome === 'partly_granted',
      activitiesAndBudget: activities || null,
      reasons: decision.reasons,
      conditions: decision.conditions,
      payoutPlan: describePayout(definition.payoutPlan, language),
      reportDeadline: norwegianDate(reportDue),
      reportingNote: definition.reportingDuty.note?.[language] ?? null,
      reportIncludesAccounts: definition.reportingDuty.contents.includes('accounts'),
      needsAuditedAccounts: !decision.amount.lessThan(AUDITED_ACCOUNTS_FROM),
      acceptBy: norwegianDate(acceptanceDeadline(now).lastDay),
      appeal: { route: version.appealRoute, body: ministry.name },
    };
  }
}

/** The letter's title in the recipient's archive, in its målform. */
const LETTER_TITLES = {
  grant: {
    nb: (scheme: string, year: number) => `Vedtak om tilskudd – ${scheme} ${year}`,
    nn: (scheme: string, year: number) => `Vedtak om tilskot – ${scheme} ${year}`,
  },
  refusal: {
    nb: (scheme: string, year: number) => `Vedtak om avslag – ${scheme} ${year}`,
    nn: (scheme: string, year: number) => `Vedtak om avslag – ${scheme} ${year}`,
  },
} as const;

const SIGNER_TITLES = {
  nb: { caseworker: 'saksbehandler', approver: 'godkjenner' },
  nn: { caseworker: 'sakshandsamar', approver: 'godkjennar' },
} as const;

function norwegianDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}.${month}.${year}`;
}

function describePayout(plan: PayoutPlan, language: 'nb' | 'nn'): string {
  if (plan.type === 'periodic') return plan.note[language];
  return plan.instalments
    .map((instalment) => {
      const when =
        instalment.trigger.on === 'acceptance'
          ? language === 'nn'
            ? 'når tilskotet er akseptert'
            : 'når tilskuddet er akseptert'
          : instalment.trigger.on === 'report-approved'
            ? language === 'nn'
              ? 'når rapporten er godkjend'
              : 'når rapporten er godkjent'
            : `${String(instalment.trigger.day).padStart(2, '0')}.${String(instalment.trigger.month).padStart(2, '0')}`;
      return `${instalment.sharePercent} % ${when}`;
    })
    .join(', ');
}
