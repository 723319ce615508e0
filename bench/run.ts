/**
 * npm run bench [-- name ...]: runs the named benchmarks (all when none is named) and prints numbers.
 * Each benchmark module exports run(); they create their own databases and clean up after.
 */
import { cpus } from 'node:os';

const BENCHMARKS: Record<string, () => Promise<{ run(): Promise<void> }>> = {
  baseline: () => import('./baseline.bench'),
  bankfiles: () => import('./bankfiles.bench'),
  intake: () => import('./intake.bench'),
  letters: () => import('./letters.bench'),
  payouts: () => import('./payouts.bench'),
  reports: () => import('./reports.bench'),
};

async function main(): Promise<void> {
  const requested = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const names = requested.length > 0 ? requested : Object.keys(BENCHMARKS);
  const unknown = names.filter((name) => !(name in BENCHMARKS));
  if (unknown.length > 0) throw new Error(`unknown benchmark: ${unknown.join(', ')} (have: ${Object.keys(BENCHMARKS).join(', ')})`);
  process.stdout.write(`machine: ${cpus().length} cores, node ${process.version}\n`);
  for (const name of names) {
    const benchmark = await BENCHMARKS[name]();
    await benchmark.run();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
