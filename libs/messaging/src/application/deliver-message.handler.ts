import { hostname } from 'node:os';
import { Injectable, Logger } from '@nestjs/common';
import { HandlesJob, type JobContext, type JobHandler } from '@imdi/platform';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { MessageRepository } from '../infrastructure/message.repository';
import { MessageTransport } from '../infrastructure/message.transport';
import { MessageStatusReporter } from './message-status.reporter';
import { DELIVER_MESSAGE } from './messaging.jobs';

/** Longer than any one attempt can take (SMTP's timeouts; eFormidling's five calls of at most 20 s), so a live sender never loses it. */
export const SEND_LEASE_MS = 120_000;

/** Which process made the last attempt, for people tracing a message (and tests with several workers). */
const SENDER = `${hostname()}:${process.pid}`;

/**
 * Claim, send, mark. The claim (queued → sending with a lease) is committed before the message
 * leaves, so two workers, or a retry racing a stalled job, never send it at the same time.
 *
 * The one window left is a crash after the server's 250 and before `handed_over` is committed:
 * SMTP has no way to ask a server whether it holds a message, so after the lease runs out the
 * message is sent again, with the same Message-ID, and the receiver can drop the repeat. We chose
 * that over marking first and sending after, which would lose a message on a crash instead.
 * Digital post closes that window: the integration point knows the messageId, answers a repeated
 * create with "already exists", and its statuses tell whether the earlier attempt also sent it
 * (see EformidlingTransport).
 */
@Injectable()
@HandlesJob(DELIVER_MESSAGE)
export class DeliverMessageHandler implements JobHandler<{ messageId: string }> {
  private readonly logger = new Logger(DeliverMessageHandler.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: MessageRepository,
    private readonly transport: MessageTransport,
    private readonly reporter: MessageStatusReporter,
  ) {}

  async handle(payload: { messageId: string }, context: JobContext): Promise<void> {
    const message = await this.repository.claim(this.dataSource.manager, payload.messageId, SEND_LEASE_MS, SENDER);
    if (!message) {
      const current = await this.repository.find(this.dataSource.manager, payload.messageId);
      if (!current || current.state !== 'sending') return;
      throw new Error(`message ${payload.messageId} is being sent by another attempt; trying again after its lease`);
    }
    const outcome = await this.transport.send(message);
    if (outcome.kind === 'handed_over') {
      await this.dataSource.transaction(async (manager) => {
        if (await this.repository.markHandedOver(manager, message.id, outcome.response)) await this.reporter.report(manager, message, 'handed_over');
      });
      return;
    }
    const lastAttempt = context.attempt >= (context.maxAttempts ?? 1);
    if (outcome.kind === 'temporary' && !lastAttempt) {
      await this.repository.release(this.dataSource.manager, message.id, outcome.reason);
      throw new Error(`message ${message.id} not handed over (attempt ${context.attempt}): ${outcome.reason}`);
    }
    const reason = outcome.kind === 'permanent' ? outcome.reason : `ga opp etter ${context.attempt} forsøk: ${outcome.reason}`;
    await this.dataSource.transaction(async (manager) => {
      if (await this.repository.markFailed(manager, message.id, reason)) await this.reporter.report(manager, message, 'failed', reason);
    });
    this.logger.warn(`message ${message.id} (${message.kind}) failed for good: ${reason}`);
    throw new UnrecoverableError(reason);
  }
}
