import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AuditTrail } from '@imdi/audit';
import { ImportAllocationLetter, type AllocationLetterDocument } from '@imdi/budget';
import { projectRoot } from '@imdi/platform';
import type { DataSource } from 'typeorm';

const DATA = join(projectRoot(), 'data');
const SEED_ACTOR = { userId: 'seed', roles: ['admin'] as const };

/** Programme data every installation needs (the 2017 budget, the schemes); each step is idempotent. */
export async function runSeeds(dataSource: DataSource): Promise<string> {
  const done: string[] = [];
  for (const year of [2017]) {
    const imported: unknown[] = await dataSource.query('SELECT 1 FROM allocation_import WHERE budget_year = $1', [year]);
    if (imported.length > 0) continue;
    const document = JSON.parse(readFileSync(join(DATA, 'allocation-letters', `${year}.json`), 'utf8')) as AllocationLetterDocument;
    // The seed goes through the same checked import an admin uses.
    const result = await new ImportAllocationLetter(dataSource, new AuditTrail()).execute(document, { userId: SEED_ACTOR.userId, roles: [...SEED_ACTOR.roles] });
    done.push(`budget ${year}: ${result.posts} posts, ${result.earmarks} earmarks (${result.acknowledgedMismatches.length} acknowledged mismatch)`);
  }
  return `seed: ${done.length > 0 ? done.join('; ') : 'nothing new'}`;
}
