import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@imdi/audit';
import type { Principal } from '@imdi/auth';
import { BudgetStatusQuery } from '@imdi/budget';
import { CaseLifecycle } from '@imdi/cases';
import { Money } from '@imdi/kernel';
import { SchemeCatalogueQuery } from '@imdi/schemes';
import { DataSource } from 'typeorm';
import { CaseworkRepository } from '../infrastructure/casework.repository';
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
  ) {}

  async assign(caseId: string, caseworkerId: string, principal: Principal): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const file = await this.cases.lockCase(manager, caseId);
      if (caseworkerId === principal.userId) await this.impartiality.assertImpartial(manager, principal, file.organisationNumber, caseId, 'take');
      await this.repository.assign(manager, caseId, caseworkerId, principal.userId);
      await this.audit.record(manager, { actor: principal, action: 'case.assigned', entityType: 'case', entityId: caseId, after: { caseworkerId } });
    });
  }

  queue(filter: { caseworkerId?: string; schemeCode?: string }) {
    return this.repository.queue(this.dataSource.manager, filter);
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
      return { rank: index + 1, ...entry, requested: undefined, requestedNok: entry.requested.toDecimalString(), cumulativeNok: cumulative.toDecimalString(), withinAvailableFrame: !cumulative.greaterThan(available) };
    });
    return { schemeCode, budgetYear, budgetPost: version.budgetPost.toString(), earmark: earmark?.code ?? null, availableNok: available.toDecimalString(), applications: ranked };
  }
}
