import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CaseStatus } from '../domain/case-status';
import type { SchemeKindOfCase } from '../domain/case.state-machine';

export interface CaseFile {
  readonly id: string;
  readonly caseNumber: string | null;
  readonly schemeCode: string;
  readonly budgetYear: number;
  readonly schemeKind: SchemeKindOfCase;
  readonly organisationNumber: string;
  readonly status: CaseStatus;
  readonly receivedAt: Date | null;
  readonly statusChangedAt: Date;
}

interface CaseRecord {
  id: string;
  case_number: string | null;
  scheme_code: string;
  budget_year: number;
  scheme_kind: SchemeKindOfCase;
  organisation_number: string;
  status: CaseStatus;
  received_at: Date | null;
  status_changed_at: Date;
}

const toCase = (row: CaseRecord): CaseFile => ({
  id: row.id,
  caseNumber: row.case_number,
  schemeCode: row.scheme_code,
  budgetYear: row.budget_year,
  schemeKind: row.scheme_kind,
  organisationNumber: row.organisation_number,
  status: row.status,
  receivedAt: row.received_at,
  statusChangedAt: row.status_changed_at,
});

@Injectable()
export class CaseFileRepository {
  async insert(manager: EntityManager, file: Pick<CaseFile, 'id' | 'schemeCode' | 'budgetYear' | 'schemeKind' | 'organisationNumber'>): Promise<void> {
    await manager.query(`INSERT INTO case_file (id, scheme_code, budget_year, scheme_kind, organisation_number, status) VALUES ($1, $2, $3, $4, $5, 'draft')`, [
      file.id,
      file.schemeCode,
      file.budgetYear,
      file.schemeKind,
      file.organisationNumber,
    ]);
  }

  async lock(manager: EntityManager, id: string): Promise<CaseFile | undefined> {
    const rows: CaseRecord[] = await manager.query(`SELECT * FROM case_file WHERE id = $1 FOR UPDATE`, [id]);
    return rows[0] && toCase(rows[0]);
  }

  /** Locks in id order, so two writers locking overlapping sets cannot deadlock on each other. */
  async lockMany(manager: EntityManager, ids: readonly string[]): Promise<CaseFile[]> {
    const rows: CaseRecord[] = await manager.query(`SELECT * FROM case_file WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [ids]);
    return rows.map(toCase);
  }

  async find(manager: EntityManager, id: string): Promise<CaseFile | undefined> {
    const rows: CaseRecord[] = await manager.query(`SELECT * FROM case_file WHERE id = $1`, [id]);
    return rows[0] && toCase(rows[0]);
  }

  async findMany(manager: EntityManager, ids: readonly string[]): Promise<CaseFile[]> {
    const rows: CaseRecord[] = await manager.query(`SELECT * FROM case_file WHERE id = ANY($1::uuid[])`, [ids]);
    return rows.map(toCase);
  }

  /** The cases of one scheme and year in one status, by case number. */
  async inStatus(
    manager: EntityManager,
    filter: { schemeCode: string; budgetYear: number; schemeKind: SchemeKindOfCase; status: CaseStatus },
  ): Promise<CaseFile[]> {
    const rows: CaseRecord[] = await manager.query(
      `SELECT * FROM case_file WHERE scheme_code = $1 AND budget_year = $2 AND scheme_kind = $3 AND status = $4 ORDER BY case_number`,
      [filter.schemeCode, filter.budgetYear, filter.schemeKind, filter.status],
    );
    return rows.map(toCase);
  }

  /** A new status for each case (a submission gets its status with its number, in submit_applications). */
  async updateStatuses(manager: EntityManager, changes: ReadonlyArray<{ id: string; status: CaseStatus }>): Promise<void> {
    await manager.query(
      `UPDATE case_file AS c SET status = change.status, status_changed_at = now(), updated_at = now()
       FROM unnest($1::uuid[], $2::text[]) AS change (id, status) WHERE c.id = change.id`,
      [changes.map((change) => change.id), changes.map((change) => change.status)],
    );
  }
}
