import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@imdi/audit';
import { mayReachOrganisation, type Principal, type Role } from '@imdi/auth';
import { CaseLifecycle } from '@imdi/cases';
import { checkAttachment } from '@imdi/intake';
import { Clock, Money, osloDate } from '@imdi/kernel';
import { caseFactsOf, DomainEvents, RECIPIENT_REPORT_SUBMITTED, REPORT_APPROVED } from '@imdi/outbox';
import { DataSource, type EntityManager } from 'typeorm';
import { auditorRequired, reportDueOn } from '../domain/report-duty';
import { RecipientReportError } from '../domain/recipient-report.errors';
import { RecipientReportRepository, type RecipientReportRecord, type RecipientReportStatus } from '../infrastructure/recipient-report.repository';

export interface ReportDutyOfGrant {
  readonly caseId: string;
  readonly decisionId: string;
  readonly organisationNumber: string;
  readonly schemeCode: string;
  readonly budgetYear: number;
  readonly granted: Money;
  /** The project's last day from the application, when it has one. */
  readonly periodEnd: string | null;
  readonly duty: { readonly dueMonthsAfterPeriodEnd: number; readonly contents: readonly string[] };
}

export interface RecipientReportInput {
  readonly useOfFunds?: string;
  readonly results?: string;
  readonly goalAchievement?: string;
  readonly spentNok?: string;
  readonly participantsFemale?: number;
  readonly participantsMale?: number;
  readonly accounts?: ReadonlyArray<{ description: string; amountNok: string }>;
  readonly auditorConfirmed?: boolean;
}

export interface RecipientReportView {
  readonly id: string;
  readonly caseId: string;
  readonly caseNumber: string | null;
  readonly organisationNumber: string;
  readonly schemeCode: string;
  readonly budgetYear: number;
  readonly grantedNok: string;
  readonly dueOn: string;
  readonly overdue: boolean;
  readonly requiredContents: readonly string[];
  readonly auditorRequired: boolean;
  readonly status: RecipientReportStatus;
  readonly submittedAt: string | null;
  readonly reviewComment: string | null;
  readonly content: {
    readonly useOfFunds: string | null;
    readonly results: string | null;
    readonly goalAchievement: string | null;
    readonly spentNok: string | null;
    readonly participantsFemale: number | null;
    readonly participantsMale: number | null;
    readonly accounts: ReadonlyArray<{ description: string; amountNok: string }> | null;
    readonly auditorConfirmed: boolean | null;
  };
  readonly attachments: ReadonlyArray<{ id: string; fileName: string; mediaType: string; sizeBytes: number; sha256: string }>;
}

/** What each reporting duty asks for, by the form's field that answers it. */
const REQUIRED_FIELDS: Record<string, ReadonlyArray<keyof RecipientReportInput>> = {
  'use-of-funds': ['useOfFunds', 'spentNok'],
  results: ['results'],
  'goal-achievement': ['goalAchievement'],
  participants: ['participantsFemale', 'participantsMale'],
  accounts: ['accounts'],
};

/**
 * The recipient's report on the use of a grant: a duty opened when the grant is accepted, with its
 * deadline; submitted by the recipient, approved by a caseworker (ReportApproved: payments then
 * releases a held-back share) or sent back with a request for more.
 */
/** Staff who may read any organisation's report on the routes they share with applicants. */
const REPORT_STAFF_ROLES: readonly Role[] = ['caseworker', 'approver', 'admin'];

@Injectable()
export class RecipientReports {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: RecipientReportRepository,
    private readonly cases: CaseLifecycle,
    private readonly events: DomainEvents,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  /** In the acceptance's transaction: the grant's reporting duty and its deadline. */
  async openDuty(manager: EntityManager, grant: ReportDutyOfGrant): Promise<void> {
    await this.repository.open(manager, {
      caseId: grant.caseId,
      decisionId: grant.decisionId,
      organisationNumber: grant.organisationNumber,
      schemeCode: grant.schemeCode,
      budgetYear: grant.budgetYear,
      granted: grant.granted,
      dueOn: reportDueOn(grant.periodEnd, grant.budgetYear, grant.duty.dueMonthsAfterPeriodEnd),
      contents: grant.duty.contents,
      auditorRequired: auditorRequired(grant.granted),
    });
  }

  async get(caseId: string, principal: Principal): Promise<RecipientReportView> {
    const report = await this.visible(this.dataSource.manager, caseId, principal);
    return this.view(this.dataSource.manager, report);
  }

  /** What a caseworker sees after assessing a report: staff routes answer for the staff role. */
  private async staffView(caseId: string): Promise<RecipientReportView> {
    const report = await this.repository.forCase(this.dataSource.manager, caseId);
    if (!report) throw new RecipientReportError('REPORT_NOT_FOUND', `Sak ${caseId} har ingen rapporteringsplikt.`, { caseId }, 'id');
    return this.view(this.dataSource.manager, report);
  }

  async mine(principal: Principal): Promise<RecipientReportView[]> {
    const reports = await this.repository.ofOrganisations(this.dataSource.manager, principal.organisationNumbers);
    return Promise.all(reports.map((report) => this.view(this.dataSource.manager, report)));
  }

  /** For caseworkers: reports waiting for assessment, or overdue ones (which may lead to a reclaim). */
  async worklist(filter: { status?: RecipientReportStatus; overdue?: boolean }): Promise<RecipientReportView[]> {
    const today = osloDate(this.clock.now());
    const reports = await this.repository.awaiting(this.dataSource.manager, filter.status, filter.overdue ? today : undefined);
    return Promise.all(reports.map((report) => this.view(this.dataSource.manager, report)));
  }

  async submit(caseId: string, input: RecipientReportInput, principal: Principal): Promise<RecipientReportView> {
    await this.dataSource.transaction(async (manager) => {
      const report = await this.visible(manager, caseId, principal, true);
      if (report.status !== 'due' && report.status !== 'more_requested') {
        throw new RecipientReportError(
          'REPORT_NOT_OPEN',
          `Rapporten har status «${report.status}». Den kan bare leveres mens den er forfalt eller IMDi har bedt om mer.`,
          { status: report.status },
        );
      }
      assertComplete(report, input);
      const spent = input.spentNok === undefined ? null : Money.parseNok(input.spentNok, 'spentNok');
      const file = await this.cases.lockCase(manager, caseId);
      const submittedAt = this.clock.now();
      if (file.status === 'accepted' || file.status === 'paid') {
        await this.cases.transition(manager, caseId, 'requireReport', principal, { reason: 'the recipient has submitted the report on the use of the grant' });
      }
      await this.repository.submit(
        manager,
        report.id,
        {
          useOfFunds: input.useOfFunds ?? null,
          results: input.results ?? null,
          goalAchievement: input.goalAchievement ?? null,
          spent,
          participantsFemale: input.participantsFemale ?? null,
          participantsMale: input.participantsMale ?? null,
          accounts: input.accounts ?? null,
          auditorConfirmed: input.auditorConfirmed ?? null,
        },
        principal.userId,
        submittedAt,
      );
      const submissionId = await this.repository.recordSubmission(manager, report.id);
      const late = osloDate(submittedAt) > report.dueOn;
      await this.audit.record(manager, {
        actor: principal,
        action: 'case.report-submitted',
        entityType: 'case',
        entityId: caseId,
        before: { reportStatus: report.status },
        after: { reportStatus: 'submitted', spentNok: spent?.toDecimalString() ?? null, late },
      });
      await this.events.publish(manager, RECIPIENT_REPORT_SUBMITTED, {
        ...caseFactsOf(file),
        budgetYear: report.budgetYear,
        reportId: report.id,
        spentOre: spent?.toOreString() ?? null,
        submittedAt: submittedAt.toISOString(),
        late,
        submissionId,
      });
    });
    return this.get(caseId, principal);
  }

  async attach(caseId: string, fileName: string, content: Buffer, principal: Principal): Promise<{ id: string }> {
    const accepted = checkAttachment(fileName, content);
    return this.dataSource.transaction(async (manager) => {
      const report = await this.visible(manager, caseId, principal, true);
      if (report.status !== 'due' && report.status !== 'more_requested') {
        throw new RecipientReportError('REPORT_NOT_OPEN', `Rapporten har status «${report.status}». Vedlegg kan bare legges til mens rapporten skrives.`, {
          status: report.status,
        });
      }
      const sha256 = createHash('sha256').update(content).digest('hex');
      const id = await this.repository.addAttachment(manager, report.id, { fileName, mediaType: accepted.mediaType, content, sha256 }, principal.userId);
      await this.audit.record(manager, {
        actor: principal,
        action: 'case.report-attachment-added',
        entityType: 'case',
        entityId: caseId,
        after: { attachmentId: id, fileName, sha256 },
      });
      return { id };
    });
  }

  /** A file attached to the report, for the recipient who sent it and for the caseworker assessing it. */
  async attachment(caseId: string, attachmentId: string, principal: Principal): Promise<{ fileName: string; mediaType: string; content: Buffer }> {
    const manager = this.dataSource.manager;
    const report = await this.visible(manager, caseId, principal);
    const file = await this.repository.attachmentContent(manager, report.id, attachmentId);
    if (!file)
      throw new RecipientReportError(
        'REPORT_ATTACHMENT_NOT_FOUND',
        `Rapporten i sak ${caseId} har ikke noe vedlegg med id ${attachmentId}.`,
        { attachmentId },
        'attachmentId',
      );
    return file;
  }

  async approve(caseId: string, comment: string, principal: Principal): Promise<RecipientReportView> {
    await this.dataSource.transaction(async (manager) => {
      const report = await this.submitted(manager, caseId);
      const now = this.clock.now();
      await this.repository.review(manager, report.id, 'approved', comment, principal.userId, now);
      const approved = await this.cases.transition(manager, caseId, 'approveReport', principal, { reason: comment });
      await this.audit.record(manager, {
        actor: principal,
        action: 'case.report-approved',
        entityType: 'case',
        entityId: caseId,
        after: { reportStatus: 'approved' },
      });
      await this.events.publish(manager, REPORT_APPROVED, {
        ...caseFactsOf(approved),
        budgetYear: report.budgetYear,
        reportId: report.id,
        approvedOn: osloDate(now),
      });
    });
    return this.staffView(caseId);
  }

  async requestMore(caseId: string, comment: string, principal: Principal): Promise<RecipientReportView> {
    await this.dataSource.transaction(async (manager) => {
      const report = await this.submitted(manager, caseId);
      await this.repository.review(manager, report.id, 'more_requested', comment, principal.userId, this.clock.now());
      await this.audit.record(manager, {
        actor: principal,
        action: 'case.report-more-requested',
        entityType: 'case',
        entityId: caseId,
        after: { reportStatus: 'more_requested', comment },
      });
    });
    return this.staffView(caseId);
  }

  private async submitted(manager: EntityManager, caseId: string): Promise<RecipientReportRecord> {
    const report = await this.repository.forCase(manager, caseId, true);
    if (!report) throw new RecipientReportError('REPORT_NOT_FOUND', `Saken ${caseId} har ingen rapporteringsplikt.`, { caseId }, 'id');
    if (report.status !== 'submitted') {
      throw new RecipientReportError('REPORT_NOT_SUBMITTED', `Rapporten har status «${report.status}». Bare en levert rapport kan vurderes.`, {
        status: report.status,
      });
    }
    return report;
  }

  /** An applicant sees only their organisations' reports: another's is not there (404), not forbidden. */
  private async visible(manager: EntityManager, caseId: string, principal: Principal, lock = false): Promise<RecipientReportRecord> {
    const seen = await this.repository.forCase(manager, caseId);
    if (!seen || !mayReachOrganisation(principal, seen.organisationNumber, REPORT_STAFF_ROLES)) {
      throw new RecipientReportError('REPORT_NOT_FOUND', `Fant ingen rapport for sak ${caseId} som du har tilgang til.`, { caseId }, 'id');
    }
    // Locked only once the caller may see it, so nobody can hold another organisation's report.
    return lock ? (await this.repository.forCase(manager, caseId, true))! : seen;
  }

  private async view(manager: EntityManager, report: RecipientReportRecord): Promise<RecipientReportView> {
    const today = osloDate(this.clock.now());
    return {
      id: report.id,
      caseId: report.caseId,
      caseNumber: report.caseNumber,
      organisationNumber: report.organisationNumber,
      schemeCode: report.schemeCode,
      budgetYear: report.budgetYear,
      grantedNok: report.granted.toDecimalString(),
      dueOn: report.dueOn,
      overdue: (report.status === 'due' || report.status === 'more_requested') && today > report.dueOn,
      requiredContents: report.contents,
      auditorRequired: report.auditorRequired,
      status: report.status,
      submittedAt: report.submittedAt?.toISOString() ?? null,
      reviewComment: report.reviewComment,
      content: {
        useOfFunds: report.useOfFunds,
        results: report.results,
        goalAchievement: report.goalAchievement,
        spentNok: report.spent?.toDecimalString() ?? null,
        participantsFemale: report.participantsFemale,
        participantsMale: report.participantsMale,
        accounts: report.accounts,
        auditorConfirmed: report.auditorConfirmed,
      },
      attachments: await this.repository.attachments(manager, report.id),
    };
  }
}

/** Every part the scheme's reporting duty asks for must be there; an auditor's confirmation from 400 000 kr. */
function assertComplete(report: RecipientReportRecord, input: RecipientReportInput): void {
  for (const content of report.contents) {
    for (const field of REQUIRED_FIELDS[content] ?? []) {
      const value = input[field];
      if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) {
        throw new RecipientReportError(
          'REPORT_INCOMPLETE',
          `«${field}» må fylles ut: rapporteringsplikten for ordningen krever ${content}.`,
          { content },
          field,
        );
      }
    }
  }
  if (report.auditorRequired && input.auditorConfirmed !== true) {
    throw new RecipientReportError(
      'REPORT_INCOMPLETE',
      'Regnskapet må være bekreftet av revisor («auditorConfirmed») når tilskuddet er 400 000 kr eller mer.',
      {},
      'auditorConfirmed',
    );
  }
}
