import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuditModule } from '@imdi/audit';
import { BudgetModule, ImportAllocationLetter, type AllocationLetterDocument } from '@imdi/budget';
import { Clock } from '@imdi/kernel';
import { ClockModule, ConfigModule, DatabaseModule, projectRoot } from '@imdi/platform';
import { ImportSchemeYear, SchemesModule, type SchemeYearDocument } from '@imdi/schemes';
import { DataSource } from 'typeorm';
import { demonstrationAllocationLetter, demonstrationSchemes, demonstrationYear } from './demo-year';

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

/**
 * The demonstration year (scripts/demo-year.ts) for the embedded default of `npm start`: the current
 * year's frames and schemes derived from 2017, with windows around today. Never in production.
 */
export async function runDemonstrationSeeds(): Promise<string> {
  const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['error'] });
  try {
    const dataSource = app.get(DataSource);
    const today = app.get(Clock).now();
    const year = demonstrationYear(today);
    const done: string[] = [];
    const hasBudget: unknown[] = await dataSource.query('SELECT 1 FROM allocation_import WHERE budget_year = $1', [year]);
    if (hasBudget.length === 0) {
      const result = await app
        .get(ImportAllocationLetter)
        .execute(demonstrationAllocationLetter(readData<AllocationLetterDocument>('allocation-letters', 2017), today), SEED_ACTOR);
      done.push(`demonstration budget ${year}: ${result.posts} posts, ${result.earmarks} earmarks`);
    }
    const hasSchemes: unknown[] = await dataSource.query('SELECT 1 FROM scheme_version WHERE budget_year = $1 LIMIT 1', [year]);
    if (hasSchemes.length === 0) {
      const result = await app.get(ImportSchemeYear).execute(demonstrationSchemes(readData<SchemeYearDocument>('schemes', 2017), today), SEED_ACTOR);
      done.push(`demonstration schemes ${year}: ${result.schemes}`);
    }
    return `demonstration seed: ${done.length > 0 ? done.join('; ') : `year ${year} is there already`}`;
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
