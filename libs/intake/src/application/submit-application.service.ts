import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@imdi/audit';
import type { Principal } from '@imdi/auth';
import { CaseLifecycle } from '@imdi/cases';
import { Clock } from '@imdi/kernel';
import { OutboxWriter } from '@imdi/outbox';
import { acceptsApplications, SchemeCatalogueQuery, schemeDefinition, windowStatus } from '@imdi/schemes';
import { DataSource, type EntityManager } from 'typeorm';
import { validateSchemeForm } from '../domain/form-validation';
import { IntakeError } from '../domain/intake.errors';
import { ApplicationRepository } from '../infrastructure/application.repository';
import { OrganisationRepository } from '../infrastructure/organisation.repository';
import { assertMayApply, deadlinePassed, formInvalid } from './drafts.service';
import { ISSUE_RECEIPT } from './intake.jobs';

export interface SubmissionResult {
  readonly applicationId: string;
  readonly caseNumber: string;
  readonly status: string;
  readonly receivedAt: string;
  readonly requestedNok: string | null;
}

/**
 * Submits a draft. The Idempotency-Key makes retries safe: the same key returns the first result
 * and never opens a second case. The deadline is checked to the second in Oslo time.
 */
@Injectable()
export class SubmitApplication {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationRepository,
    private readonly organisations: OrganisationRepository,
    private readonly catalogue: SchemeCatalogueQuery,
    private readonly cases: CaseLifecycle,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async execute(applicationId: string, idempotencyKey: string | undefined, principal: Principal): Promise<SubmissionResult> {
    if (!idempotencyKey || !/^[A-Za-z0-9._:-]{8,200}$/.test(idempotencyKey)) {
      throw new IntakeError('IDEMPOTENCY_KEY_REQUIRED', 'Send an Idempotency-Key header (8–200 letters, digits, . _ : -) so a retried submit cannot create a second case', {}, 'Idempotency-Key');
    }
    const receivedAt = this.clock.now();
    return this.dataSource.transaction('READ COMMITTED', async (manager) => {
      const application = await this.applications.find(manager, applicationId, principal.organisationNumbers);
      if (!application) throw new IntakeError('APPLICATION_NOT_FOUND', `There is no application ${applicationId} you can see`, {}, 'id');
      if (!(await this.applications.claimIdempotencyKey(manager, application.organisationId, idempotencyKey, applicationId))) {
        return this.replay(manager, application.organisationId, idempotencyKey, applicationId);
      }
      const file = await this.cases.lockCase(manager, applicationId);
      if (file.status !== 'draft') throw new IntakeError('NOT_A_DRAFT', `The application has already been ${file.status}`, { currentStatus: file.status, caseNumber: file.caseNumber });

      const version = await this.catalogue.version(application.schemeCode, application.budgetYear, manager);
      if (!acceptsApplications(version, receivedAt)) {
        if (windowStatus(version, receivedAt) === 'closed') throw deadlinePassed(version);
        throw new IntakeError('APPLICATION_WINDOW_NOT_OPEN', `${version.name.nb} opens for applications ${version.window?.opensAt.toISOString()}`, {});
      }
      const organisation = (await this.organisations.findById(manager, application.organisationId))!;
      assertMayApply(version, organisation);
      const definition = schemeDefinition(application.schemeCode)!;
      const { form, problems } = await validateSchemeForm(definition, application.form, 'submission');
      if (problems.length > 0) throw formInvalid(problems);
      const eligibility = definition.checkEligibility({ organisationNumber: organisation.organisationNumber, name: organisation.name, type: organisation.kind, municipalityNumber: organisation.municipalityNumber ?? undefined }, form);
      if (eligibility.length > 0) {
        throw new IntakeError('NOT_ELIGIBLE', eligibility.map((problem) => problem.message).join(' '), { errors: eligibility.map((problem) => ({ ...problem, field: `form.${problem.field}` })) });
      }
      const requested = definition.requestedAmount(form);
      await this.applications.markSubmitted(manager, applicationId, receivedAt, principal.userId, requested);
      await this.outbox.add(manager, ISSUE_RECEIPT, { applicationId });
      // Last: the case-number counter and the audit chain are locked until commit.
      const submitted = await this.cases.transition(manager, applicationId, 'submit', principal, { at: receivedAt, details: { requestedNok: requested?.toDecimalString() ?? null } });
      return {
        applicationId,
        caseNumber: submitted.caseNumber!,
        status: submitted.status,
        receivedAt: receivedAt.toISOString(),
        requestedNok: requested?.toDecimalString() ?? null,
      };
    });
  }

  private async replay(manager: EntityManager, organisationId: string, key: string, applicationId: string): Promise<SubmissionResult> {
    const firstApplicationId = await this.applications.findIdempotentSubmission(manager, organisationId, key);
    if (firstApplicationId !== applicationId) {
      throw new IntakeError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for another application; use a new key for each submission', {}, 'Idempotency-Key');
    }
    const file = await this.cases.find(manager, applicationId);
    const application = await this.applications.find(manager, applicationId, null);
    return {
      applicationId,
      caseNumber: file!.caseNumber!,
      status: file!.status,
      receivedAt: application!.submittedAt!.toISOString(),
      requestedNok: application!.requested?.toDecimalString() ?? null,
    };
  }
}
