import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `content` as the file `fileName` in a directory of its own under the system's temp folder, for a
 * command-line tool to read; the directory goes when `work` ends, also when it fails.
 */
export async function withTemporaryFile<T>(fileName: string, content: string | Uint8Array, work: (file: string, directory: string) => Promise<T>): Promise<T> {
  const directory = mkdtempSync(join(tmpdir(), 'imdi-test-file-'));
  try {
    const file = join(directory, fileName);
    writeFileSync(file, content);
    return await work(file, directory);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
