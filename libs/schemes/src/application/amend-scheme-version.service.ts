import { Injectable } from '@nestjs/common';
import { AuditTrail, type AuditActor } from '@imdi/audit';
import { Clock, osloDateTime, osloLocalToInstant } from '@imdi/kernel';
import { DataSource } from 'typeorm';
import { SchemeError } from '../domain/scheme.errors';
import type { ApplicantType, LocalisedText } from '../domain/scheme-terms';
import { narrowedApplicantTypes, windowHasOpened, type ApplicationWindow } from '../domain/scheme-version';
import { SchemeVersionCache } from '../infrastructure/scheme-version.cache';
import { SchemeVersionRepository } from '../infrastructure/scheme-version.repository';
import { auditSchemeChange, lockUnfrozenVersion } from './scheme-version.admin';

export interface SchemeVersionAmendment {
  readonly name?: LocalisedText;
  readonly applicantTypes?: readonly ApplicantType[];
  readonly earmarkCodes?: readonly string[];
  /** Oslo local date-times; null makes claims continuous. */
  readonly window?: { readonly opens: string; readonly deadline: string } | null;
  readonly purpose?: LocalisedText;
  readonly legalBasis?: string;
  readonly notes?: string | null;
}

function osloWindow(window: ApplicationWindow | null): { opens: string; deadline: string } | null {
  return window ? { opens: osloDateTime(window.opensAt), deadline: osloDateTime(window.deadlineAt) } : null;
}

/** An admin changes a year's terms, as long as no decision has used them. */
@Injectable()
export class AmendSchemeVersion {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: SchemeVersionRepository,
    private readonly cache: SchemeVersionCache,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async execute(code: string, budgetYear: number, amendment: SchemeVersionAmendment, actor: AuditActor): Promise<void> {
    await this.dataSource
      .transaction(async (manager) => {
        const version = await lockUnfrozenVersion(this.repository, manager, code, budgetYear);
        const removed = amendment.applicantTypes ? narrowedApplicantTypes(version.applicantTypes, amendment.applicantTypes) : [];
        if (removed.length > 0 && windowHasOpened(version, this.clock.now())) {
          throw new SchemeError(
            'SCHEME_WINDOW_OPENED',
            `Søknadsvinduet for ${code} ${budgetYear} har åpnet, så kretsen av søkere kan ikke lenger snevres inn (${removed.join(', ')} kan ikke fjernes). Den kan bare utvides.`,
            { code, budgetYear, removed },
            'applicantTypes',
          );
        }
        const window =
          amendment.window === undefined
            ? version.window
            : amendment.window === null
              ? null
              : {
                  opensAt: osloLocalToInstant(amendment.window.opens, 'window.opens'),
                  deadlineAt: osloLocalToInstant(amendment.window.deadline, 'window.deadline'),
                };
        if (window && window.deadlineAt <= window.opensAt) {
          throw new SchemeError('SCHEME_DATA_INVALID', 'Søknadsfristen må komme etter at ordningen åpner.', {}, 'window.deadline');
        }
        const terms = {
          name: amendment.name ?? version.name,
          applicantTypes: amendment.applicantTypes ?? version.applicantTypes,
          earmarkCodes: amendment.earmarkCodes ?? version.earmarkCodes,
          window,
          purpose: amendment.purpose ?? version.purpose,
          legalBasis: amendment.legalBasis ?? version.legalBasis,
          notes: amendment.notes === undefined ? version.notes : amendment.notes,
        };
        await this.repository.updateTerms(manager, version.id, terms);
        const previous = Object.fromEntries(
          Object.keys(amendment).map((key) => [key, key === 'window' ? osloWindow(version.window) : version[key as keyof typeof amendment]]),
        );
        await auditSchemeChange(this.audit, manager, actor, 'scheme.version-amended', version, { ...amendment }, previous);
      })
      .finally(() => this.cache.invalidate());
  }
}
