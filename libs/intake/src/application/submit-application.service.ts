import { Injectable } from '@nestjs/common';
import type { Principal } from '@imdi/auth';
import { CaseLifecycle, type CaseStatus } from '@imdi/cases';
import { Clock, formatOsloDateTime, osloParts, type Money } from '@imdi/kernel';
import { Batcher } from '@imdi/platform';
import { acceptsApplications, budgetYearClosed, SchemeCatalogueQuery, schemeDefinition, windowStatus } from '@imdi/schemes';
import { DataSource, type EntityManager } from 'typeorm';
import { validateSchemeForm } from '../domain/form-validation';
import { IntakeError } from '../domain/intake.errors';
import { ApplicationRepository, type SubmissionCandidate, type SubmissionLookup } from '../infrastructure/application.repository';
import { assertMayApply, deadlinePassed, formInvalid, yearClosed } from './drafts.service';
import { ISSUE_RECEIPT } from './intake.jobs';

export interface SubmissionResult {
  readonly applicationId: string;
  readonly caseNumber: string;
  readonly status: string;
  readonly receivedAt: string;
  readonly requestedNok: string | null;
}

/** A submission that passed every check on what it read; written together with others arriving at once. */
interface CheckedSubmission {
  readonly applicationId: string;
  readonly organisationId: string;
  readonly idempotencyKey: string;
  /** The application row as it was checked; a draft saved since then makes the checks run again. */
  readonly checkedRowVersion: string;
  readonly receivedAt: Date;
  readonly principal: Principal;
  readonly requested: Money | null;
}

type WriteOutcome =
  | { readonly kind: 'submitted'; readonly caseNumber: string; readonly status: CaseStatus }
  /** Another request holds the key: answer as that request did (or refuse a reused key). */
  | { readonly kind: 'key-taken' }
  /** The draft was saved again after it was checked. */
  | { readonly kind: 'changed-since-checked' }
  /** The case moved on between the checks and the write (withdrawn, or submitted with another key). */
  | { readonly kind: 'no-longer-a-draft'; readonly status: CaseStatus; readonly caseNumber: string | null };

/**
 * Submits a draft. The Idempotency-Key makes retries safe: the same key returns the first result
 * and never opens a second case. The deadline is checked to the second in Oslo time, against the
 * moment the request was received.
 *
 * Everything that can refuse a submission is checked first, on one plain read (made for all the
 * submissions arriving together at once, see `lookups`); their writes then go in one statement (see
 * Batcher and `write`), which claims the keys, locks the cases and asks the state machine's table
 * again, so nothing read earlier is trusted.
 */
@Injectable()
export class SubmitApplication {
  private readonly writes = new Batcher<CheckedSubmission, WriteOutcome>(
    (batch) => this.write(batch),
    (submission) => submission.applicationId,
    // One: a batch is one statement, so a second in flight would only wait for the counter row;
    // measured, one gave the same saturation rate and a lower median latency (issue 4 notes).
    { maxBatchesInFlight: 1 },
  );

  /** The reads of submits arriving together, in one statement; two in flight, so a read seldom waits. */
  private readonly lookups = new Batcher<SubmissionLookup, SubmissionCandidate | undefined>(
    (batch) => this.applications.findForSubmissions(this.dataSource.manager, batch),
    (lookup) => lookup.applicationId,
    { maxBatchesInFlight: 2 },
  );

  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationRepository,
    private readonly catalogue: SchemeCatalogueQuery,
    private readonly cases: CaseLifecycle,
    private readonly clock: Clock,
  ) {}

  async execute(applicationId: string, idempotencyKey: string | undefined, principal: Principal, attempt = 1): Promise<SubmissionResult> {
    if (!idempotencyKey || !/^[A-Za-z0-9._:-]{8,200}$/.test(idempotencyKey)) {
      throw new IntakeError(
        'IDEMPOTENCY_KEY_REQUIRED',
        'Send hodet Idempotency-Key (8–200 bokstaver, sifre, . _ : -), så et nytt forsøk på innsending ikke kan lage en sak til.',
        {},
        'Idempotency-Key',
      );
    }
    const receivedAt = this.clock.now();
    const manager = this.dataSource.manager;
    const found = await this.lookups.submit({ applicationId, organisationNumbers: principal.organisationNumbers, idempotencyKey });
    if (!found) throw new IntakeError('APPLICATION_NOT_FOUND', `Fant ingen søknad med id ${applicationId} som du har tilgang til.`, {}, 'id');
    const { application, organisation } = found;
    if (found.keyUsedFor) return this.replay(manager, found.keyUsedFor, applicationId);
    if (found.caseStatus !== 'draft') throw notADraft(found.caseStatus, found.caseNumber);

    const version = await this.catalogue.committedVersion(application.schemeCode, application.budgetYear);
    if (!acceptsApplications(version, receivedAt)) {
      if (budgetYearClosed(version, receivedAt)) throw yearClosed(version);
      if (windowStatus(version, receivedAt) === 'closed') throw deadlinePassed(version);
      throw new IntakeError(
        'APPLICATION_WINDOW_NOT_OPEN',
        `${version.name.nb} åpner for søknader ${version.window ? formatOsloDateTime(version.window.opensAt) : 'senere'}.`,
        {},
      );
    }
    assertMayApply(version, organisation);
    const definition = schemeDefinition(application.schemeCode)!;
    const { form, problems } = await validateSchemeForm(definition, application.form, 'submission');
    if (problems.length > 0) throw formInvalid(problems);
    const eligibility = definition.checkEligibility(
      {
        organisationNumber: organisation.organisationNumber,
        name: organisation.name,
        type: organisation.kind,
        municipalityNumber: organisation.municipalityNumber ?? undefined,
      },
      form,
    );
    if (eligibility.length > 0) {
      throw new IntakeError('NOT_ELIGIBLE', eligibility.map((problem) => problem.message).join(' '), {
        errors: eligibility.map((problem) => ({ ...problem, field: `form.${problem.field}` })),
      });
    }
    const requested = definition.requestedAmount(form);

    const outcome = await this.writes.submit({
      applicationId,
      organisationId: application.organisationId,
      idempotencyKey,
      checkedRowVersion: application.rowVersion,
      receivedAt,
      principal,
      requested,
    });
    switch (outcome.kind) {
      case 'submitted':
        return {
          applicationId,
          caseNumber: outcome.caseNumber,
          status: outcome.status,
          receivedAt: receivedAt.toISOString(),
          requestedNok: requested?.toDecimalString() ?? null,
        };
      case 'key-taken':
        return this.replay(manager, await this.applications.findIdempotentSubmission(manager, application.organisationId, idempotencyKey), applicationId);
      case 'no-longer-a-draft':
        throw notADraft(outcome.status, outcome.caseNumber);
      case 'changed-since-checked':
        if (attempt >= 3) throw new IntakeError('DRAFT_CHANGING', 'Utkastet ble endret mens det ble sendt inn. Send inn på nytt når det er lagret.', {});
        return this.execute(applicationId, idempotencyKey, principal, attempt + 1);
    }
  }

  /**
   * The batch in one statement and one round trip (submit_applications): claim the keys, lock the
   * cases and move only those the state machine's table allows, mark the applications unchanged
   * since they were checked, add the receipt jobs to the outbox, and last take the case numbers and
   * write the audit entries, whose counter and chain head stay locked until it commits.
   */
  private async write(batch: readonly CheckedSubmission[]): Promise<WriteOutcome[]> {
    // fvl. § 11a: the receipt date starts the case-handling clock; numbers follow the Oslo year of receipt, and within it the order of receipt.
    const inReceiptOrder = [...batch].sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
    const written = await this.applications.submitMany(
      this.dataSource.manager,
      inReceiptOrder.map((submission, receiptOrder) => ({
        applicationId: submission.applicationId,
        organisationId: submission.organisationId,
        idempotencyKey: submission.idempotencyKey,
        checkedRowVersion: submission.checkedRowVersion,
        receivedAt: submission.receivedAt,
        receiptYear: osloParts(submission.receivedAt).year,
        receiptOrder,
        actor: submission.principal,
        requested: submission.requested,
        auditDetails: {
          receivedAt: submission.receivedAt.toISOString(),
          requestedNok: submission.requested?.toDecimalString() ?? null,
          submittedByName: submission.principal.name,
        },
      })),
      this.cases.movesFor('submit'),
      ISSUE_RECEIPT,
    );
    return batch.map((submission): WriteOutcome => {
      const result = written.get(submission.applicationId);
      if (!result) throw new Error(`submit_applications gave no answer for ${submission.applicationId}`);
      switch (result.outcome) {
        case 'submitted':
          return { kind: 'submitted', caseNumber: result.caseNumber!, status: result.caseStatus! };
        case 'key-taken':
          return { kind: 'key-taken' };
        case 'not-allowed':
          return { kind: 'no-longer-a-draft', status: result.caseStatus!, caseNumber: result.caseNumber };
        case 'changed-since-checked':
          return { kind: 'changed-since-checked' };
      }
    });
  }

  /** Answers as the first request with this key did, if it was for this application. */
  private async replay(manager: EntityManager, keyUsedFor: string | undefined, applicationId: string): Promise<SubmissionResult> {
    if (keyUsedFor !== applicationId) {
      throw new IntakeError(
        'IDEMPOTENCY_KEY_REUSED',
        'Denne Idempotency-Key er brukt for en annen søknad. Bruk en ny nøkkel for hver innsending.',
        {},
        'Idempotency-Key',
      );
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

function notADraft(status: CaseStatus, caseNumber: string | null): IntakeError {
  return new IntakeError('NOT_A_DRAFT', `Søknaden er allerede behandlet videre (status «${status}») og kan ikke sendes inn på nytt.`, {
    currentStatus: status,
    caseNumber,
  });
}
