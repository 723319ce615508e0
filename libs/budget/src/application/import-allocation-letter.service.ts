import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@imdi/audit';
import type { Principal } from '@imdi/auth';
import { DataSource } from 'typeorm';
import { checkAllocationLetter, type AllocationLetterDocument, type TotalMismatch } from '../domain/allocation-letter';
import { BudgetError } from '../domain/budget.errors';
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
      const inserted: Array<{ id: string }> = await manager.query(
        `INSERT INTO allocation_import (budget_year, source, document, imported_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (budget_year) DO NOTHING RETURNING id`,
        [check.budgetYear, document.source, JSON.stringify(document), actor.userId],
      );
      if (inserted.length === 0) {
        throw new BudgetError('BUDGET_YEAR_ALREADY_IMPORTED', `Rammene for ${check.budgetYear} er allerede importert.`, { budgetYear: check.budgetYear });
      }
      const importId = inserted[0].id;
      if (document.ministry) await this.ministries.insert(manager, check.budgetYear, document.ministry, importId);
      let earmarkCount = 0;
      for (const line of check.lines) {
        const [{ id: lineId }]: Array<{ id: string }> = await manager.query(
          `INSERT INTO budget_line (budget_year, chapter, post, name, frame_ore, pending_note, transferable, estimate, import_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
          [
            check.budgetYear,
            line.budgetPost.chapter,
            line.budgetPost.post,
            line.name,
            line.frame.toOreString(),
            line.pendingNote ?? null,
            line.transferable,
            line.estimate,
            importId,
          ],
        );
        for (const earmark of line.earmarks) {
          await manager.query(`INSERT INTO budget_earmark (budget_line_id, code, name, amount_ore) VALUES ($1, $2, $3, $4)`, [
            lineId,
            earmark.code,
            earmark.name,
            earmark.amount.toOreString(),
          ]);
          earmarkCount++;
        }
      }
      for (const total of check.declaredTotals) {
        await manager.query(
          `INSERT INTO budget_declared_total (import_id, budget_year, chapter, post, declared_ore, acknowledged_mismatch) VALUES ($1, $2, $3, $4, $5, $6)`,
          [importId, check.budgetYear, total.chapter, total.post, total.amount.toOreString(), total.acknowledgedMismatch ?? null],
        );
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
