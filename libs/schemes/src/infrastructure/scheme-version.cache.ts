import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { AppConfig } from '@imdi/platform';
import { Client } from 'pg';
import type { SchemeVersion } from '../domain/scheme-version';

const RECONNECT_MS = 1000;

/**
 * Committed scheme versions kept in memory for hot reads, dropped whenever any version or rate
 * changes (NOTIFY scheme_catalogue_changed, sent on commit by triggers). While the listening
 * connection is down nothing is cached, so a change can never be missed: every read goes to the
 * database until the listener is back.
 */
@Injectable()
export class SchemeVersionCache implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(SchemeVersionCache.name);
  private readonly versions = new Map<string, SchemeVersion>();
  private listener?: Client;
  private listening = false;
  /** Moves on every invalidation, so a read that started before a change does not store its stale result. */
  private generation = 0;
  private stopped = false;
  private reconnectTimer?: NodeJS.Timeout;

  constructor(private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    await this.listen();
  }

  async get(schemeCode: string, budgetYear: number, load: () => Promise<SchemeVersion | undefined>): Promise<SchemeVersion | undefined> {
    const key = `${schemeCode}/${budgetYear}`;
    const cached = this.listening ? this.versions.get(key) : undefined;
    if (cached) return cached;
    const generation = this.generation;
    const version = await load();
    if (version && this.listening && generation === this.generation) this.versions.set(key, version);
    return version;
  }

  /** Also called by this process's own writers, so their next read sees the change without waiting for the notification. */
  invalidate(): void {
    this.generation++;
    this.versions.clear();
  }

  private async listen(): Promise<void> {
    const listener = new Client({ connectionString: this.config.DATABASE_URL, application_name: 'imdi-tilskudd scheme cache' });
    const lost = (reason: string) => {
      if (this.listener !== listener) return;
      this.listening = false;
      this.listener = undefined;
      this.invalidate();
      listener.end().catch(() => undefined);
      if (this.stopped) return;
      this.logger.warn(`scheme cache off until the listener reconnects: ${reason}`);
      this.reconnectTimer = setTimeout(() => void this.listen(), RECONNECT_MS);
    };
    this.listener = listener;
    listener.on('error', (error) => lost(error.message));
    listener.on('end', () => lost('connection ended'));
    listener.on('notification', () => this.invalidate());
    try {
      await listener.connect();
      await listener.query('LISTEN scheme_catalogue_changed');
      this.invalidate();
      this.listening = true;
    } catch (error) {
      lost(error instanceof Error ? error.message : String(error));
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    const listener = this.listener;
    this.listening = false;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
  }
}
