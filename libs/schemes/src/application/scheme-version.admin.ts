import { AuditTrail, type AuditActor } from '@imdi/audit';
import type { EntityManager } from 'typeorm';
import { SchemeError } from '../domain/scheme.errors';
import type { SchemeVersion } from '../domain/scheme-version';
import { SchemeVersionRepository } from '../infrastructure/scheme-version.repository';

/** Loads a version for change under a row lock, refusing a frozen one. */
export async function lockUnfrozenVersion(
  repository: SchemeVersionRepository,
  manager: EntityManager,
  code: string,
  budgetYear: number,
): Promise<SchemeVersion> {
  const version = await repository.find(manager, code, budgetYear, true);
  if (!version) throw new SchemeError('SCHEME_VERSION_NOT_FOUND', `Ordningen ${code} har ingen data for ${budgetYear}.`, { code, budgetYear });
  if (version.frozenAt) {
    throw new SchemeError(
      'SCHEME_VERSION_FROZEN',
      `Ordningen ${code} ${budgetYear} er brukt i et vedtak og kan ikke lenger endres. Lag neste års versjon i stedet.`,
      {
        code,
        budgetYear,
        frozenAt: version.frozenAt.toISOString(),
      },
    );
  }
  return version;
}

export async function auditSchemeChange(
  audit: AuditTrail,
  manager: EntityManager,
  actor: AuditActor,
  action: string,
  before: SchemeVersion,
  after: object,
  previous: object = {},
): Promise<void> {
  await audit.record(manager, {
    actor,
    action,
    entityType: 'scheme_version',
    entityId: before.id,
    before: { code: before.schemeCode, budgetYear: before.budgetYear, ...previous },
    after,
  });
}
