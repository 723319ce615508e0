import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditTrail, type AuditHistoryEntry } from '@imdi/audit';
import type { Principal } from '@imdi/auth';
import { availableTransitions, CaseDocuments, CaseLifecycle, type CaseFile, type CaseStatus } from '@imdi/cases';
import { Clock, osloDateTime } from '@imdi/kernel';
import { renderReceipt } from '@imdi/letters';
import { caseFactsOf, DomainEvents, RECEIPT_ISSUED } from '@imdi/outbox';
import { formSchemaOf, SchemeCatalogueQuery, schemeDefinition } from '@imdi/schemes';
import { DataSource, type EntityManager } from 'typeorm';
import { formAnswers, type FormFieldSchema } from '../domain/form-answers';
import { IntakeError } from '../domain/intake.errors';
import { ApplicationRepository, type ApplicationRecord, type AttachmentRecord } from '../infrastructure/application.repository';
import { OrganisationRepository } from '../infrastructure/organisation.repository';
import { scopeOf, type OrganisationScope } from './applicant-scope';

export interface ApplicationSummary {
  readonly id: string;
  readonly caseNumber: string | null;
  readonly status: CaseStatus;
  readonly schemeCode: string;
  readonly budgetYear: number;
  readonly organisationNumber: string;
  readonly requestedNok: string | null;
  readonly submittedAt: string | null;
  readonly createdAt: string;
}

export interface ApplicationDetail extends ApplicationSummary {
  readonly form: Record<string, unknown>;
  readonly attachments: ReadonlyArray<Omit<AttachmentRecord, 'uploadedBy' | 'createdAt'> & { readonly uploadedAt: string }>;
  readonly history: readonly AuditHistoryEntry[];
  readonly nextSteps: readonly string[];
  /**
   * What the signed-in applicant may do on the case now, as the state machine allows it (the web
   * shows these and repeats no rules): submit, withdraw, accept, appeal, and report when one is due.
   */
  readonly actions: readonly ApplicantAction[];
}

export type ApplicantAction = 'submit' | 'withdraw' | 'accept' | 'appeal' | 'report';

const APPLICANT_TRANSITIONS: ReadonlySet<string> = new Set(['submit', 'withdraw', 'accept', 'appeal']);

/** The applicant's own moves among those the case allows now; staff get none (they act in casework). */
export function applicantActions(transitions: readonly string[], status: string, principal: Principal): ApplicantAction[] {
  if (!principal.roles.includes('applicant')) return [];
  const actions = transitions.filter((transition): transition is ApplicantAction => APPLICANT_TRANSITIONS.has(transition));
  return status === 'report_due' ? [...actions, 'report'] : actions;
}

@Injectable()
export class ApplicationQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationRepository,
    private readonly organisations: OrganisationRepository,
    private readonly cases: CaseLifecycle,
    private readonly catalogue: SchemeCatalogueQuery,
    private readonly audit: AuditTrail,
    private readonly documents: CaseDocuments,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  async listMine(principal: Principal): Promise<ApplicationSummary[]> {
    const manager = this.dataSource.manager;
    const applications = await this.applications.listForOrganisations(manager, principal.organisationNumbers);
    const files = new Map(
      (
        await this.cases.findMany(
          manager,
          applications.map((application) => application.id),
        )
      ).map((file) => [file.id, file]),
    );
    return applications.map((application) => summaryOf(application, files.get(application.id)!));
  }

  async get(id: string, principal: Principal): Promise<ApplicationDetail> {
    const manager = this.dataSource.manager;
    const application = await this.applications.find(manager, id, scopeOf(principal));
    if (!application) throw notFound(id);
    const file = (await this.cases.find(manager, id))!;
    const attachments = await this.applications.attachments(manager, id);
    return {
      ...summaryOf(application, file),
      form: application.form,
      attachments: attachments.map(({ uploadedBy: _uploadedBy, createdAt, ...rest }) => ({ ...rest, uploadedAt: createdAt.toISOString() })),
      history: await this.audit.history(manager, 'case', id),
      nextSteps: availableTransitions({ status: file.status, schemeKind: file.schemeKind }),
      actions: applicantActions(availableTransitions({ status: file.status, schemeKind: file.schemeKind }), file.status, principal),
    };
  }

  async attachment(applicationId: string, attachmentId: string, principal: Principal) {
    const manager = this.dataSource.manager;
    if (!(await this.applications.find(manager, applicationId, scopeOf(principal)))) throw notFound(applicationId);
    const attachment = await this.applications.attachmentContent(manager, applicationId, attachmentId);
    if (!attachment)
      throw new IntakeError('ATTACHMENT_NOT_FOUND', `Søknaden ${applicationId} har ikke noe vedlegg med id ${attachmentId}.`, {}, 'attachmentId');
    return attachment;
  }

  /** The receipt names the person who submitted, as they signed in then (the audit trail keeps it), not their user id. */
  private async submitterName(manager: EntityManager, id: string, userId: string | null): Promise<string> {
    const submitted = (await this.audit.history(manager, 'case', id)).find((entry) => entry.action === 'case.submit');
    const name = (submitted?.after as { submittedByName?: unknown } | null | undefined)?.submittedByName;
    return typeof name === 'string' && name.trim() ? name : (userId ?? '');
  }

  /** The receipt PDF: rendered once after submission and then always the same bytes. */
  async receipt(id: string, scope: OrganisationScope): Promise<{ pdf: Buffer; sha256: string; caseNumber: string }> {
    const manager = this.dataSource.manager;
    const application = await this.applications.find(manager, id, scope);
    if (!application) throw notFound(id);
    const file = (await this.cases.find(manager, id))!;
    if (!application.submittedAt || !file.caseNumber)
      throw new IntakeError('RECEIPT_NOT_AVAILABLE', 'Kvitteringen lages når søknaden er sendt inn.', { currentStatus: file.status });
    let stored = await this.applications.receipt(manager, id);
    if (!stored) {
      const organisation = (await this.organisations.findById(manager, application.organisationId))!;
      const version = await this.catalogue.version(application.schemeCode, application.budgetYear);
      const pdf = await renderReceipt({
        caseNumber: file.caseNumber,
        schemeName: version.name[organisation.writtenStandard],
        budgetYear: application.budgetYear,
        organisationName: organisation.name,
        organisationNumber: organisation.organisationNumber,
        receivedAt: receivedAtText(application.submittedAt),
        submittedBy: await this.submitterName(manager, id, application.submittedBy),
        requestedAmount: application.requested?.formatNok() ?? null,
        answers: formAnswers(application.form, formSchemaOf(schemeDefinition(application.schemeCode)!) as FormFieldSchema, organisation.writtenStandard),
        attachments: await this.applications.attachments(manager, id),
        writtenStandard: organisation.writtenStandard,
      });
      await this.storeReceipt(file, pdf);
      stored = (await this.applications.receipt(manager, id))!;
    }
    return { ...stored, caseNumber: file.caseNumber };
  }

  /**
   * Stores the receipt and, when this call is the one that stored it, publishes ReceiptIssued in the
   * same transaction (the journal records it as an outgoing document). The case's document number is
   * taken first (lock order: numbers before anything else); a lost race rolls it back, leaving no gap.
   */
  private async storeReceipt(file: CaseFile, pdf: Uint8Array): Promise<void> {
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const alreadyStored = Symbol('receipt already stored');
    await this.dataSource
      .transaction(async (manager) => {
        const documentNumber = await this.documents.next(file.id, manager);
        if (!(await this.applications.storeReceiptOnce(manager, file.id, pdf, sha256))) throw alreadyStored;
        await this.events.publish(manager, RECEIPT_ISSUED, { ...caseFactsOf(file), issuedAt: this.clock.now().toISOString(), documentNumber, sha256 });
      })
      .catch((error: unknown) => {
        if (error !== alreadyStored) throw error;
      });
  }
}

function summaryOf(application: ApplicationRecord, file: CaseFile): ApplicationSummary {
  return {
    id: application.id,
    caseNumber: file.caseNumber,
    status: file.status,
    schemeCode: application.schemeCode,
    budgetYear: application.budgetYear,
    organisationNumber: application.organisationNumber,
    requestedNok: application.requested?.toDecimalString() ?? null,
    submittedAt: application.submittedAt?.toISOString() ?? null,
    createdAt: application.createdAt.toISOString(),
  };
}

/** "31.01.2017 kl. 23:59:59", Oslo time: when a deadline is at stake, the second counts. */
function receivedAtText(instant: Date): string {
  const [date, time] = osloDateTime(instant).split('T');
  return `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)} kl. ${time}`;
}

function notFound(id: string): IntakeError {
  return new IntakeError('APPLICATION_NOT_FOUND', `Fant ingen søknad med id ${id} som du har tilgang til.`, {}, 'id');
}
