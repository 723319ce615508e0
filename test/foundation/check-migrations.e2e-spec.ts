import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkMigrations, installedModules } from '../../scripts/check-migrations';

/**
 * The migration check on a repository of its own: a migration that landed on main, and the SQL module
 * it installs, may not change afterwards; before they land both are free to change.
 */
describe('The migration check', () => {
  let root: string;
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const write = (path: string, text: string): void => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const migration = `import { VIEW } from '../libs/things/src/infrastructure/thing.view';\nimport { Older1000000000000 } from './1000000000000-Older';\nexport class AddView1000000000001 { up = VIEW; }\n`;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'imdi-migration-check-'));
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'test@example.no');
    git('config', 'user.name', 'Test');
    write('migrations/1000000000000-Older.ts', 'export class Older1000000000000 {}\n');
    write('libs/things/src/infrastructure/thing.view.ts', "export const VIEW = 'CREATE VIEW thing AS SELECT 1';\n");
    write('migrations/1000000000001-AddView.ts', migration);
    git('add', '-A');
    git('commit', '-q', '-m', 'land');
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('finds the modules a migration installs outside migrations/', () => {
    expect(installedModules(root, 'migrations/1000000000001-AddView.ts', migration)).toEqual(['libs/things/src/infrastructure/thing.view.ts']);
  });

  it('passes what is as it landed', () => {
    expect(checkMigrations(root)).toEqual([]);
  });

  it('refuses a file in migrations/ that is not named as a migration, since it would never run', () => {
    write('migrations/AddThing.ts', 'export class AddThing {}\n');
    expect(checkMigrations(root)).toEqual([{ file: 'migrations/AddThing.ts', problem: expect.stringContaining('would never run') }]);
  });

  it('refuses an edited landed migration', () => {
    write('migrations/1000000000000-Older.ts', 'export class Older1000000000000 { edited = true; }\n');
    expect(checkMigrations(root)).toEqual([expect.objectContaining({ file: 'migrations/1000000000000-Older.ts' })]);
  });

  it('refuses an edited or removed SQL module that a landed migration installs, and names the migration', () => {
    write('libs/things/src/infrastructure/thing.view.ts', "export const VIEW = 'CREATE VIEW thing AS SELECT 2';\n");
    expect(checkMigrations(root)).toEqual([
      { file: 'libs/things/src/infrastructure/thing.view.ts', problem: expect.stringContaining('installed by migrations/1000000000001-AddView.ts') },
    ]);
    rmSync(join(root, 'libs/things/src/infrastructure/thing.view.ts'));
    expect(checkMigrations(root)).toHaveLength(1);
  });

  it('lets a migration and its module change while they are new on a branch', () => {
    git('checkout', '-q', '-b', 'work');
    write('libs/things/src/infrastructure/other.view.ts', "export const OTHER = 'CREATE VIEW other AS SELECT 1';\n");
    write(
      'migrations/1000000000002-AddOther.ts',
      "import { OTHER } from '../libs/things/src/infrastructure/other.view';\nexport class AddOther1000000000002 { up = OTHER; }\n",
    );
    git('add', '-A');
    git('commit', '-q', '-m', 'new on a branch');
    write('libs/things/src/infrastructure/other.view.ts', "export const OTHER = 'CREATE VIEW other AS SELECT 2';\n");
    expect(checkMigrations(root)).toEqual([]);
  });
});
