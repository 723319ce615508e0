import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Language, Message, MessageChannel, MessageKind, MessageState } from '../domain/message';

interface MessageRow {
  id: string;
  channel: MessageChannel;
  kind: MessageKind;
  recipient: string;
  language: Language;
  subject: string;
  body: string;
  case_id: string | null;
  reference: string | null;
  report_to: string | null;
  state: MessageState;
  failure_reason: string | null;
  last_error: string | null;
  attempts: number;
  message_id: string;
  handed_over_at: Date | null;
  failed_at: Date | null;
  created_at: Date;
}

export interface StoredMessage extends Message {
  /** `queue/job` of the sender's report-back job, if it wants to hear of the message's fate. */
  readonly reportTo: string | null;
}

export interface NewMessage {
  readonly dedupeKey: string;
  readonly channel: MessageChannel;
  readonly kind: MessageKind;
  readonly recipient: string;
  readonly language: Language;
  readonly subject: string;
  readonly body: string;
  readonly caseId: string | null;
  readonly reference: string | null;
  readonly reportTo: string | null;
  readonly messageIdDomain: string;
}

const toMessage = (row: MessageRow): StoredMessage => ({
  id: row.id,
  channel: row.channel,
  kind: row.kind,
  recipient: row.recipient,
  language: row.language,
  subject: row.subject,
  body: row.body,
  caseId: row.case_id,
  reference: row.reference,
  reportTo: row.report_to,
  state: row.state,
  failureReason: row.failure_reason,
  lastError: row.last_error,
  attempts: row.attempts,
  messageId: row.message_id,
  handedOverAt: row.handed_over_at,
  failedAt: row.failed_at,
  createdAt: row.created_at,
});

@Injectable()
export class MessageRepository {
  /** Inserts the message unless its dedupe key exists; returns the new id, or undefined for a repeat. */
  async insert(manager: EntityManager, message: NewMessage): Promise<string | undefined> {
    const rows: Array<{ id: string }> = await manager.query(
      `WITH fresh AS (SELECT gen_random_uuid() AS id)
       INSERT INTO message (id, dedupe_key, channel, kind, recipient, language, subject, body, case_id, reference, report_to, message_id)
       SELECT fresh.id, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, '<' || fresh.id || '@' || $11 || '>' FROM fresh
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [message.dedupeKey, message.channel, message.kind, message.recipient, message.language, message.subject, message.body, message.caseId, message.reference, message.reportTo, message.messageIdDomain],
    );
    return rows[0]?.id;
  }

  async find(manager: EntityManager, id: string): Promise<StoredMessage | undefined> {
    const rows: MessageRow[] = await manager.query(`SELECT * FROM message WHERE id = $1`, [id]);
    return rows[0] && toMessage(rows[0]);
  }

  /**
   * Takes the message for one attempt: a queued one, or one whose previous attempt's lease ran out
   * (that sender died). Two workers never both get it: the row lock serialises the update.
   */
  async claim(manager: EntityManager, id: string, leaseMs: number, claimedBy: string): Promise<StoredMessage | undefined> {
    // An UPDATE answers [rows, count] through TypeORM.
    const [rows]: [MessageRow[], number] = await manager.query(
      `UPDATE message SET state = 'sending', lease_until = now() + make_interval(secs => $2::double precision / 1000), attempts = attempts + 1, claimed_by = $3, updated_at = now()
       WHERE id = $1 AND (state = 'queued' OR (state = 'sending' AND lease_until < now())) RETURNING *`,
      [id, leaseMs, claimedBy],
    );
    return rows[0] && toMessage(rows[0]);
  }

  async markHandedOver(manager: EntityManager, id: string, response: string): Promise<boolean> {
    const [, count]: [unknown[], number] = await manager.query(
      `UPDATE message SET state = 'handed_over', handed_over_at = now(), lease_until = NULL, server_response = $2, updated_at = now() WHERE id = $1 AND state = 'sending'`,
      [id, response.slice(0, 1000)],
    );
    return count === 1;
  }

  /** A transient failure: back to queued for the next attempt, the error kept for people to read. */
  async release(manager: EntityManager, id: string, error: string): Promise<void> {
    await manager.query(`UPDATE message SET state = 'queued', lease_until = NULL, last_error = $2, updated_at = now() WHERE id = $1 AND state = 'sending'`, [id, error.slice(0, 1000)]);
  }

  async markFailed(manager: EntityManager, id: string, reason: string): Promise<boolean> {
    const [, count]: [unknown[], number] = await manager.query(
      `UPDATE message SET state = 'failed', failure_reason = $2, last_error = $2, failed_at = now(), lease_until = NULL, updated_at = now() WHERE id = $1 AND state = 'sending'`,
      [id, reason.slice(0, 1000)],
    );
    return count === 1;
  }

  /** A failed message back to queued, to a corrected recipient if one is given. */
  async requeue(manager: EntityManager, id: string, recipient: string | undefined): Promise<StoredMessage | undefined> {
    // An UPDATE answers [rows, count] through TypeORM.
    const [rows]: [MessageRow[], number] = await manager.query(
      `UPDATE message SET state = 'queued', recipient = coalesce($2, recipient), failure_reason = NULL, failed_at = NULL, attempts = 0, updated_at = now()
       WHERE id = $1 AND state = 'failed' RETURNING *`,
      [id, recipient ?? null],
    );
    return rows[0] && toMessage(rows[0]);
  }

  async forCase(manager: EntityManager, caseId: string): Promise<StoredMessage[]> {
    const rows: MessageRow[] = await manager.query(`SELECT * FROM message WHERE case_id = $1 ORDER BY created_at, id`, [caseId]);
    return rows.map(toMessage);
  }

  async failed(manager: EntityManager, limit: number): Promise<StoredMessage[]> {
    const rows: MessageRow[] = await manager.query(`SELECT * FROM message WHERE state = 'failed' ORDER BY failed_at DESC LIMIT $1`, [limit]);
    return rows.map(toMessage);
  }
}
