import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuditModule } from '@imdi/audit';
import { BudgetModule, ImportAllocationLetter, type AllocationLetterDocument } from '@imdi/budget';
import { ClockModule, ConfigModule, DatabaseModule, projectRoot } from '@imdi/platform';
import { ImportSchemeYear, SchemesModule, type SchemeYearDocument } from '@imdi/schemes';
import { DataSource } from 'typeorm';

const SEED_YEARS = [2017];
const SEED_ACTOR = { userId: 'seed', roles: ['admin'] as const };

@Module({ imports: [ConfigModule, ClockModule, DatabaseModule, AuditModule, BudgetModule, SchemesModule] })
class SeedModule {}

/**
 * Programme data every installation needs: each year's allocation-letter frames, then the schemes'
 * data for that year, through the same checked imports an admin uses. Each step runs once.
 */
export async function runSeeds(): Promise<string> {
  const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['error'] });
  try {
    const dataSource = app.get(DataSource);
    const done: string[] = [];
    for (const year of SEED_YEARS) {
      const hasBudget: unknown[] = await dataSource.query('SELECT 1 FROM allocation_import WHERE budget_year = $1', [year]);
      if (hasBudget.length === 0) {
        const result = await app.get(ImportAllocationLetter).execute(readData<AllocationLetterDocument>('allocation-letters', year), SEED_ACTOR);
        done.push(`budget ${year}: ${result.posts} posts, ${result.earmarks} earmarks`);
      }
      const hasSchemes: unknown[] = await dataSource.query('SELECT 1 FROM scheme_version WHERE budget_year = $1 LIMIT 1', [year]);
      if (hasSchemes.length === 0 && existsSync(dataFile('schemes', year))) {
        const result = await app.get(ImportSchemeYear).execute(readData<SchemeYearDocument>('schemes', year), SEED_ACTOR);
        done.push(`schemes ${year}: ${result.schemes}`);
      }
    }
    return `seed: ${done.length > 0 ? done.join('; ') : 'nothing new'}`;
  } finally {
    await app.close();
  }
}

function dataFile(kind: string, year: number): string {
  return join(projectRoot(), 'data', kind, `${year}.json`);
}

function readData<T>(kind: string, year: number): T {
  return JSON.parse(readFileSync(dataFile(kind, year), 'utf8')) as T;
}
