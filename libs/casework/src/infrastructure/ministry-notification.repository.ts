import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface AwaitingDecision {
  readonly id: string;
  readonly caseId: string;
  readonly amountOre: string;
  readonly budgetPost: string;
}

export interface NotificationItem {
  readonly decisionId: string;
  readonly caseNumber: string;
  readonly recipientName: string;
  readonly organisationNumber: string;
  readonly amountOre: string;
  readonly budgetPost: string;
}

export interface NotificationRecord {
  readonly id: string;
  readonly schemeCode: string;
  readonly budgetYear: number;
  readonly round: number;
  readonly totalOre: string;
  readonly createdAt: Date;
  readonly deliveredAt: Date | null;
  /** The ministry has read it and said so. */
  readonly acknowledgement: { readonly at: Date; readonly by: string; readonly byName: string | null; readonly comment: string | null } | null;
  readonly items: ReadonlyArray<Omit<NotificationItem, 'decisionId'>>;
}

/** The pre-notifications to the ministry (Instruks 6.1): their rounds, items and delivery as messaging reports it. */
@Injectable()
export class MinistryNotificationRepository {
  /** One gatherer per scheme and year at a time, so a decision lands in exactly one round. */
  async lockRound(manager: EntityManager, schemeCode: string, budgetYear: number): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('ministry-notification:' || $1 || ':' || $2))`, [schemeCode, budgetYear]);
  }

  /** Whether the ministry has received a notification that includes the decision (Instruks 6.1). */
  async deliveredFor(manager: EntityManager, decisionId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM ministry_notification_item i JOIN ministry_notification n ON n.id = i.notification_id WHERE i.decision_id = $1 AND n.delivered_at IS NOT NULL`,
      [decisionId],
    );
    return rows.length > 0;
  }

  /** The notification round that includes the decision, if any, with its delivery state. */
  async roundOf(manager: EntityManager, decisionId: string): Promise<NotificationRoundOfDecision | undefined> {
    const [row]: NotificationRoundOfDecision[] = await manager.query(
      `SELECT n.id, n.round, n.created_at, n.delivered_at, n.delivery_failure, n.message_id FROM ministry_notification_item i JOIN ministry_notification n ON n.id = i.notification_id WHERE i.decision_id = $1`,
      [decisionId],
    );
    return row;
  }

  /** The approved decisions of these cases that no notification has included yet. */
  async approvedNotYetNotified(manager: EntityManager, caseIds: readonly string[]): Promise<AwaitingDecision[]> {
    const rows: Array<{ id: string; case_id: string; amount_ore: string; chapter: string; post: string }> = await manager.query(
      `SELECT d.id, d.case_id, d.amount_ore, d.chapter, d.post FROM decision d
       WHERE d.case_id = ANY($1::uuid[]) AND d.status = 'approved'
         AND NOT EXISTS (SELECT 1 FROM ministry_notification_item i WHERE i.decision_id = d.id)`,
      [caseIds],
    );
    return rows.map((row) => ({ id: row.id, caseId: row.case_id, amountOre: row.amount_ore, budgetPost: `${row.chapter}.${row.post}` }));
  }

  /** A new round for the scheme and year with its items, in one statement each. */
  async insert(
    manager: EntityManager,
    round: { schemeCode: string; budgetYear: number; totalOre: string; createdBy: string; items: readonly NotificationItem[] },
  ): Promise<string> {
    const [{ id }]: Array<{ id: string }> = await manager.query(
      `INSERT INTO ministry_notification (scheme_code, budget_year, round, total_ore, created_by)
       VALUES ($1, $2, (SELECT coalesce(max(round), 0) + 1 FROM ministry_notification WHERE scheme_code = $1 AND budget_year = $2), $3, $4) RETURNING id`,
      [round.schemeCode, round.budgetYear, round.totalOre, round.createdBy],
    );
    await manager.query(
      `INSERT INTO ministry_notification_item (notification_id, decision_id, case_number, recipient_name, organisation_number, amount_ore, budget_post)
       SELECT $1, item.decision_id, item.case_number, item.recipient_name, item.organisation_number, item.amount_ore, item.budget_post
       FROM ROWS FROM (jsonb_to_recordset($2::jsonb) AS (decision_id uuid, case_number text, recipient_name text, organisation_number text, amount_ore bigint, budget_post text))
         WITH ORDINALITY AS item (decision_id, case_number, recipient_name, organisation_number, amount_ore, budget_post, position)
       ORDER BY item.position`,
      [
        id,
        JSON.stringify(
          round.items.map((item) => ({
            decision_id: item.decisionId,
            case_number: item.caseNumber,
            recipient_name: item.recipientName,
            organisation_number: item.organisationNumber,
            amount_ore: item.amountOre,
            budget_post: item.budgetPost,
          })),
        ),
      ],
    );
    return id;
  }

  /** The ids of delivered notifications, newest first (the ministry's inbox). */
  async delivered(manager: EntityManager, limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT id FROM ministry_notification WHERE delivered_at IS NOT NULL ORDER BY delivered_at DESC LIMIT $1`,
      [limit],
    );
    return rows.map((row) => row.id);
  }

  async find(manager: EntityManager, id: string, deliveredOnly = false): Promise<NotificationRecord | undefined> {
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
    }> = await manager.query(`SELECT * FROM ministry_notification WHERE id = $1 ${deliveredOnly ? 'AND delivered_at IS NOT NULL' : ''}`, [id]);
    if (!notification) return undefined;
    const items: Array<{ case_number: string; recipient_name: string; organisation_number: string; amount_ore: string; budget_post: string }> =
      await manager.query(
        `SELECT case_number, recipient_name, organisation_number, amount_ore, budget_post FROM ministry_notification_item WHERE notification_id = $1 ORDER BY case_number`,
        [id],
      );
    return {
      id,
      schemeCode: notification.scheme_code,
      budgetYear: notification.budget_year,
      round: notification.round,
      totalOre: notification.total_ore,
      createdAt: notification.created_at,
      deliveredAt: notification.delivered_at,
      acknowledgement:
        notification.acknowledged_at && notification.acknowledged_by
          ? {
              at: notification.acknowledged_at,
              by: notification.acknowledged_by,
              byName: notification.acknowledged_by_name,
              comment: notification.acknowledgement_comment,
            }
          : null,
      items: items.map((item) => ({
        caseNumber: item.case_number,
        recipientName: item.recipient_name,
        organisationNumber: item.organisation_number,
        amountOre: item.amount_ore,
        budgetPost: item.budget_post,
      })),
    };
  }

  async recordMessage(manager: EntityManager, notificationId: string, messageId: string): Promise<void> {
    await manager.query(`UPDATE ministry_notification SET message_id = $2 WHERE id = $1`, [notificationId, messageId]);
  }

  async recordDeliveryFailure(manager: EntityManager, notificationId: string, reason: string): Promise<void> {
    await manager.query(`UPDATE ministry_notification SET delivery_failure = $2, delivery_failed_at = now() WHERE id = $1 AND delivered_at IS NULL`, [
      notificationId,
      reason,
    ]);
  }

  async clearDeliveryFailure(manager: EntityManager, notificationId: string): Promise<void> {
    await manager.query(`UPDATE ministry_notification SET delivery_failure = NULL, delivery_failed_at = NULL WHERE id = $1`, [notificationId]);
  }

  /** Marks it delivered once; returns the ids of its cases, or undefined if it was delivered already. */
  async markDelivered(manager: EntityManager, notificationId: string): Promise<string[] | undefined> {
    const [, delivered]: [unknown[], number] = await manager.query(
      `UPDATE ministry_notification SET delivered_at = now(), delivery_failure = NULL, delivery_failed_at = NULL WHERE id = $1 AND delivered_at IS NULL`,
      [notificationId],
    );
    if (delivered === 0) return undefined;
    const cases: Array<{ case_id: string }> = await manager.query(
      `SELECT d.case_id FROM ministry_notification_item i JOIN decision d ON d.id = i.decision_id WHERE i.notification_id = $1 ORDER BY d.case_id`,
      [notificationId],
    );
    return cases.map((row) => row.case_id);
  }

  /** Records the ministry's acknowledgement once; false when the notification is not delivered or was acknowledged already. */
  async acknowledge(
    manager: EntityManager,
    notificationId: string,
    by: { readonly id: string; readonly name: string },
    comment: string | null,
    at: Date,
  ): Promise<boolean> {
    const [, changed]: [unknown[], number] = await manager.query(
      `UPDATE ministry_notification SET acknowledged_at = $2, acknowledged_by = $3, acknowledged_by_name = $4, acknowledgement_comment = $5
       WHERE id = $1 AND delivered_at IS NOT NULL AND acknowledged_at IS NULL`,
      [notificationId, at, by.id, by.name, comment],
    );
    return changed > 0;
  }
}

export interface NotificationRoundOfDecision {
  readonly id: string;
  readonly round: number;
  readonly created_at: Date;
  readonly delivered_at: Date | null;
  readonly delivery_failure: string | null;
  readonly message_id: string | null;
}
