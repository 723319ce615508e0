import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The text a reader sees, extracted with poppler (pdftotext); proves the PDF opens and renders. */
export async function pdfText(pdf: Buffer): Promise<string> {
  const directory = mkdtempSync(join(tmpdir(), 'imdi-pdf-'));
  try {
    const file = join(directory, 'letter.pdf');
    writeFileSync(file, pdf);
    await run('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '1', file, join(directory, 'page')]);
    const { stdout } = await run('pdftotext', ['-layout', file, '-']);
    return stdout.replace(/\s+/g, ' ');
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
