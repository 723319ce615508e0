import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@imdi/platform';
import { Client } from 'pg';
import { listenForOutboxMessages } from './infrastructure/outbox-messages';
import { OutboxRelay } from './outbox.relay';

/**
 * Keeps the outbox drained in the worker: woken at once by NOTIFY on commit, and by a poll as a
 * safety net for notifications lost while disconnected.
 */
@Injectable()
export class OutboxRelayRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelayRunner.name);
  private listener?: Client;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;

  constructor(
    private readonly relay: OutboxRelay,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.listener = new Client({ connectionString: this.config.DATABASE_URL });
    this.listener.on('error', (error) => this.logger.warn(`outbox listener: ${error.message}`));
    await this.listener.connect();
    this.listener.on('notification', () => this.kick());
    await listenForOutboxMessages(this.listener);
    this.timer = setInterval(() => this.kick(), this.config.OUTBOX_POLL_MS);
    this.kick();
  }

  /** Coalesces wake-ups: at most one drain runs, and one more follows if woken meanwhile. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.relay
      .drain()
      .then((count) => {
        if (count > 0) this.logger.debug(`relayed ${count} outbox messages`);
      })
      .catch((error: unknown) => this.logger.error(`outbox relay failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
    await this.listener?.end().catch(() => undefined);
  }
}
