import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig, auditChainKey } from '@imdi/platform';
import { DataSource } from 'typeorm';
import { sealAuditTrail, type SealResult } from './audit-seal';

/** How often the worker seals new audit entries: the window in which a superuser's rewrite could go unsealed. */
const SEAL_EVERY_MS = 60_000;

/**
 * The worker seals committed audit entries on a schedule and logs the newest seal (the anchor), so a
 * copy of the chain's state lives where the database cannot rewrite it.
 */
@Injectable()
export class AuditSealSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AuditSealSchedule.name);
  private readonly key: Buffer;
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    this.key = auditChainKey(config);
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sealNow().catch((error: Error) => this.logger.warn(`audit sealing: ${error.message}`)), SEAL_EVERY_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  async sealNow(): Promise<SealResult> {
    const run = sealAuditTrail(this.dataSource, this.key);
    this.running = run;
    const result = await run;
    if (result.sealed > 0) this.logger.log(`audit anchor: sealed ${result.sealed} entries, through entry ${result.through}, seal ${result.anchor}`);
    return result;
  }
}
