import { Injectable } from '@nestjs/common';
import { AuditTrail, type AuditActor } from '@imdi/audit';
import { Money } from '@imdi/kernel';
import { DataSource } from 'typeorm';
import { SchemeError } from '../domain/scheme.errors';
import { SchemeVersionCache } from '../infrastructure/scheme-version.cache';
import { SchemeVersionRepository } from '../infrastructure/scheme-version.repository';
import { auditSchemeChange, lockUnfrozenVersion } from './scheme-version.admin';

/**
 * Rates start provisional; an admin sets the year's figure and confirms it. A payout run refuses
 * any rate not yet confirmed. A changed amount must be confirmed again.
 */
@Injectable()
export class ManageRates {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: SchemeVersionRepository,
    private readonly cache: SchemeVersionCache,
    private readonly audit: AuditTrail,
  ) {}

  async setAmount(code: string, budgetYear: number, rateCode: string, amount: Money, source: string, actor: AuditActor): Promise<void> {
    await this.dataSource
      .transaction(async (manager) => {
        const version = await lockUnfrozenVersion(this.repository, manager, code, budgetYear);
        if (!(await this.repository.setRateAmount(manager, version.id, rateCode, amount, source))) throw rateNotFound(code, budgetYear, rateCode);
        await auditSchemeChange(this.audit, manager, actor, 'scheme.rate-set', version, { rate: rateCode, amountNok: amount.toDecimalString(), source });
      })
      .finally(() => this.cache.invalidate());
  }

  async confirm(code: string, budgetYear: number, rateCode: string, actor: AuditActor): Promise<void> {
    await this.dataSource
      .transaction(async (manager) => {
        const version = await this.repository.find(manager, code, budgetYear, true);
        if (!version) throw new SchemeError('SCHEME_VERSION_NOT_FOUND', `Ordningen ${code} har ingen data for ${budgetYear}.`, { code, budgetYear });
        if (!(await this.repository.confirmRate(manager, version.id, rateCode, actor.userId))) throw rateNotFound(code, budgetYear, rateCode);
        await auditSchemeChange(this.audit, manager, actor, 'scheme.rate-confirmed', version, { rate: rateCode });
      })
      .finally(() => this.cache.invalidate());
  }
}

function rateNotFound(code: string, budgetYear: number, rateCode: string): SchemeError {
  return new SchemeError('RATE_NOT_FOUND', `Ordningen ${code} ${budgetYear} har ingen sats «${rateCode}».`, { code, budgetYear, rate: rateCode }, 'rateCode');
}
