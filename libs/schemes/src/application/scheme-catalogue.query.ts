import { Injectable } from '@nestjs/common';
import { Clock } from '@imdi/kernel';
import { DataSource, type EntityManager } from 'typeorm';
import { SCHEME_DEFINITIONS, schemeDefinition } from '../catalogue/scheme-catalogue';
import { SchemeError } from '../domain/scheme.errors';
import { acceptsApplications, type SchemeVersion } from '../domain/scheme-version';
import { SchemeVersionCache } from '../infrastructure/scheme-version.cache';
import { SchemeVersionRepository } from '../infrastructure/scheme-version.repository';
import { toSchemeView, type SchemeView } from './scheme-view';

/** The public catalogue: every scheme of a year, with its window and the schema of its form. */
@Injectable()
export class SchemeCatalogueQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: SchemeVersionRepository,
    private readonly cache: SchemeVersionCache,
    private readonly clock: Clock,
  ) {}

  async list(options: { budgetYear?: number; openOnly?: boolean }): Promise<SchemeView[]> {
    const year = options.budgetYear ?? (await this.repository.latestYear(this.dataSource.manager));
    if (year === undefined) return [];
    const now = this.clock.now();
    const order = SCHEME_DEFINITIONS.map((definition) => definition.code);
    return (await this.repository.listYear(this.dataSource.manager, year))
      .filter((version) => !options.openOnly || acceptsApplications(version, now))
      .sort((a, b) => order.indexOf(a.schemeCode) - order.indexOf(b.schemeCode))
      .map((version) => toSchemeView(version, this.definitionOf(version), now));
  }

  async get(code: string, budgetYear?: number): Promise<SchemeView> {
    const version = await this.version(code, budgetYear);
    return toSchemeView(version, this.definitionOf(version), this.clock.now());
  }

  /** Pass the caller's transaction manager when inside one: a second pooled connection could deadlock the pool. */
  async version(code: string, budgetYear?: number, manager: EntityManager = this.dataSource.manager): Promise<SchemeVersion> {
    if (!schemeDefinition(code)) throw new SchemeError('SCHEME_NOT_FOUND', `Fant ingen ordning med koden ${code}.`, { code });
    const year = budgetYear ?? (await this.repository.latestYear(manager));
    const version = year === undefined ? undefined : await this.repository.find(manager, code, year);
    if (!version) throw new SchemeError('SCHEME_VERSION_NOT_FOUND', `Ordningen ${code} har ingen data for ${year ?? 'noe år'}.`, { code, budgetYear: year });
    return version;
  }

  /**
   * The committed version, from memory when it has not changed since it was last read (see
   * SchemeVersionCache): for hot paths outside a transaction, such as checking a submission.
   * Inside a transaction that may have changed the version, use `version` with its manager.
   */
  async committedVersion(code: string, budgetYear: number): Promise<SchemeVersion> {
    if (!schemeDefinition(code)) throw new SchemeError('SCHEME_NOT_FOUND', `Fant ingen ordning med koden ${code}.`, { code });
    const version = await this.cache.get(code, budgetYear, () => this.repository.find(this.dataSource.manager, code, budgetYear));
    if (!version) throw new SchemeError('SCHEME_VERSION_NOT_FOUND', `Ordningen ${code} har ingen data for ${budgetYear}.`, { code, budgetYear });
    return version;
  }

  private definitionOf(version: SchemeVersion) {
    const definition = schemeDefinition(version.schemeCode);
    if (!definition) throw new SchemeError('SCHEME_NOT_FOUND', `Fant ingen ordning med koden ${version.schemeCode}.`, { code: version.schemeCode });
    return definition;
  }
}
