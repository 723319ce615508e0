import { Injectable } from '@nestjs/common';
import { CaseLifecycle, type CaseFile } from '@imdi/cases';
import { ApplicationRepository, OrganisationRepository, type ApplicationRecord, type Organisation } from '@imdi/intake';
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
    private readonly applications: ApplicationRepository,
    private readonly organisations: OrganisationRepository,
    private readonly catalogue: SchemeCatalogueQuery,
  ) {}

  async load(manager: EntityManager, caseId: string): Promise<CaseContext> {
    const file = await this.cases.lockCase(manager, caseId);
    const application = (await this.applications.find(manager, caseId, null))!;
    const organisation = (await this.organisations.findById(manager, application.organisationId))!;
    const version = await this.catalogue.version(file.schemeCode, file.budgetYear, manager);
    return { file, application, organisation, version, definition: schemeDefinition(file.schemeCode)! };
  }
}
