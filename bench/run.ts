/**
 * npm run bench [-- name ...]: runs the named benchmarks (all when none is named) and prints numbers.
 * Each benchmark module exports run(); they create their own databases and clean up after.
 *
 * Each benchmark runs in a process of its own, one after the other, so that what one leaves in the
 * heap (the intake bench's forty thousand drafts, its module graph) is not counted in the next one's
 * memory: the payout run's peak RSS was 236 MB at its start after the intake bench in the same process,
 * against 161 MB on its own.
 */
import { spawn } from 'node:child_process';
import { cpus } from 'node:os';

const BENCHMARKS: Record<string, () => Promise<{ run(): Promise<void> }>> = {
  baseline: () => import('./baseline.bench'),
  bankfiles: () => import('./bankfiles.bench'),
  intake: () => import('./intake.bench'),
  letters: () => import('./letters.bench'),
  payouts: () => import('./payouts.bench'),
  reports: () => import('./reports.bench'),
};

/** The flag a child gets: run this one benchmark here. */
const ONE = '--one';

function runInOwnProcess(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, __filename, ONE, name], { stdio: 'inherit' });
    // A run that is stopped stops its benchmark too, and with it the benchmark's api.
    const stop = (signal: NodeJS.Signals) => child.kill(signal);
    process.once('SIGINT', stop).once('SIGTERM', stop);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      process.removeListener('SIGINT', stop).removeListener('SIGTERM', stop);
      if (code === 0) resolve();
      else reject(new Error(`benchmark ${name} failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === ONE) {
    await (await BENCHMARKS[args[1]]()).run();
    return;
  }
  const requested = args.filter((arg) => !arg.startsWith('-'));
  const names = requested.length > 0 ? requested : Object.keys(BENCHMARKS);
  const unknown = names.filter((name) => !(name in BENCHMARKS));
  if (unknown.length > 0) throw new Error(`unknown benchmark: ${unknown.join(', ')} (have: ${Object.keys(BENCHMARKS).join(', ')})`);
  process.stdout.write(`machine: ${cpus().length} cores, node ${process.version}; each benchmark in a process of its own\n`);
  for (const name of names) await runInOwnProcess(name);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
