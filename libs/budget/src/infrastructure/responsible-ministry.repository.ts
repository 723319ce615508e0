import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ResponsibleMinistry } from '../domain/allocation-letter';

@Injectable()
export class ResponsibleMinistryRepository {
  async insert(manager: EntityManager, budgetYear: number, ministry: ResponsibleMinistry, importId: string): Promise<void> {
    await manager.query(`INSERT INTO budget_year_ministry (budget_year, name, short_name, postal_address, email, import_id) VALUES ($1, $2, $3, $4, $5, $6)`, [
      budgetYear,
      ministry.name,
      ministry.shortName,
      ministry.postalAddress,
      ministry.email,
      importId,
    ]);
  }

  /** One writer of a year's ministry at a time, so the audited 'before' is what was replaced. */
  async lockYear(manager: EntityManager, budgetYear: number): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('budget-year-ministry:' || $1))`, [budgetYear]);
  }

  /** Sets the year's ministry (an admin correcting it, or a year imported from CSV); the import that named it is kept. */
  async upsert(manager: EntityManager, budgetYear: number, ministry: ResponsibleMinistry): Promise<void> {
    await manager.query(
      `INSERT INTO budget_year_ministry (budget_year, name, short_name, postal_address, email, import_id)
       VALUES ($1, $2, $3, $4, $5, (SELECT id FROM allocation_import WHERE budget_year = $1))
       ON CONFLICT (budget_year) DO UPDATE SET name = EXCLUDED.name, short_name = EXCLUDED.short_name, postal_address = EXCLUDED.postal_address, email = EXCLUDED.email, updated_at = now()`,
      [budgetYear, ministry.name, ministry.shortName, ministry.postalAddress, ministry.email],
    );
  }

  async find(manager: EntityManager, budgetYear: number): Promise<ResponsibleMinistry | undefined> {
    const [row]: Array<{ name: string; short_name: string; postal_address: string; email: string }> = await manager.query(
      `SELECT name, short_name, postal_address, email FROM budget_year_ministry WHERE budget_year = $1`,
      [budgetYear],
    );
    return row && { name: row.name, shortName: row.short_name, postalAddress: row.postal_address, email: row.email };
  }
}
