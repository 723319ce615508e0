import { Injectable } from '@nestjs/common';
import { AuditTrail, SYSTEM_ACTOR } from '@imdi/audit';
import type { Principal } from '@imdi/auth';
import { ResponsibleMinistryQuery } from '@imdi/budget';
import { CaseLifecycle } from '@imdi/cases';
import { OrganisationDirectory } from '@imdi/intake';
import { Clock, Money } from '@imdi/kernel';
import { Messages, type MessageStatusReport, type MessageText } from '@imdi/messaging';
import { caseFactsOf, DomainEvents, OutboxWriter, PRE_NOTIFICATION_SENT, ProcessedJobs } from '@imdi/outbox';
import { HandlesJob, type JobContext, type JobHandler } from '@imdi/platform';
import { DataSource } from 'typeorm';
import { CaseworkError } from '../domain/casework.errors';
import { MinistryNotificationRepository } from '../infrastructure/ministry-notification.repository';
import { DELIVER_MINISTRY_NOTIFICATION, MINISTRY_NOTIFICATION_MESSAGE_STATUS } from './casework.jobs';

export interface NotificationView {
  readonly id: string;
  readonly schemeCode: string;
  readonly budgetYear: number;
  readonly round: number;
  readonly totalNok: string;
  readonly createdAt: string;
  readonly deliveredAt: string | null;
  /** The ministry has read it and said so, with its comment if any. */
  readonly acknowledgement: { readonly at: string; readonly by: string; readonly byName: string | null; readonly comment: string | null } | null;
  readonly items: ReadonlyArray<{ caseNumber: string; recipientName: string; organisationNumber: string; amountNok: string; budgetPost: string }>;
}

/**
 * Instruks 6.1: the approved decisions of a søkbar scheme's round are gathered into one
 * notification to the ministry (recipients, amounts, kap./post, total) before any grant letter.
 */
@Injectable()
export class MinistryNotifications {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditTrail,
    private readonly cases: CaseLifecycle,
    private readonly organisations: OrganisationDirectory,
    private readonly repository: MinistryNotificationRepository,
    private readonly clock: Clock,
  ) {}

  async gather(schemeCode: string, budgetYear: number, principal: Principal): Promise<NotificationView> {
    const id = await this.dataSource.transaction(async (manager) => {
      await this.repository.lockRound(manager, schemeCode, budgetYear);
      const cases = await this.cases.inStatus(manager, { schemeCode, budgetYear, schemeKind: 'sokbar', status: 'approved' });
      const decisions = await this.repository.approvedNotYetNotified(
        manager,
        cases.map((file) => file.id),
      );
      if (decisions.length === 0) {
        throw new CaseworkError('NOTHING_TO_NOTIFY', `Ingen godkjente vedtak i ${schemeCode} ${budgetYear} venter på forhåndsorientering av departementet.`, {
          schemeCode,
          budgetYear,
        });
      }
      const byCase = new Map(decisions.map((decision) => [decision.caseId, decision]));
      const recipients = new Map(
        (await this.organisations.listByNumbers(manager, [...new Set(cases.map((file) => file.organisationNumber))])).map((organisation) => [
          organisation.organisationNumber,
          organisation.name,
        ]),
      );
      // In case-number order, as the ministry reads them.
      const items = cases.flatMap((file) => {
        const decision = byCase.get(file.id);
        return decision
          ? [
              {
                decisionId: decision.id,
                caseNumber: file.caseNumber ?? '',
                recipientName: recipients.get(file.organisationNumber) ?? file.organisationNumber,
                organisationNumber: file.organisationNumber,
                amountOre: decision.amountOre,
                budgetPost: decision.budgetPost,
              },
            ]
          : [];
      });
      const total = Money.sum(items.map((item) => Money.ofOre(item.amountOre)));
      const notificationId = await this.repository.insert(manager, {
        schemeCode,
        budgetYear,
        totalOre: total.toOreString(),
        createdBy: principal.userId,
        items,
      });
      await this.outbox.add(manager, DELIVER_MINISTRY_NOTIFICATION, { notificationId });
      await this.audit.record(manager, {
        actor: principal,
        action: 'ministry-notification.gathered',
        entityType: 'ministry_notification',
        entityId: notificationId,
        after: { schemeCode, budgetYear, decisions: items.length, totalNok: total.toDecimalString() },
      });
      return notificationId;
    });
    return (await this.view(id))!;
  }

  /** The ministry confirms it has read a delivered notification, once, optionally with a comment. */
  async acknowledge(id: string, comment: string | undefined, principal: Principal): Promise<NotificationView> {
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.repository.acknowledge(manager, id, { id: principal.userId, name: principal.name }, comment?.trim() || null, this.clock.now()))) {
        const existing = await this.view(id, true);
        if (!existing) throw new CaseworkError('LETTER_NOT_FOUND', `Fant ingen levert forhåndsorientering med id ${id}.`, {}, 'id');
        throw new CaseworkError('ALREADY_ACKNOWLEDGED', 'Forhåndsorienteringen er allerede kvittert ut.', { acknowledgedAt: existing.acknowledgement?.at });
      }
      await this.audit.record(manager, {
        actor: principal,
        action: 'ministry-notification.acknowledged',
        entityType: 'ministry_notification',
        entityId: id,
        after: { comment: comment ?? null },
      });
    });
    return (await this.view(id, true))!;
  }

  /** The ministry's inbox: delivered notifications only. */
  async inbox(): Promise<NotificationView[]> {
    const ids = await this.repository.delivered(this.dataSource.manager, 200);
    return Promise.all(ids.map(async (id) => (await this.view(id))!));
  }

  async view(id: string, deliveredOnly = false): Promise<NotificationView | undefined> {
    const notification = await this.repository.find(this.dataSource.manager, id, deliveredOnly);
    if (!notification) return undefined;
    return {
      id,
      schemeCode: notification.schemeCode,
      budgetYear: notification.budgetYear,
      round: notification.round,
      totalNok: Money.ofOre(notification.totalOre).toDecimalString(),
      createdAt: notification.createdAt.toISOString(),
      deliveredAt: notification.deliveredAt?.toISOString() ?? null,
      acknowledgement: notification.acknowledgement
        ? {
            at: notification.acknowledgement.at.toISOString(),
            by: notification.acknowledgement.by,
            byName: notification.acknowledgement.byName,
            comment: notification.acknowledgement.comment,
          }
        : null,
      items: notification.items.map((item) => ({
        caseNumber: item.caseNumber,
        recipientName: item.recipientName,
        organisationNumber: item.organisationNumber,
        amountNok: Money.ofOre(item.amountOre).toDecimalString(),
        budgetPost: item.budgetPost,
      })),
    };
  }
}

/**
 * Sends the gathered notification to the year's ministry as e-mail, once. The cases do not move
 * here: only when messaging reports the e-mail handed over to the ministry's mail server.
 */
@Injectable()
@HandlesJob(DELIVER_MINISTRY_NOTIFICATION)
export class DeliverMinistryNotificationHandler implements JobHandler<{ notificationId: string }> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: MinistryNotifications,
    private readonly ministries: ResponsibleMinistryQuery,
    private readonly messages: Messages,
    private readonly repository: MinistryNotificationRepository,
    private readonly audit: AuditTrail,
  ) {}

  async handle(payload: { notificationId: string }): Promise<void> {
    const notification = await this.notifications.view(payload.notificationId);
    if (!notification) return;
    await this.dataSource.transaction(async (manager) => {
      const ministry = await this.ministries.forYear(notification.budgetYear, manager);
      const messageId = await this.messages.send(manager, {
        dedupeKey: `ministry-notification:${notification.id}`,
        kind: 'ministry-pre-notification',
        recipient: ministry.email,
        language: 'nb',
        texts: { nb: preNotificationText(notification, ministry.name) },
        reference: notification.id,
        reportTo: MINISTRY_NOTIFICATION_MESSAGE_STATUS,
      });
      if (!messageId) return;
      await this.repository.recordMessage(manager, notification.id, messageId);
      await this.audit.record(manager, {
        actor: SYSTEM_ACTOR,
        action: 'ministry-notification.sent',
        entityType: 'ministry_notification',
        entityId: notification.id,
        after: { ministry: ministry.name, messageId },
      });
    });
  }
}

export function preNotificationText(notification: NotificationView, ministryName: string): MessageText {
  const lines = notification.items.map(
    (item) => `${item.caseNumber}  ${item.recipientName} (${item.organisationNumber})  ${item.amountNok} kr  kap./post ${item.budgetPost}`,
  );
  return {
    subject: `Forhåndsorientering om tilskudd: ${notification.schemeCode} ${notification.budgetYear}, runde ${notification.round}`,
    body: [
      `Til ${ministryName}`,
      '',
      'IMDi orienterer departementet om disse tilskuddene før tilskuddsbrevene sendes (instruks 6.1):',
      '',
      ...lines,
      '',
      `Sum: ${notification.totalNok} kr`,
      '',
      'Med hilsen',
      'Integrerings- og mangfoldsdirektoratet',
    ].join('\n'),
  };
}

/**
 * Instruks 6.1 is met when the ministry's mail server has taken the notification: then, and only
 * then, its cases move to ministry_notified and a grant letter may go. A permanent failure is kept
 * on the notification for the case overview; a resend clears it.
 */
@Injectable()
@HandlesJob(MINISTRY_NOTIFICATION_MESSAGE_STATUS)
export class MinistryNotificationMessageStatusHandler implements JobHandler<MessageStatusReport> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseLifecycle,
    private readonly processed: ProcessedJobs,
    private readonly repository: MinistryNotificationRepository,
    private readonly audit: AuditTrail,
    private readonly events: DomainEvents,
  ) {}

  async handle(report: MessageStatusReport, context: JobContext): Promise<void> {
    const notificationId = report.reference;
    if (!notificationId) return;
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.processed.claim(manager, context.jobId, MINISTRY_NOTIFICATION_MESSAGE_STATUS.queue, MINISTRY_NOTIFICATION_MESSAGE_STATUS.name))) return;
      if (report.state === 'failed') {
        await this.repository.recordDeliveryFailure(manager, notificationId, report.reason ?? 'ukjent feil');
        await this.audit.record(manager, {
          actor: SYSTEM_ACTOR,
          action: 'ministry-notification.delivery-failed',
          entityType: 'ministry_notification',
          entityId: notificationId,
          after: { messageId: report.messageId, reason: report.reason },
        });
        return;
      }
      if (report.state === 'queued') {
        await this.repository.clearDeliveryFailure(manager, notificationId);
        return;
      }
      const cases = await this.repository.markDelivered(manager, notificationId);
      if (!cases) return;
      for (const caseId of cases) {
        const notified = await this.cases.transition(manager, caseId, 'notifyMinistry', SYSTEM_ACTOR, {
          details: { notificationId, messageId: report.messageId },
        });
        await this.events.publish(manager, PRE_NOTIFICATION_SENT, { ...caseFactsOf(notified), notificationId, messageId: report.messageId ?? null });
      }
      await this.audit.record(manager, {
        actor: SYSTEM_ACTOR,
        action: 'ministry-notification.delivered',
        entityType: 'ministry_notification',
        entityId: notificationId,
        after: { cases: cases.length, messageId: report.messageId },
      });
    });
  }
}
