import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
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

/**
 * The file as text chunks of a megabyte, for the streaming readers. A bank file is nearly all
 * ASCII: a chunk that is (and that does not continue a character the previous chunk began) is
 * turned into a string byte for byte, which costs a fraction of UTF-8 decoding; any other chunk
 * goes through the UTF-8 decoder, which keeps a character split between two chunks whole.
 */
export async function* readSpooled(file: SpooledFile): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let midCharacter = false;
  for await (const bytes of createReadStream(file.path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    if (!midCharacter && isAscii(bytes)) {
      yield bytes.toString('latin1');
      continue;
    }
    yield decoder.write(bytes);
    midCharacter = !endsOnCharacterBoundary(bytes);
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/** False when the last bytes are the start of a UTF-8 character whose remaining bytes come later. */
export function endsOnCharacterBoundary(bytes: Uint8Array): boolean {
  let continuation = 0;
  for (let index = bytes.length - 1; index >= 0 && index >= bytes.length - 4; index--) {
    const byte = bytes[index];
    if ((byte & 0xc0) === 0x80) {
      continuation++;
      continue;
    }
    const length = byte < 0x80 ? 1 : byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return continuation + 1 >= length;
  }
  return true;
}

/** The archive copy: gzip at its fastest level (XML shrinks tenfold even so), off the main thread. */
export async function gzipSpooled(file: SpooledFile): Promise<Buffer> {
  const parts: Buffer[] = [];
  await pipeline(createReadStream(file.path, { highWaterMark: 1 << 20 }), createGzip({ level: zlib.Z_BEST_SPEED }), async (source: AsyncIterable<Buffer>) => {
    for await (const part of source) parts.push(part);
  });
  return Buffer.concat(parts);
}
