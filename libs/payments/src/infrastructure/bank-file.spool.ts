import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip, constants as zlib } from 'node:zlib';

export interface SpooledFile {
  readonly path: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  /** The first bytes, enough to see the root element and its namespace. */
  readonly head: string;
  remove(): Promise<void>;
}

export class SpoolTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`larger than ${limitBytes} bytes`);
  }
}

/**
 * Writes an uploaded bank file to a private temporary file while hashing it, so that a file of
 * hundreds of megabytes never sits in memory: the schema validator, the reader and the archive
 * copy each read it from disk.
 */
export async function spoolBankFile(body: Readable | AsyncIterable<Buffer | string>, limitBytes: number): Promise<SpooledFile> {
  const directory = await mkdtemp(join(tmpdir(), 'bank-file-'));
  const path = join(directory, 'file.xml');
  const remove = () => rm(directory, { recursive: true, force: true });
  const hash = createHash('sha256');
  let sizeBytes = 0;
  try {
    await pipeline(
      body,
      async function* (source: AsyncIterable<Buffer | string>) {
        for await (const chunk of source) {
          const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
          sizeBytes += bytes.length;
          if (sizeBytes > limitBytes) throw new SpoolTooLargeError(limitBytes);
          hash.update(bytes);
          yield bytes;
        }
      },
      createWriteStream(path),
    );
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(Math.min(sizeBytes, 4096));
      await handle.read(buffer, 0, buffer.length, 0);
      return { path, sizeBytes, sha256: hash.digest('hex'), head: buffer.toString('utf8'), remove };
    } finally {
      await handle.close();
    }
  } catch (error) {
    await remove();
    throw error;
  }
}

/** The file as text chunks of a megabyte, for the streaming readers. */
export function readSpooled(file: SpooledFile): AsyncIterable<string> {
  return createReadStream(file.path, { encoding: 'utf8', highWaterMark: 1 << 20 });
}

/** The archive copy: gzip at its fastest level (XML shrinks tenfold even so), off the main thread. */
export async function gzipSpooled(file: SpooledFile): Promise<Buffer> {
  const parts: Buffer[] = [];
  await pipeline(createReadStream(file.path, { highWaterMark: 1 << 20 }), createGzip({ level: zlib.Z_BEST_SPEED }), async (source: AsyncIterable<Buffer>) => {
    for await (const part of source) parts.push(part);
  });
  return Buffer.concat(parts);
}
