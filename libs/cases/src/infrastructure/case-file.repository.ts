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
    await manager.query(
      `INSERT INTO case_file (id, scheme_code, budget_year, scheme_kind, organisation_number, status) VALUES ($1, $2, $3, $4, $5, 'draft')`,
      [file.id, file.schemeCode, file.budgetYear, file.schemeKind, file.organisationNumber],
    );
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

  /** A new status for each case; submissions get theirs from `numberAndUpdate`. */
  async updateStatuses(manager: EntityManager, changes: ReadonlyArray<{ id: string; status: CaseStatus }>): Promise<void> {
    await manager.query(
      `UPDATE case_file AS c SET status = change.status, status_changed_at = now(), updated_at = now()
       FROM unnest($1::uuid[], $2::text[]) AS change (id, status) WHERE c.id = change.id`,
      [changes.map((change) => change.id), changes.map((change) => change.status)],
    );
  }


  /**
   * Submits cases received in one Oslo year: takes the next consecutive numbers, in the order given,
   * and writes them with the new status in one statement. The counter row stays locked until commit.
   */
  async numberAndUpdate(manager: EntityManager, year: number, changes: ReadonlyArray<{ id: string; status: CaseStatus; receivedAt: Date }>): Promise<string[]> {
    const [rows]: [Array<{ id: string; case_number: string }>, number] = await manager.query(
      `WITH counter AS (
         INSERT INTO case_number_counter (year, last_number) VALUES ($1, $2)
         ON CONFLICT (year) DO UPDATE SET last_number = case_number_counter.last_number + $2 RETURNING last_number
       )
       UPDATE case_file AS c SET status = change.status,
         case_number = $1 || '/' || lpad((counter.last_number - $2 + change.position)::text, greatest(5, length((counter.last_number - $2 + change.position)::text)), '0'),
         received_at = change.received_at, status_changed_at = now(), updated_at = now()
       FROM counter, unnest($3::uuid[], $4::text[], $5::timestamptz[]) WITH ORDINALITY AS change (id, status, received_at, position)
       WHERE c.id = change.id
       RETURNING c.id, c.case_number`,
      [year, changes.length, changes.map((change) => change.id), changes.map((change) => change.status), changes.map((change) => change.receivedAt)],
    );
    const numbers = new Map(rows.map((row) => [row.id, row.case_number]));
    return changes.map((change) => numbers.get(change.id)!);
  }
}
