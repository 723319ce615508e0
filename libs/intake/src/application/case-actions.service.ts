import { Injectable } from '@nestjs/common';
import type { Principal } from '@imdi/auth';
import { CaseLifecycle, type CaseFile } from '@imdi/cases';
import { DataSource } from 'typeorm';
import { IntakeError } from '../domain/intake.errors';
import { ApplicationRepository } from '../infrastructure/application.repository';
import { STAFF_SCOPE } from './applicant-scope';

/** Withdrawal by the applicant, and formal rejection (avvisning) by a caseworker. */
@Injectable()
export class ApplicationCaseActions {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationRepository,
    private readonly cases: CaseLifecycle,
  ) {}

  withdraw(applicationId: string, reason: string | undefined, principal: Principal): Promise<CaseFile> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.applications.find(manager, applicationId, principal.organisationNumbers))) throw notFound(applicationId);
      return this.cases.transition(manager, applicationId, 'withdraw', principal, { reason: reason ?? 'withdrawn by the applicant' });
    });
  }

  /** fvl. § 24–25: a formal rejection (late, ineligible) states its reasons. */
  rejectFormally(applicationId: string, reason: string, legalBasis: string, principal: Principal): Promise<CaseFile> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.applications.find(manager, applicationId, STAFF_SCOPE))) throw notFound(applicationId);
      return this.cases.transition(manager, applicationId, 'rejectFormally', principal, { reason, details: { legalBasis } });
    });
  }
}

function notFound(applicationId: string): IntakeError {
  return new IntakeError('APPLICATION_NOT_FOUND', `Fant ingen søknad med id ${applicationId} som du har tilgang til.`, {}, 'id');
}
