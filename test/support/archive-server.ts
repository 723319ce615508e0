import { spawnSync } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/** The official arkivmelding schema as vendored in libs/noark (with the metadata catalogue it imports). */
export const ARKIVMELDING_XSD = join(__dirname, '..', '..', 'libs', 'noark', 'src', 'infrastructure', 'xsd', 'arkivmelding.xsd');

export interface ArchivedMessage {
  readonly idempotencyKey: string;
  readonly xml: string;
  readonly files: ReadonlyArray<{ name: string; mediaType: string; size: number }>;
  readonly receiptId: string;
}

/**
 * An archive system in the test process: takes an arkivmelding with its files as multipart/form-data,
 * checks the message against the official XSD with xmllint (an invalid one is refused with 400, as an
 * archive refuses it), keeps each message once per Idempotency-Key and answers with a receipt (the same
 * receipt for a repeat). `failing = true` makes it answer 503, as an archive that is down.
 */
export interface TestArchiveServer {
  readonly url: string;
  /** Accepted messages, one per Idempotency-Key. */
  readonly archived: ArchivedMessage[];
  /** Every request that reached the server, accepted or not. */
  readonly requests: number;
  /** How many times a message was posted again after it was archived (answered with its first receipt). */
  readonly repeats: number;
  readonly invalid: string[];
  /** The content of a file a message brought (by the message's Idempotency-Key and the file's name). */
  contentOf(idempotencyKey: string, fileName: string): Buffer | undefined;
  failing: boolean;
  close(): Promise<void>;
}

export function xmllintAgainstArkivmeldingXsd(xml: string): { valid: boolean; output: string } {
  const result = spawnSync('xmllint', ['--noout', '--nonet', '--schema', ARKIVMELDING_XSD, '-'], { input: xml, encoding: 'utf8' });
  return { valid: result.status === 0, output: result.stderr };
}

async function body(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startArchiveServer(): Promise<TestArchiveServer> {
  const byKey = new Map<string, ArchivedMessage>();
  const contents = new Map<string, Buffer>();
  const state = { requests: 0, repeats: 0, failing: false, invalid: [] as string[], archived: [] as ArchivedMessage[] };
  let counter = 0;
  const server: Server = createServer((request, response) => {
    void (async () => {
      state.requests += 1;
      const raw = await body(request);
      if (state.failing) {
        response.writeHead(503, { 'content-type': 'text/plain' }).end('Arkivet er midlertidig utilgjengelig');
        return;
      }
      const key = String(request.headers['idempotency-key'] ?? '');
      if (request.method !== 'POST' || key === '') {
        response.writeHead(400).end('POST med Idempotency-Key');
        return;
      }
      const known = byKey.get(key);
      if (known) {
        state.repeats += 1;
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ receiptId: known.receiptId }));
        return;
      }
      const form = await new Request('http://archive.local/', {
        method: 'POST',
        headers: { 'content-type': String(request.headers['content-type']) },
        body: raw,
      }).formData();
      const message = form.get('arkivmelding');
      if (!(message instanceof Blob)) {
        response.writeHead(400).end('mangler arkivmelding');
        return;
      }
      const xml = await message.text();
      const validation = xmllintAgainstArkivmeldingXsd(xml);
      if (!validation.valid) {
        state.invalid.push(validation.output);
        response.writeHead(400, { 'content-type': 'text/plain' }).end(validation.output);
        return;
      }
      const files = form.getAll('dokument').flatMap((file) => (typeof file === 'string' ? [] : [{ name: file.name, mediaType: file.type, size: file.size }]));
      for (const file of form.getAll('dokument')) {
        if (typeof file !== 'string') contents.set(`${key}/${file.name}`, Buffer.from(await file.arrayBuffer()));
      }
      counter += 1;
      const archived: ArchivedMessage = { idempotencyKey: key, xml, files, receiptId: `arkiv-${counter}` };
      byKey.set(key, archived);
      state.archived.push(archived);
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ receiptId: archived.receiptId, receivedAt: new Date().toISOString() }));
    })().catch((error: Error) => {
      response.writeHead(500).end(error.message);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/arkivmelding`,
    archived: state.archived,
    get requests() {
      return state.requests;
    },
    get repeats() {
      return state.repeats;
    },
    invalid: state.invalid,
    contentOf: (idempotencyKey, fileName) => contents.get(`${idempotencyKey}/${fileName}`),
    get failing() {
      return state.failing;
    },
    set failing(value: boolean) {
      state.failing = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
