import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@imdi/audit';
import type { Principal } from '@imdi/auth';
import { DataSource } from 'typeorm';
import { checkAllocationLetter, type AllocationLetterDocument, type TotalMismatch } from '../domain/allocation-letter';
import { BudgetError } from '../domain/budget.errors';
import { BudgetRepository } from '../infrastructure/budget.repository';
import { ResponsibleMinistryRepository } from '../infrastructure/responsible-ministry.repository';

export interface ImportResult {
  readonly budgetYear: number;
  readonly importId: string;
  readonly posts: number;
  readonly earmarks: number;
  readonly acknowledgedMismatches: readonly TotalMismatch[];
}

export type ImportActor = Pick<Principal, 'userId' | 'roles'>;

/**
 * Imports a year's frames from an allocation letter. Everything is checked first; a letter whose
 * totals do not add up is refused with every mismatch, and nothing is stored.
 */
@Injectable()
export class ImportAllocationLetter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly ministries: ResponsibleMinistryRepository,
    private readonly budget: BudgetRepository,
  ) {}

  async execute(document: AllocationLetterDocument, actor: ImportActor): Promise<ImportResult> {
    const check = checkAllocationLetter(document);
    if (!check.ok) {
      if (check.problems.length > 0) {
        throw new BudgetError(
          'ALLOCATION_INVALID',
          `Tildelingsbrevet har ${check.problems.length} ugyldige verdier. Ingenting er importert; rett feltene som er nevnt.`,
          {
            errors: check.problems,
            mismatches: check.mismatches,
          },
        );
      }
      throw new BudgetError(
        'ALLOCATION_TOTALS_MISMATCH',
        `${check.mismatches.length} oppgitte summer stemmer ikke med summen av linjene. Ingenting er importert.`,
        {
          mismatches: check.mismatches,
        },
      );
    }
    return this.dataSource.transaction(async (manager) => {
      // The unique budget year makes a second import, even a simultaneous one, fail here.
      const importId = await this.budget.insertImport(manager, check.budgetYear, document.source, document, actor.userId);
      if (importId === undefined) {
        throw new BudgetError('BUDGET_YEAR_ALREADY_IMPORTED', `Rammene for ${check.budgetYear} er allerede importert.`, { budgetYear: check.budgetYear });
      }
      if (document.ministry) await this.ministries.insert(manager, check.budgetYear, document.ministry, importId);
      let earmarkCount = 0;
      for (const line of check.lines) {
        const lineId = await this.budget.insertLine(manager, {
          budgetYear: check.budgetYear,
          chapter: line.budgetPost.chapter,
          post: line.budgetPost.post,
          name: line.name,
          frameOre: line.frame.toOreString(),
          pendingNote: line.pendingNote ?? null,
          transferable: line.transferable,
          estimate: line.estimate,
          importId,
        });
        for (const earmark of line.earmarks) {
          await this.budget.insertEarmark(manager, lineId, earmark.code, earmark.name, earmark.amount.toOreString());
          earmarkCount++;
        }
      }
      for (const total of check.declaredTotals) {
        await this.budget.insertDeclaredTotal(manager, {
          importId,
          budgetYear: check.budgetYear,
          chapter: total.chapter,
          post: total.post,
          declaredOre: total.amount.toOreString(),
          acknowledgedMismatch: total.acknowledgedMismatch ?? null,
        });
      }
      await this.audit.record(manager, {
        actor,
        action: 'budget.allocation-imported',
        entityType: 'allocation_import',
        entityId: importId,
        after: {
          budgetYear: check.budgetYear,
          source: document.source,
          ministry: document.ministry?.shortName ?? null,
          posts: check.lines.length,
          earmarks: earmarkCount,
          acknowledgedMismatches: check.acknowledgedMismatches,
        },
      });
      return {
        budgetYear: check.budgetYear,
        importId,
        posts: check.lines.length,
        earmarks: earmarkCount,
        acknowledgedMismatches: check.acknowledgedMismatches,
      };
    });
  }
}
