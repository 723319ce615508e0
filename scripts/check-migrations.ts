import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { projectRoot } from '@imdi/platform';

/**
 * A migration that has landed may already have run on a database somewhere; editing it changes
 * nothing there and makes a fresh database differ from an old one. So every migration must be byte
 * for byte what its first commit added. The four edited before this check existed are pinned by the
 * hash of the content they have had since (checked the same way, so they cannot change again).
 */
const EDITED_BEFORE_THE_CHECK: Readonly<Record<string, string>> = {
  '1795000500000-CreateCasework.ts': 'cbe000d043602b5602b1d84957f83c0920eef06d99638f5e51cf1bf8f352ee13',
  '1795000600000-CreateAppealsAndAnswers.ts': '3c20e8ee0824081f3423e106ad2f645d2a1c9e85b9c98d5c4b1c4936f4be1432',
  '1795000700000-CreatePayments.ts': 'f56d8d715912dbec1676cc69ca4b5d12a830fa1321992ebaf6d820e8307d7757',
  '1795001200000-AddPerCapitaPayouts.ts': 'f94398df34c27b18c285cd4d30de7456f5b585e3336721960ca633113c00b5f3',
  // Changed on their branches after a first integration merge, before main ever had them (stop 13).
  '1795002500000-AddBankReturnFiles.ts': 'bbdadde546b15d0dce6c166c7d91264b68d4afc0f813c0dea3eb17860e25b371',
  '1795002700000-CreateMessages.ts': '88083f20c0ebd2e79d76074150aa4ec38b90661a09e9fe0c00df424a757d9fd5',
};

/** The files the data source runs as migrations (data-source-options.ts loads them by this name). */
const MIGRATION_FILE = /^\d{13}-[A-Za-z]+\.ts$/;

export interface MigrationProblem {
  readonly file: string;
  readonly problem: string;
}

export function checkMigrations(root: string): MigrationProblem[] {
  const directory = join(root, 'migrations');
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (git('rev-parse', '--is-shallow-repository').trim() === 'true') {
    return [{ file: 'migrations/', problem: 'the clone is shallow, so the first commit of each migration cannot be read (git fetch --unshallow)' }];
  }
  const landedOn = hasRef(git, 'refs/heads/main') ? 'main' : 'HEAD';
  const problems: MigrationProblem[] = [];
  // The data source runs every file named <13-digit timestamp>-<Name>.ts and nothing else, so a file
  // named otherwise would be left out without a word.
  for (const file of readdirSync(directory).sort()) {
    const path = `migrations/${file}`;
    if (!MIGRATION_FILE.test(file)) {
      problems.push({ file: path, problem: 'is not named <13-digit timestamp>-<Name>.ts, so it would never run' });
      continue;
    }
    const current = readFileSync(join(directory, file));
    const pinned = EDITED_BEFORE_THE_CHECK[file];
    if (pinned) {
      if (sha256(current) !== pinned) problems.push({ file: path, problem: 'differs from the content pinned when the check was introduced' });
      continue;
    }
    // Landed means on main: the commit of main's own line (a merge, for work from a branch) that added
    // the file. Until then a migration is new, and free to change.
    const firstCommit = git('log', landedOn, '--first-parent', '--diff-filter=A', '--format=%H', '--', path).trim().split('\n').filter(Boolean).at(-1);
    if (!firstCommit) continue;
    const landed = execFileSync('git', ['show', `${firstCommit}:${path}`], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    if (!landed.equals(current)) {
      problems.push({
        file: path,
        problem: `differs from its first commit ${firstCommit.slice(0, 10)}: add a new migration instead of editing one that has landed`,
      });
    }
    // A migration may install SQL that its owner keeps in a module of its own (a view, a function): what the
    // migration installs is that module as it was when the migration landed, so the module is held to it too.
    for (const imported of installedModules(root, path, current.toString('utf8'))) {
      const now = readFileOrNull(join(root, imported));
      const then = gitShowOrNull(root, `${firstCommit}:${imported}`);
      if (then && (!now || !then.equals(now))) {
        problems.push({
          file: imported,
          problem: `is installed by ${path} and differs from what it was when that migration landed (${firstCommit.slice(0, 10)}): put the new SQL in a new constant or module and install it with a new migration`,
        });
      }
    }
  }
  return problems;
}

/** The repository paths of the modules outside migrations/ that a migration imports by relative path. */
export function installedModules(root: string, migrationPath: string, source: string): string[] {
  const modules = new Set<string>();
  for (const [, specifier] of source.matchAll(/from\s+'(\.{1,2}\/[^']+)'/g)) {
    const path = relative(root, join(root, dirname(migrationPath), `${specifier}.ts`))
      .split('\\')
      .join('/');
    if (!path.startsWith('migrations/')) modules.add(path);
  }
  return [...modules].sort();
}

function readFileOrNull(path: string): Buffer | null {
  try {
    return readFileSync(path);
  } catch {
    return null;
  }
}

function gitShowOrNull(root: string, spec: string): Buffer | null {
  try {
    return execFileSync('git', ['show', spec], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch {
    return null;
  }
}

function hasRef(git: (...args: string[]) => string, ref: string): boolean {
  try {
    git('rev-parse', '--verify', '--quiet', ref);
    return true;
  } catch {
    return false;
  }
}

function sha256(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

if (require.main === module) {
  const problems = checkMigrations(projectRoot());
  for (const { file, problem } of problems) process.stderr.write(`migration check: ${file} ${problem}\n`);
  if (problems.length > 0) process.exit(1);
  process.stdout.write('migration check: every landed migration is as it landed\n');
}
