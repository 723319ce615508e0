import { Injectable } from '@nestjs/common';
import { AuditTrail, SYSTEM_ACTOR } from '@imdi/audit';
import type { Principal } from '@imdi/auth';
import { ResponsibleMinistryQuery } from '@imdi/budget';
import { CaseLifecycle } from '@imdi/cases';
import { Clock, Money } from '@imdi/kernel';
import { Messages, type MessageStatusReport, type MessageText } from '@imdi/messaging';
import { OutboxWriter, ProcessedJobs } from '@imdi/outbox';
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
    private readonly acknowledgements: MinistryNotificationRepository,
    private readonly clock: Clock,
  ) {}

  async gather(schemeCode: string, budgetYear: number, principal: Principal): Promise<NotificationView> {
    const id = await this.dataSource.transaction(async (manager) => {
      // One gatherer per scheme and year at a time, so a decision lands in exactly one round.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('ministry-notification:' || $1 || ':' || $2))`, [schemeCode, budgetYear]);
      const decisions: Array<{ id: string; case_number: string; organisation_number: string; amount_ore: string; chapter: string; post: string; recipient_name: string }> = await manager.query(
        `SELECT d.id, c.case_number, c.organisation_number, d.amount_ore, d.chapter, d.post, o.name AS recipient_name
         FROM decision d JOIN case_file c ON c.id = d.case_id JOIN application a ON a.id = c.id JOIN organisation o ON o.id = a.organisation_id
         WHERE c.scheme_code = $1 AND c.budget_year = $2 AND c.scheme_kind = 'sokbar' AND c.status = 'approved' AND d.status = 'approved'
           AND NOT EXISTS (SELECT 1 FROM ministry_notification_item i WHERE i.decision_id = d.id)
         ORDER BY c.case_number`,
        [schemeCode, budgetYear],
      );
      if (decisions.length === 0) {
        throw new CaseworkError('NOTHING_TO_NOTIFY', `Ingen godkjente vedtak i ${schemeCode} ${budgetYear} venter på forhåndsorientering av departementet.`, { schemeCode, budgetYear });
      }
      const total = Money.sum(decisions.map((decision) => Money.ofOre(decision.amount_ore)));
      const [{ id: notificationId }]: Array<{ id: string }> = await manager.query(
        `INSERT INTO ministry_notification (scheme_code, budget_year, round, total_ore, created_by)
         VALUES ($1, $2, (SELECT coalesce(max(round), 0) + 1 FROM ministry_notification WHERE scheme_code = $1 AND budget_year = $2), $3, $4) RETURNING id`,
        [schemeCode, budgetYear, total.toOreString(), principal.userId],
      );
      for (const decision of decisions) {
        await manager.query(
          `INSERT INTO ministry_notification_item (notification_id, decision_id, case_number, recipient_name, organisation_number, amount_ore, budget_post) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [notificationId, decision.id, decision.case_number, decision.recipient_name, decision.organisation_number, decision.amount_ore, `${decision.chapter}.${decision.post}`],
        );
      }
      await this.outbox.add(manager, DELIVER_MINISTRY_NOTIFICATION, { notificationId });
      await this.audit.record(manager, { actor: principal, action: 'ministry-notification.gathered', entityType: 'ministry_notification', entityId: notificationId, after: { schemeCode, budgetYear, decisions: decisions.length, totalNok: total.toDecimalString() } });
      return notificationId;
    });
    return (await this.view(id))!;
  }

  /** The ministry's inbox: delivered notifications only. */
  /** The ministry confirms it has read a delivered notification, once, optionally with a comment. */
  async acknowledge(id: string, comment: string | undefined, principal: Principal): Promise<NotificationView> {
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.acknowledgements.acknowledge(manager, id, { id: principal.userId, name: principal.name }, comment?.trim() || null, this.clock.now()))) {
        const existing = await this.view(id, true);
        if (!existing) throw new CaseworkError('LETTER_NOT_FOUND', `Fant ingen levert forhåndsorientering med id ${id}.`, {}, 'id');
        throw new CaseworkError('ALREADY_ACKNOWLEDGED', 'Forhåndsorienteringen er allerede kvittert ut.', { acknowledgedAt: existing.acknowledgement?.at });
      }
      await this.audit.record(manager, { actor: principal, action: 'ministry-notification.acknowledged', entityType: 'ministry_notification', entityId: id, after: { comment: comment ?? null } });
    });
    return (await this.view(id, true))!;
  }

  async inbox(): Promise<NotificationView[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(`SELECT id FROM ministry_notification WHERE delivered_at IS NOT NULL ORDER BY delivered_at DESC LIMIT 200`);
    return Promise.all(rows.map(async (row) => (await this.view(row.id))!));
  }

  async view(id: string, deliveredOnly = false): Promise<NotificationView | undefined> {
    const [notification]: Array<{
      id: string;
      scheme_code: string;
      budget_year: number;
      round: number;
      total_ore: string;
      created_at: Date;
      delivered_at: Date | null;
      acknowledged_at: Date | null;
      acknowledged_by: string | null;
      acknowledged_by_name: string | null;
      acknowledgement_comment: string | null;
    }> = await this.dataSource.query(
      `SELECT * FROM ministry_notification WHERE id = $1 ${deliveredOnly ? 'AND delivered_at IS NOT NULL' : ''}`,
      [id],
    );
    if (!notification) return undefined;
    const items: Array<{ case_number: string; recipient_name: string; organisation_number: string; amount_ore: string; budget_post: string }> = await this.dataSource.query(
      `SELECT case_number, recipient_name, organisation_number, amount_ore, budget_post FROM ministry_notification_item WHERE notification_id = $1 ORDER BY case_number`,
      [id],
    );
    return {
      id,
      schemeCode: notification.scheme_code,
      budgetYear: notification.budget_year,
      round: notification.round,
      totalNok: Money.ofOre(notification.total_ore).toDecimalString(),
      createdAt: notification.created_at.toISOString(),
      deliveredAt: notification.delivered_at?.toISOString() ?? null,
      acknowledgement:
        notification.acknowledged_at && notification.acknowledged_by
          ? { at: notification.acknowledged_at.toISOString(), by: notification.acknowledged_by, byName: notification.acknowledged_by_name, comment: notification.acknowledgement_comment }
          : null,
      items: items.map((item) => ({ caseNumber: item.case_number, recipientName: item.recipient_name, organisationNumber: item.organisation_number, amountNok: Money.ofOre(item.amount_ore).toDecimalString(), budgetPost: item.budget_post })),
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
      await this.audit.record(manager, { actor: SYSTEM_ACTOR, action: 'ministry-notification.sent', entityType: 'ministry_notification', entityId: notification.id, after: { ministry: ministry.name, messageId } });
    });
  }
}

function preNotificationText(notification: NotificationView, ministryName: string): MessageText {
  const lines = notification.items.map((item) => `${item.caseNumber}  ${item.recipientName} (${item.organisationNumber})  ${item.amountNok} kr  kap./post ${item.budgetPost}`);
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
  ) {}

  async handle(report: MessageStatusReport, context: JobContext): Promise<void> {
    const notificationId = report.reference;
    if (!notificationId) return;
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.processed.claim(manager, context.jobId, MINISTRY_NOTIFICATION_MESSAGE_STATUS.queue, MINISTRY_NOTIFICATION_MESSAGE_STATUS.name))) return;
      if (report.state === 'failed') {
        await this.repository.recordDeliveryFailure(manager, notificationId, report.reason ?? 'ukjent feil');
        await this.audit.record(manager, { actor: SYSTEM_ACTOR, action: 'ministry-notification.delivery-failed', entityType: 'ministry_notification', entityId: notificationId, after: { messageId: report.messageId, reason: report.reason } });
        return;
      }
      if (report.state === 'queued') {
        await this.repository.clearDeliveryFailure(manager, notificationId);
        return;
      }
      const cases = await this.repository.markDelivered(manager, notificationId);
      if (!cases) return;
      for (const caseId of cases) {
        await this.cases.transition(manager, caseId, 'notifyMinistry', SYSTEM_ACTOR, { details: { notificationId, messageId: report.messageId } });
      }
      await this.audit.record(manager, { actor: SYSTEM_ACTOR, action: 'ministry-notification.delivered', entityType: 'ministry_notification', entityId: notificationId, after: { cases: cases.length, messageId: report.messageId } });
    });
  }
}
