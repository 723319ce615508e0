import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { withTemporaryFile } from './temporary-file';

const run = promisify(execFile);

/** The text a reader sees, extracted with poppler (pdftotext); proves the PDF opens and renders. */
export async function pdfText(pdf: Buffer): Promise<string> {
  return withTemporaryFile('letter.pdf', pdf, async (file, directory) => {
    await run('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '1', file, join(directory, 'page')]);
    const { stdout } = await run('pdftotext', ['-layout', file, '-']);
    return stdout.replace(/\s+/g, ' ');
  });
}
