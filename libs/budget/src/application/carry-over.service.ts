import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@imdi/audit';
import { BudgetPost, Money } from '@imdi/kernel';
import { DataSource } from 'typeorm';
import { BudgetError } from '../domain/budget.errors';
import { mergeSums, positionOf } from '../domain/budget-position';
import { BudgetRepository } from '../infrastructure/budget.repository';
import type { ImportActor } from './import-allocation-letter.service';

export interface CarryOverResult {
  readonly fromYear: number;
  readonly budgetPost: string;
  readonly carriedNok: string;
}

/** Moves the unused remainder of a "kan overføres" post into the next year's frame, once. */
@Injectable()
export class CarryOverUnusedFunds {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: BudgetRepository,
    private readonly audit: AuditTrail,
  ) {}

  async execute(fromYear: number, budgetPost: BudgetPost, actor: ImportActor): Promise<CarryOverResult> {
    return this.dataSource.transaction(async (manager) => {
      const from = await this.repository.lockLine(manager, fromYear, budgetPost.chapter, budgetPost.post);
      if (from && !from.transferable) {
        throw new BudgetError(
          'CARRY_OVER_NOT_ALLOWED',
          `Kap./post ${budgetPost} er ikke merket «kan overføres» i ${fromYear}, så ubrukte midler kan ikke overføres.`,
          { budgetPost: budgetPost.toString() },
        );
      }
      const to = await this.repository.lockLine(manager, fromYear + 1, budgetPost.chapter, budgetPost.post);
      if (!from || !to) {
        throw new BudgetError(
          'BUDGET_LINE_NOT_FOUND',
          `Kap./post ${budgetPost} må ha ramme både i ${fromYear} og ${fromYear + 1} for at midler kan overføres.`,
          {
            budgetPost: budgetPost.toString(),
          },
        );
      }
      const referenceId = `${fromYear}:${budgetPost}`;
      if (await this.repository.entryExists(manager, 'carry-over', referenceId, 'carry-out')) {
        throw new BudgetError('CARRY_OVER_NOT_ALLOWED', `Restmidlene for ${budgetPost} i ${fromYear} er allerede overført.`, {
          budgetPost: budgetPost.toString(),
        });
      }
      const sums = (await this.repository.sums(manager, [from.id])).get(from.id);
      const available = positionOf(from.frame, mergeSums(...(sums?.values() ?? []))).available;
      if (!available.greaterThan(Money.zero())) {
        throw new BudgetError('CARRY_OVER_NOT_ALLOWED', `Det er ingenting igjen på ${budgetPost} i ${fromYear} som kan overføres.`, {
          budgetPost: budgetPost.toString(),
        });
      }
      const entry = { amount: available, referenceType: 'carry-over', referenceId, createdBy: actor.userId, earmarkId: null };
      // The remainder leaves the old year at its end and arrives on the first day of the new one.
      await this.repository.append(manager, { ...entry, budgetLineId: from.id, kind: 'carry-out', note: `to ${fromYear + 1}`, bookedOn: `${fromYear}-12-31` });
      await this.repository.append(manager, { ...entry, budgetLineId: to.id, kind: 'carry-in', note: `from ${fromYear}`, bookedOn: `${fromYear + 1}-01-01` });
      await this.audit.record(manager, {
        actor,
        action: 'budget.carried-over',
        entityType: 'budget_line',
        entityId: from.id,
        after: { fromYear, budgetPost: budgetPost.toString(), amountNok: available.toDecimalString() },
      });
      return { fromYear, budgetPost: budgetPost.toString(), carriedNok: available.toDecimalString() };
    });
  }
}
