import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@imdi/audit';
import type { Principal } from '@imdi/auth';
import { DataSource, type EntityManager } from 'typeorm';
import type { ResponsibleMinistry } from '../domain/allocation-letter';
import { BudgetError } from '../domain/budget.errors';
import { ResponsibleMinistryRepository } from '../infrastructure/responsible-ministry.repository';

/** The ministry IMDi answered to in a budget year, as that year's allocation letter states it. */
@Injectable()
export class ResponsibleMinistryQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: ResponsibleMinistryRepository,
    private readonly audit: AuditTrail,
  ) {}

  /** Refuses, rather than guess, when the year's allocation letter did not name its ministry. */
  async forYear(budgetYear: number, manager: EntityManager = this.dataSource.manager): Promise<ResponsibleMinistry> {
    const ministry = await this.repository.find(manager, budgetYear);
    if (!ministry) {
      throw new BudgetError(
        'MINISTRY_UNKNOWN',
        `Det er ikke registrert hvilket departement IMDi hørte under i budsjettåret ${budgetYear}. Importer årets tildelingsbrev med departementet før dette gjøres.`,
        { budgetYear },
      );
    }
    return ministry;
  }

  /** An admin states or corrects the year's ministry; the change is audited with what it replaced. */
  async set(budgetYear: number, ministry: ResponsibleMinistry, principal: Principal): Promise<ResponsibleMinistry> {
    return this.dataSource.transaction(async (manager) => {
      await this.repository.lockYear(manager, budgetYear);
      const before = await this.repository.find(manager, budgetYear);
      await this.repository.upsert(manager, budgetYear, ministry);
      await this.audit.record(manager, {
        actor: principal,
        action: 'budget.ministry-set',
        entityType: 'budget_year',
        entityId: String(budgetYear),
        before: before ?? null,
        after: { ...ministry },
      });
      return ministry;
    });
  }
}
