import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@imdi/audit';
import type { Principal } from '@imdi/auth';
import { BudgetPost, Clock, osloDate } from '@imdi/kernel';
import { OutboxWriter } from '@imdi/outbox';
import { DataSource } from 'typeorm';
import { cutOffDate, type ReportKind } from '../domain/report-kind';
import { ReportingError } from '../domain/reporting.errors';
import { ReportQueries } from '../infrastructure/report.queries';
import { ReportRunRepository, type ReportRunRecord } from '../infrastructure/report-run.repository';
import { BUILD_REPORT } from './reporting.jobs';

export interface ReportRunView {
  readonly id: string;
  readonly kind: ReportKind;
  readonly budgetYear: number;
  readonly budgetPost: string | null;
  readonly asOf: string;
  readonly status: ReportRunRecord['status'];
  readonly progress: number;
  readonly error: string | null;
  readonly requestedBy: string;
  readonly createdAt: string;
  readonly completedAt: string | null;
  readonly downloads: { readonly xlsx: string; readonly pdf: string } | null;
  readonly report?: ReportRunRecord['summary'];
}

const view = (run: ReportRunRecord, withReport: boolean): ReportRunView => ({
  id: run.id,
  kind: run.kind,
  budgetYear: run.budgetYear,
  budgetPost: run.budgetPost,
  asOf: run.asOf,
  status: run.status,
  progress: run.progress,
  error: run.error,
  requestedBy: run.requestedBy,
  createdAt: run.createdAt.toISOString(),
  completedAt: run.completedAt?.toISOString() ?? null,
  downloads: run.status === 'completed' ? { xlsx: `/reports/${run.id}/report.xlsx`, pdf: `/reports/${run.id}/report.pdf` } : null,
  ...(withReport ? { report: run.summary } : {}),
});

/** Requests a report (queued through the outbox, so a request is never lost or run twice) and reads its progress and files. */
@Injectable()
export class ReportRuns {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: ReportRunRepository,
    private readonly queries: ReportQueries,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async request(kind: ReportKind, budgetYear: number, budgetPost: BudgetPost | null, asOf: string | undefined, principal: Principal): Promise<ReportRunView> {
    const date = cutOffDate(kind, budgetYear, asOf, osloDate(this.clock.now()));
    if (!date.startsWith(`${budgetYear}-`)) {
      throw new ReportingError(
        'BUDGET_YEAR_NOT_FOUND',
        `Datoen ${date} ligger utenfor budsjettåret ${budgetYear}. Velg en dato i ${budgetYear}.`,
        { asOf: date },
        'asOf',
      );
    }
    if (!(await this.queries.hasBudgetFrame(this.dataSource.manager, budgetYear, budgetPost?.chapter ?? null, budgetPost?.post ?? null))) {
      throw budgetPost
        ? new ReportingError(
            'BUDGET_POST_NOT_FOUND',
            `Kap./post ${budgetPost} har ingen ramme i ${budgetYear}. Velg en post som har ramme, eller la feltet stå tomt.`,
            { budgetPost: budgetPost.toString() },
            'budgetPost',
          )
        : new ReportingError(
            'BUDGET_YEAR_NOT_FOUND',
            `Det er ikke lagt inn budsjettrammer for ${budgetYear}. Tildelingsbrevet for året må importeres først.`,
            { budgetYear },
            'budgetYear',
          );
    }
    const id = await this.dataSource.transaction(async (manager) => {
      const runId = await this.repository.insert(manager, {
        kind,
        budgetYear,
        chapter: budgetPost?.chapter ?? null,
        post: budgetPost?.post ?? null,
        asOf: date,
        requestedBy: principal.userId,
      });
      await this.outbox.add(manager, BUILD_REPORT, { reportId: runId });
      await this.audit.record(manager, {
        actor: principal,
        action: 'report.requested',
        entityType: 'report_run',
        entityId: runId,
        after: { kind, budgetYear, budgetPost: budgetPost?.toString() ?? null, asOf: date },
      });
      return runId;
    });
    return this.get(id);
  }

  async get(id: string): Promise<ReportRunView> {
    const run = await this.repository.find(this.dataSource.manager, id);
    if (!run) throw new ReportingError('REPORT_NOT_FOUND', `Fant ingen rapport med id ${id}.`, { id }, 'id');
    return view(run, true);
  }

  async recent(budgetYear: number | undefined): Promise<ReportRunView[]> {
    return (await this.repository.recent(this.dataSource.manager, budgetYear, 50)).map((run) => view(run, false));
  }

  async file(id: string, format: 'xlsx' | 'pdf'): Promise<{ fileName: string; content: Buffer }> {
    const file = await this.repository.file(this.dataSource.manager, id, format);
    if (!file) throw new ReportingError('REPORT_NOT_FOUND', `Fant ingen rapport med id ${id}.`, { id }, 'id');
    if (file.status !== 'completed' || !file.content) {
      throw new ReportingError('REPORT_NOT_READY', `Rapporten er ikke ferdig ennå (status «${file.status}»). Filene kan lastes ned når den er ferdig.`, {
        status: file.status,
      });
    }
    return { fileName: `${file.kind}-${file.budgetYear}-per-${file.asOf}.${format}`, content: file.content };
  }
}
