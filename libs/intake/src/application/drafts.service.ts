import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@imdi/audit';
import type { Principal } from '@imdi/auth';
import { CaseLifecycle } from '@imdi/cases';
import { Clock, formatOsloDateTime } from '@imdi/kernel';
import { budgetYearClosed, SchemeCatalogueQuery, schemeDefinition, windowStatus, type SchemeVersion } from '@imdi/schemes';
import { DataSource, type EntityManager } from 'typeorm';
import { validateSchemeForm } from '../domain/form-validation';
import { IntakeError } from '../domain/intake.errors';
import { ApplicationRepository, type ApplicationRecord } from '../infrastructure/application.repository';
import { OrganisationRepository, type Organisation } from '../infrastructure/organisation.repository';

export interface NewDraft {
  readonly organisationNumber: string;
  readonly schemeCode: string;
  readonly budgetYear?: number;
  readonly form?: Record<string, unknown>;
}

/** Drafts: created for a scheme the organisation may apply to, saved as often as the applicant likes. */
@Injectable()
export class Drafts {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organisations: OrganisationRepository,
    private readonly applications: ApplicationRepository,
    private readonly catalogue: SchemeCatalogueQuery,
    private readonly cases: CaseLifecycle,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async create(draft: NewDraft, principal: Principal): Promise<{ id: string }> {
    const organisation = await this.organisationFor(this.dataSource.manager, draft.organisationNumber, principal);
    const version = await this.catalogue.version(draft.schemeCode, draft.budgetYear);
    assertMayApply(version, organisation);
    if (budgetYearClosed(version, this.clock.now())) throw yearClosed(version);
    if (windowStatus(version, this.clock.now()) === 'closed') throw deadlinePassed(version);
    const definition = schemeDefinition(version.schemeCode)!;
    const { problems } = await validateSchemeForm(definition, draft.form ?? {}, 'draft');
    if (problems.length > 0) throw formInvalid(problems);
    const id = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      await this.applications.insert(manager, {
        id,
        organisationId: organisation.id,
        schemeCode: version.schemeCode,
        budgetYear: version.budgetYear,
        schemeVersionId: version.id,
        form: draft.form ?? {},
        createdBy: principal.userId,
      });
      await this.cases.open(
        manager,
        { id, schemeCode: version.schemeCode, budgetYear: version.budgetYear, schemeKind: version.kind, organisationNumber: organisation.organisationNumber },
        principal,
      );
    });
    return { id };
  }

  async save(id: string, form: Record<string, unknown>, principal: Principal): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const application = await this.lockDraft(manager, id, principal);
      const { problems } = await validateSchemeForm(schemeDefinition(application.schemeCode)!, form, 'draft');
      if (problems.length > 0) throw formInvalid(problems);
      await this.applications.saveForm(manager, id, form);
      await this.audit.record(manager, {
        actor: principal,
        action: 'application.draft-saved',
        entityType: 'case',
        entityId: id,
        after: { fields: Object.keys(form) },
      });
    });
  }

  /** The application, locked, if the caller may change it and it is still a draft. */
  async lockDraft(manager: EntityManager, id: string, principal: Principal): Promise<ApplicationRecord> {
    const application = await this.applications.find(manager, id, principal.organisationNumbers, true);
    if (!application) throw new IntakeError('APPLICATION_NOT_FOUND', `Fant ingen søknad med id ${id} som du har tilgang til.`, {}, 'id');
    const file = await this.cases.lockCase(manager, id);
    if (file.status !== 'draft')
      throw new IntakeError('NOT_A_DRAFT', `Søknaden har status «${file.status}» og kan ikke lenger endres.`, { currentStatus: file.status });
    return application;
  }

  async organisationFor(manager: EntityManager, organisationNumber: string, principal: Principal): Promise<Organisation> {
    const organisation = principal.organisationNumbers.includes(organisationNumber)
      ? await this.organisations.findByNumber(manager, organisationNumber)
      : undefined;
    if (!organisation) {
      throw new IntakeError(
        'ORGANISATION_NOT_FOUND',
        `Organisasjonsnummer ${organisationNumber} er ikke registrert for deg. Registrer organisasjonen først.`,
        {},
        'organisationNumber',
      );
    }
    return organisation;
  }
}

export function assertMayApply(version: SchemeVersion, organisation: Organisation): void {
  if (!version.applicantTypes.includes(organisation.kind)) {
    throw new IntakeError(
      'NOT_ELIGIBLE',
      `${version.name.nb} er åpen for ${version.applicantTypes.join(', ')}; ${organisation.name} er registrert som ${organisation.kind}.`,
      { allowed: version.applicantTypes },
      'organisationNumber',
    );
  }
}

export function deadlinePassed(version: SchemeVersion): IntakeError {
  const deadline = version.window ? ` gikk ut ${formatOsloDateTime(version.window.deadlineAt, true)}` : ' har gått ut';
  return new IntakeError(
    'DEADLINE_PASSED',
    `Søknadsfristen for ${version.name.nb} ${version.budgetYear}${deadline}. Søknaden kan ikke opprettes eller sendes inn; se etter ordningen for et senere budsjettår.`,
    {
      deadline: version.window?.deadlineAt.toISOString(),
    },
  );
}

/** Also for continuous (rettighet) schemes: the year's money and round are closed once the year is over. */
export function yearClosed(version: SchemeVersion): IntakeError {
  return new IntakeError(
    'BUDGET_YEAR_CLOSED',
    `Budsjettåret ${version.budgetYear} er avsluttet, og ${version.name.nb} ${version.budgetYear} tar ikke imot nye søknader. Søk på ordningen for inneværende budsjettår.`,
    { budgetYear: version.budgetYear },
    'budgetYear',
  );
}

export function formInvalid(problems: ReadonlyArray<{ field: string; rule: string; message: string }>): IntakeError {
  return new IntakeError('FORM_INVALID', `Skjemaet har ${problems.length} ${problems.length === 1 ? 'feil' : 'feil'}. Rett feltene som er merket.`, {
    errors: problems,
  });
}
