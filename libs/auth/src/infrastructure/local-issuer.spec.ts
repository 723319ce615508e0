import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalIssuer } from './local-issuer';

describe('LocalIssuer.open on a key directory that does not exist yet', () => {
  let root: string;
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'imdi-local-issuer-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const modeOf = (path: string): number => statSync(path).mode & 0o777;

  it('keeps the keys private and the parent it makes as any other new directory', async () => {
    mkdirSync(join(root, 'plain'));
    await LocalIssuer.open(join(root, '.local', 'auth'), 'imdi-tilskudd-local', 'imdi-tilskudd');
    expect(modeOf(join(root, '.local', 'auth'))).toBe(0o700);
    expect(modeOf(join(root, '.local'))).toBe(modeOf(join(root, 'plain')));
  });
});
