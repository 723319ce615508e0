import { Injectable } from '@nestjs/common';
import type { Principal } from '@imdi/auth';
import { CaseError, CaseLifecycle, type CaseFile } from '@imdi/cases';
import { ApplicationLookup, OrganisationDirectory, type ApplicationRecord, type Organisation } from '@imdi/intake';
import { SchemeCatalogueQuery, schemeDefinition, type SchemeDefinition, type SchemeVersion } from '@imdi/schemes';
import type { EntityManager } from 'typeorm';

export interface CaseContext {
  readonly file: CaseFile;
  readonly application: ApplicationRecord;
  readonly organisation: Organisation;
  readonly version: SchemeVersion;
  readonly definition: SchemeDefinition;
}

/** Everything a casework step needs about one case, loaded with the case row locked. */
@Injectable()
export class CaseworkContext {
  constructor(
    private readonly cases: CaseLifecycle,
    private readonly applications: ApplicationLookup,
    private readonly organisations: OrganisationDirectory,
    private readonly catalogue: SchemeCatalogueQuery,
  ) {}

  async load(manager: EntityManager, caseId: string): Promise<CaseContext> {
    const file = await this.cases.lockCase(manager, caseId);
    const application = (await this.applications.find(manager, caseId, null))!;
    const organisation = (await this.organisations.findById(manager, application.organisationId))!;
    const version = await this.catalogue.version(file.schemeCode, file.budgetYear, manager);
    return { file, application, organisation, version, definition: schemeDefinition(file.schemeCode)! };
  }

  /**
   * The same, for the recipient's side: a case of an organisation the caller does not act for answers
   * exactly as a case that does not exist, and is not locked, so its existence does not leak.
   */
  async loadForRecipient(manager: EntityManager, caseId: string, principal: Principal): Promise<CaseContext> {
    if (!(await this.applications.find(manager, caseId, principal.organisationNumbers))) {
      throw new CaseError('CASE_NOT_FOUND', `Fant ingen sak med id ${caseId} som du har tilgang til.`, { caseId });
    }
    return this.load(manager, caseId);
  }
}
