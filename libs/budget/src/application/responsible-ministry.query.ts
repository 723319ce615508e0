import { Injectable } from '@nestjs/common';
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
  ) {}

  /** Refuses, rather than guess, when the year's allocation letter did not name its ministry. */
  async forYear(budgetYear: number, manager: EntityManager = this.dataSource.manager): Promise<ResponsibleMinistry> {
    const ministry = await this.repository.find(manager, budgetYear);
    if (!ministry) {
      throw new BudgetError('MINISTRY_UNKNOWN', `Det er ikke registrert hvilket departement IMDi hørte under i budsjettåret ${budgetYear}. Importer årets tildelingsbrev med departementet før dette gjøres.`, { budgetYear });
    }
    return ministry;
  }
}
