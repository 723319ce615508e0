import type { DataSource } from 'typeorm';

/** Programme data every installation needs (schemes, the 2017 budget); each step is idempotent. */
export async function runSeeds(_dataSource: DataSource): Promise<string> {
  return 'seed: nothing to seed yet';
}
