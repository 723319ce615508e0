import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface FontFiles {
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
}

let loaded: FontFiles | undefined;

/**
 * DejaVu Sans, embedded in every letter: it covers Norwegian letters and the Latin, Greek and
 * Cyrillic scripts (and more) that recipients' and persons' names are written in.
 */
export function letterFonts(): FontFiles {
  if (!loaded) {
    const directory = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    loaded = {
      regular: readFileSync(join(directory, 'DejaVuSans.ttf')),
      bold: readFileSync(join(directory, 'DejaVuSans-Bold.ttf')),
    };
  }
  return loaded;
}
