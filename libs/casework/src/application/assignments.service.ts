import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@imdi/audit';
import type { Principal } from '@imdi/auth';
import { BudgetStatusQuery } from '@imdi/budget';
import { CaseLifecycle } from '@imdi/cases';
import { Clock, Money, osloDate } from '@imdi/kernel';
import { CASE_ASSIGNED, caseFactsOf, DomainEvents } from '@imdi/outbox';
import { SchemeCatalogueQuery } from '@imdi/schemes';
import { DataSource, type EntityManager } from 'typeorm';
import { CaseworkRepository, type WorkQueueSort } from '../infrastructure/casework.repository';
import { Impartiality } from './impartiality.service';

/** Cases are assigned to caseworkers; each has a work queue, and each scheme has one. */
@Injectable()
export class Assignments {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: CaseworkRepository,
    private readonly cases: CaseLifecycle,
    private readonly impartiality: Impartiality,
    private readonly audit: AuditTrail,
    private readonly catalogue: SchemeCatalogueQuery,
    private readonly budget: BudgetStatusQuery,
    private readonly clock: Clock,
    private readonly events: DomainEvents,
  ) {}

  async assign(caseId: string, caseworkerId: string, principal: Principal): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const file = await this.cases.lockCase(manager, caseId);
      if (caseworkerId === principal.userId) await this.impartiality.assertImpartial(manager, principal, file.organisationNumber, caseId, 'take');
      await this.repository.assign(manager, caseId, caseworkerId, principal.userId);
      await this.audit.record(manager, { actor: principal, action: 'case.assigned', entityType: 'case', entityId: caseId, after: { caseworkerId } });
      await this.publishAssigned(manager, file, caseworkerId, principal);
    });
  }

  private async publishAssigned(manager: EntityManager, file: Parameters<typeof caseFactsOf>[0], caseworkerId: string, principal: Principal): Promise<void> {
    await this.events.publish(manager, CASE_ASSIGNED, {
      ...caseFactsOf(file),
      caseworkerId,
      // The name is known when caseworkers take a case themselves.
      caseworkerName: caseworkerId === principal.userId ? (principal.name ?? null) : null,
      assignedAt: this.clock.now().toISOString(),
    });
  }

  /** Several cases to one caseworker at once: all of them or, when one is refused, none. */
  async assignMany(caseIds: readonly string[], caseworkerId: string, principal: Principal): Promise<{ assigned: number }> {
    const unique = [...new Set(caseIds)].sort();
    await this.dataSource.transaction(async (manager) => {
      // Locked in one order, so two bulk assignments over the same cases cannot deadlock.
      for (const caseId of unique) {
        const file = await this.cases.lockCase(manager, caseId);
        if (caseworkerId === principal.userId) await this.impartiality.assertImpartial(manager, principal, file.organisationNumber, caseId, 'take');
        await this.repository.assign(manager, caseId, caseworkerId, principal.userId);
        await this.audit.record(manager, {
          actor: principal,
          action: 'case.assigned',
          entityType: 'case',
          entityId: caseId,
          after: { caseworkerId, bulk: true },
        });
        await this.publishAssigned(manager, file, caseworkerId, principal);
      }
    });
    return { assigned: unique.length };
  }

  /** The old per-scheme list, kept for callers of GET /casework/queue: open cases, oldest first. */
  async queue(filter: { caseworkerId?: string; schemeCode?: string }, principal: Principal) {
    const page = await this.workQueue({ assignee: filter.caseworkerId, scheme: filter.schemeCode, pageSize: 100 }, principal);
    return page.items.map((item) => ({
      caseId: item.caseId,
      caseNumber: item.caseNumber,
      schemeCode: item.schemeCode,
      budgetYear: item.budgetYear,
      status: item.status,
      organisationNumber: item.organisationNumber,
      caseworkerId: item.caseworkerId,
      receivedAt: item.receivedAt,
    }));
  }

  /** The work queue: search, filters, sort and paging; "open" means not finished (see FINISHED_STATUSES). */
  async workQueue(query: WorkQueueQuery, principal: Principal): Promise<WorkQueuePage> {
    const now = this.clock.now();
    const today = osloDate(now);
    const soonUntil = osloDate(new Date(now.getTime() + DUE_SOON_DAYS * 86_400_000));
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 25;
    const result = await this.repository.workQueue(this.dataSource.manager, {
      openOnly: query.status === undefined && query.open !== false,
      status: query.status,
      schemeCode: query.scheme,
      budgetYear: query.year,
      assignee: query.assignee === 'me' ? principal.userId : query.assignee === 'none' ? null : query.assignee,
      search: query.search?.trim() || undefined,
      deadline: query.deadline,
      today,
      soonUntil,
      sort: query.sort ?? 'received',
      page,
      pageSize,
      callerId: principal.userId,
    });
    return {
      page,
      pageSize,
      total: result.total,
      items: result.items.map((item) => ({
        caseId: item.caseId,
        caseNumber: item.caseNumber,
        schemeCode: item.schemeCode,
        budgetYear: item.budgetYear,
        status: item.status,
        organisationNumber: item.organisationNumber,
        organisationName: item.organisationName,
        applicantName: item.applicantName,
        requestedNok: item.requested?.toDecimalString() ?? null,
        caseworkerId: item.caseworkerId,
        receivedAt: item.receivedAt?.toISOString() ?? null,
        decisionDueOn: item.decisionDueOn,
        deadline: deadlineState(item.status, item.decisionDueOn, item.provisionalAnswerSent, today, soonUntil),
        provisionalAnswerSent: item.provisionalAnswerSent,
        callerHasConflict: item.callerHasConflict,
      })),
    };
  }

  /**
   * A round's assessed applications, best first, against what is available on the scheme's
   * earmark (or post): the running total of requests shows where the frame runs out.
   */
  async ranking(schemeCode: string, budgetYear: number) {
    const version = await this.catalogue.version(schemeCode, budgetYear);
    const status = await this.budget.forYear(budgetYear);
    const post = status.posts.find((entry) => entry.budgetPost === version.budgetPost.toString());
    const earmark = post?.earmarks.find((entry) => entry.code === version.earmarkCodes[0]);
    const available = Money.parseNok((earmark ?? post?.unearmarked)?.availableNok ?? '0');
    let cumulative = Money.zero();
    const ranked = (await this.repository.ranking(this.dataSource.manager, schemeCode, budgetYear)).map((entry, index) => {
      cumulative = cumulative.plus(entry.requested);
      return {
        rank: index + 1,
        ...entry,
        requested: undefined,
        requestedNok: entry.requested.toDecimalString(),
        cumulativeNok: cumulative.toDecimalString(),
        withinAvailableFrame: !cumulative.greaterThan(available),
      };
    });
    return {
      schemeCode,
      budgetYear,
      budgetPost: version.budgetPost.toString(),
      earmark: earmark?.code ?? null,
      availableNok: available.toDecimalString(),
      applications: ranked,
    };
  }
}

const DUE_SOON_DAYS = 7;
const UNDECIDED = ['submitted', 'in_assessment', 'proposed'];

/** How the decision deadline stands; only an undecided case has one. */
function deadlineState(status: string, dueOn: string | null, provisionalAnswerSent: boolean, today: string, soonUntil: string): WorkQueueItem['deadline'] {
  if (!UNDECIDED.includes(status) || dueOn === null) return 'none';
  if (dueOn < today) return provisionalAnswerSent ? 'overdue-answered' : 'overdue';
  return dueOn <= soonUntil ? 'due-soon' : 'on-time';
}

export interface WorkQueueQuery {
  readonly search?: string;
  readonly scheme?: string;
  readonly year?: number;
  readonly status?: string;
  /** `me`, `none` (unassigned) or a caseworker's id. */
  readonly assignee?: string;
  readonly deadline?: 'overdue' | 'due-soon';
  readonly open?: boolean;
  readonly sort?: WorkQueueSort;
  readonly page?: number;
  readonly pageSize?: number;
}

export interface WorkQueueItem {
  readonly caseId: string;
  readonly caseNumber: string | null;
  readonly schemeCode: string;
  readonly budgetYear: number;
  readonly status: string;
  readonly organisationNumber: string;
  readonly organisationName: string;
  readonly applicantName: string;
  readonly requestedNok: string | null;
  readonly caseworkerId: string | null;
  readonly receivedAt: string | null;
  /** One month after receipt (fvl. § 11a), Oslo date. */
  readonly decisionDueOn: string | null;
  readonly deadline: 'none' | 'on-time' | 'due-soon' | 'overdue' | 'overdue-answered';
  readonly provisionalAnswerSent: boolean;
  readonly callerHasConflict: boolean;
}

export interface WorkQueuePage {
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
  readonly items: readonly WorkQueueItem[];
}
