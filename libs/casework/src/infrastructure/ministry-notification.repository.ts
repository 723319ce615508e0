import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The pre-notification's delivery as casework records it from messaging's reports. */
@Injectable()
export class MinistryNotificationRepository {
  async recordMessage(manager: EntityManager, notificationId: string, messageId: string): Promise<void> {
    await manager.query(`UPDATE ministry_notification SET message_id = $2 WHERE id = $1`, [notificationId, messageId]);
  }

  async recordDeliveryFailure(manager: EntityManager, notificationId: string, reason: string): Promise<void> {
    await manager.query(`UPDATE ministry_notification SET delivery_failure = $2, delivery_failed_at = now() WHERE id = $1 AND delivered_at IS NULL`, [notificationId, reason]);
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
  async acknowledge(manager: EntityManager, notificationId: string, by: { readonly id: string; readonly name: string }, comment: string | null, at: Date): Promise<boolean> {
    const [, changed]: [unknown[], number] = await manager.query(
      `UPDATE ministry_notification SET acknowledged_at = $2, acknowledged_by = $3, acknowledged_by_name = $4, acknowledgement_comment = $5
       WHERE id = $1 AND delivered_at IS NOT NULL AND acknowledged_at IS NULL`,
      [notificationId, at, by.id, by.name, comment],
    );
    return changed > 0;
  }
}
