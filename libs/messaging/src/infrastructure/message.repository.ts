import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DigitalPostProgress } from '../domain/digital-post';
import type { DigitalLetter, Language, Message, MessageChannel, MessageKind, MessageState } from '../domain/message';

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
  conversation_id: string;
  letter: DigitalLetter | null;
  document_name: string | null;
  channel_status: string | null;
  handed_over_at: Date | null;
  delivered_at: Date | null;
  read_at: Date | null;
  failed_at: Date | null;
  created_at: Date;
}

/** Every column but the document itself, which only the digital-post adapter reads (see document()). */
const COLUMNS = `id, channel, kind, recipient, language, subject, body, case_id, reference, report_to, state, failure_reason, last_error, attempts,
  message_id, conversation_id, letter, document_name, channel_status, handed_over_at, delivered_at, read_at, failed_at, created_at`;

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
  /** E-mail: the Message-ID's domain. Digital post has none: its messageId is a bare UUID. */
  readonly messageIdDomain: string | null;
  readonly letter?: DigitalLetter;
  readonly document?: { readonly name: string; readonly content: Uint8Array };
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
  conversationId: row.conversation_id,
  letter: row.letter,
  documentName: row.document_name,
  channelStatus: row.channel_status,
  handedOverAt: row.handed_over_at,
  deliveredAt: row.delivered_at,
  readAt: row.read_at,
  failedAt: row.failed_at,
  createdAt: row.created_at,
});

@Injectable()
export class MessageRepository {
  /** Inserts the message unless its dedupe key exists; returns the new id, or undefined for a repeat. */
  async insert(manager: EntityManager, message: NewMessage): Promise<string | undefined> {
    const rows: Array<{ id: string }> = await manager.query(
      `WITH fresh AS (SELECT gen_random_uuid() AS id)
       INSERT INTO message (id, dedupe_key, channel, kind, recipient, language, subject, body, case_id, reference, report_to, message_id, letter, document, document_name)
       SELECT fresh.id, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, CASE WHEN $11::text IS NULL THEN fresh.id::text ELSE '<' || fresh.id || '@' || $11 || '>' END, $12::jsonb, $13, $14 FROM fresh
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [
        message.dedupeKey,
        message.channel,
        message.kind,
        message.recipient,
        message.language,
        message.subject,
        message.body,
        message.caseId,
        message.reference,
        message.reportTo,
        message.messageIdDomain,
        message.letter ? JSON.stringify(message.letter) : null,
        message.document ? Buffer.from(message.document.content) : null,
        message.document?.name ?? null,
      ],
    );
    return rows[0]?.id;
  }

  async find(manager: EntityManager, id: string): Promise<StoredMessage | undefined> {
    const rows: MessageRow[] = await manager.query(`SELECT ${COLUMNS} FROM message WHERE id = $1`, [id]);
    return rows[0] && toMessage(rows[0]);
  }

  /** The file a digital-post message carries (the letter's PDF). */
  async document(manager: EntityManager, id: string): Promise<Buffer | undefined> {
    const rows: Array<{ document: Buffer | null }> = await manager.query(`SELECT document FROM message WHERE id = $1`, [id]);
    return rows[0]?.document ?? undefined;
  }

  /**
   * Takes the message for one attempt: a queued one, or one whose previous attempt's lease ran out
   * (that sender died). Two workers never both get it: the row lock serialises the update.
   */
  async claim(manager: EntityManager, id: string, leaseMs: number, claimedBy: string): Promise<StoredMessage | undefined> {
    // An UPDATE answers [rows, count] through TypeORM.
    const [rows]: [MessageRow[], number] = await manager.query(
      `UPDATE message SET state = 'sending', lease_until = now() + make_interval(secs => $2::double precision / 1000), attempts = attempts + 1, claimed_by = $3, updated_at = now()
       WHERE id = $1 AND (state = 'queued' OR (state = 'sending' AND lease_until < now())) RETURNING ${COLUMNS}`,
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
    await manager.query(`UPDATE message SET state = 'queued', lease_until = NULL, last_error = $2, updated_at = now() WHERE id = $1 AND state = 'sending'`, [
      id,
      error.slice(0, 1000),
    ]);
  }

  async markFailed(manager: EntityManager, id: string, reason: string): Promise<boolean> {
    const [, count]: [unknown[], number] = await manager.query(
      `UPDATE message SET state = 'failed', failure_reason = $2, last_error = $2, failed_at = now(), lease_until = NULL, updated_at = now() WHERE id = $1 AND state = 'sending'`,
      [id, reason.slice(0, 1000)],
    );
    return count === 1;
  }

  /**
   * A failed message back to queued, to a corrected recipient if one is given. Digital post gets a
   * new messageId: the integration point still holds the refused one and would take the resend for a
   * repeat of it. The conversation stays the same.
   */
  async requeue(manager: EntityManager, id: string, recipient: string | undefined): Promise<StoredMessage | undefined> {
    // An UPDATE answers [rows, count] through TypeORM.
    const [rows]: [MessageRow[], number] = await manager.query(
      `UPDATE message SET state = 'queued', recipient = coalesce($2, recipient), failure_reason = NULL, failed_at = NULL, attempts = 0, updated_at = now(),
         message_id = CASE WHEN channel = 'eformidling' THEN gen_random_uuid()::text ELSE message_id END,
         channel_status = NULL, handed_over_at = NULL, delivered_at = NULL, read_at = NULL, status_checked_at = NULL
       WHERE id = $1 AND state = 'failed' RETURNING ${COLUMNS}`,
      [id, recipient ?? null],
    );
    return rows[0] && toMessage(rows[0]);
  }

  async forCase(manager: EntityManager, caseId: string): Promise<StoredMessage[]> {
    const rows: MessageRow[] = await manager.query(`SELECT ${COLUMNS} FROM message WHERE case_id = $1 ORDER BY created_at, id`, [caseId]);
    return rows.map(toMessage);
  }

  /** The messages a sender's own record sent (e.g. the digital post of one assignment letter), oldest first. */
  async forReference(manager: EntityManager, kind: MessageKind, reference: string): Promise<StoredMessage[]> {
    const rows: MessageRow[] = await manager.query(`SELECT ${COLUMNS} FROM message WHERE kind = $1 AND reference = $2 ORDER BY created_at, id`, [
      kind,
      reference,
    ]);
    return rows.map(toMessage);
  }

  async failed(manager: EntityManager, limit: number): Promise<StoredMessage[]> {
    const rows: MessageRow[] = await manager.query(`SELECT ${COLUMNS} FROM message WHERE state = 'failed' ORDER BY failed_at DESC LIMIT $1`, [limit]);
    return rows.map(toMessage);
  }

  /** Digital post handed over and not yet read or refused, the longest unchecked first. */
  async awaitingReceipt(manager: EntityManager, limit: number): Promise<StoredMessage[]> {
    const rows: MessageRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM message WHERE channel = 'eformidling' AND state IN ('handed_over', 'delivered') ORDER BY status_checked_at NULLS FIRST, handed_over_at LIMIT $1`,
      [limit],
    );
    return rows.map(toMessage);
  }

  /**
   * Records what the integration point reports. States only move forward (handed over → delivered →
   * read, or failed), so two workers polling at once, or an old answer arriving late, change nothing.
   * Returns whether the state changed.
   */
  async recordProgress(manager: EntityManager, id: string, messageId: string, progress: DigitalPostProgress): Promise<boolean> {
    const earlier: Record<DigitalPostProgress['state'], string[]> = {
      handed_over: [],
      delivered: ['handed_over'],
      read: ['handed_over', 'delivered'],
      failed: ['handed_over', 'delivered'],
    };
    const [, count]: [unknown[], number] = await manager.query(
      `UPDATE message SET state = $3, updated_at = now(), channel_status = $4,
         delivered_at = CASE WHEN $3 IN ('delivered', 'read') THEN coalesce(delivered_at, now()) ELSE delivered_at END,
         read_at = CASE WHEN $3 = 'read' THEN now() ELSE read_at END,
         failed_at = CASE WHEN $3 = 'failed' THEN now() ELSE failed_at END,
         failure_reason = CASE WHEN $3 = 'failed' THEN $5 ELSE failure_reason END,
         last_error = CASE WHEN $3 = 'failed' THEN $5 ELSE last_error END
       WHERE id = $1 AND message_id = $2 AND state = ANY($6::text[])`,
      [id, messageId, progress.state, progress.channelStatus, progress.reason?.slice(0, 1000) ?? null, earlier[progress.state]],
    );
    // The channel's own status follows the same rule: an old answer (LEVERT read before another
    // worker recorded LEST) must not write the status back once the message has moved past it.
    await manager.query(
      `UPDATE message SET status_checked_at = now(),
         channel_status = CASE WHEN state = ANY($4::text[]) THEN coalesce($3, channel_status) ELSE channel_status END
       WHERE id = $1 AND message_id = $2 AND channel = 'eformidling'`,
      [id, messageId, progress.channelStatus, [...earlier[progress.state], progress.state]],
    );
    return count === 1;
  }
}
