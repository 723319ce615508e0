import { Injectable } from '@nestjs/common';
import { AuditTrail, type AuditActor } from '@imdi/audit';
import { osloDateTime, osloLocalToInstant } from '@imdi/kernel';
import { DataSource } from 'typeorm';
import { SchemeError } from '../domain/scheme.errors';
import { SchemeVersionCache } from '../infrastructure/scheme-version.cache';
import { SchemeVersionRepository } from '../infrastructure/scheme-version.repository';

/**
 * Starts next year's data from this year's: same terms, the window a year later, every rate copied
 * as provisional and unconfirmed until an admin sets and confirms the new year's figure.
 */
@Injectable()
export class CreateNextYearVersion {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: SchemeVersionRepository,
    private readonly cache: SchemeVersionCache,
    private readonly audit: AuditTrail,
  ) {}

  async execute(code: string, fromYear: number, actor: AuditActor): Promise<{ code: string; budgetYear: number }> {
    return this.dataSource
      .transaction(async (manager) => {
        const source = await this.repository.find(manager, code, fromYear);
        if (!source) throw new SchemeError('SCHEME_VERSION_NOT_FOUND', `Ordningen ${code} har ingen data for ${fromYear}.`, { code, budgetYear: fromYear });
        const nextYear = (instant: Date) => {
          const local = osloDateTime(instant);
          return osloLocalToInstant(`${Number(local.slice(0, 4)) + 1}${local.slice(4)}`);
        };
        const exists = () =>
          new SchemeError('SCHEME_VERSION_EXISTS', `Ordningen ${code} har allerede data for ${fromYear + 1}.`, { code, budgetYear: fromYear + 1 });
        if (await this.repository.find(manager, code, fromYear + 1)) throw exists();
        const id = await this.repository.insert(manager, {
          ...source,
          budgetYear: fromYear + 1,
          window: source.window ? { opensAt: nextYear(source.window.opensAt), deadlineAt: nextYear(source.window.deadlineAt) } : null,
          notes: `Created from ${fromYear}. ${source.notes ?? ''}`.trim(),
          rates: source.rates.map((rate) => ({ ...rate, provisional: true, source: `copied from ${fromYear} (${rate.source})` })),
        });
        // Another admin's copy committed between our look and our insert.
        if (!id) throw exists();
        await this.audit.record(manager, {
          actor,
          action: 'scheme.version-created',
          entityType: 'scheme_version',
          entityId: id,
          after: { code, budgetYear: fromYear + 1, copiedFrom: fromYear },
        });
        return { code, budgetYear: fromYear + 1 };
      })
      .finally(() => this.cache.invalidate());
  }
}
