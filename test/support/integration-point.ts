import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { readArkivmelding, validateArkivmeldingAsync, type ArkivmeldingSammendrag } from '@imdi/noark';

/** One message the local integration point took and sent on (POST /api/messages/out/{id} succeeded). */
export interface ReceivedDigitalPost {
  readonly messageId: string;
  readonly conversationId: string;
  readonly process: string;
  readonly sender: string;
  readonly receiver: string;
  readonly primaryDocument: string;
  readonly arkivmelding: string;
  /** What the arkivmelding says (case folder, registry entries, files), as a receiving archive reads it. */
  readonly summary: ArkivmeldingSammendrag;
  readonly files: ReadonlyMap<string, { readonly contentType: string; readonly title: string | undefined; readonly content: Buffer }>;
}

export interface StatusEntry {
  readonly id: number;
  readonly convId: number;
  readonly messageId: string;
  readonly conversationId: string;
  readonly status: string;
  readonly description: string | null;
  readonly lastUpdate: string;
}

/**
 * A local stand-in for eFormidling's integration point (integrasjonspunkt 2.x), speaking the REST
 * endpoints the adapter uses and checking what a real one checks: the SBD header (0192 organisation
 * numbers, arkivmelding document type, process, UUID message and conversation ids), duplicate
 * messageIds and file names, the arkivmelding against the official XSD (@imdi/noark's validator,
 * xmllint with the vendored arkivmelding.xsd), that the main
 * document and every file the arkivmelding names were uploaded. It refuses with 400/404 and its
 * error JSON, as the real one does.
 *
 * Tests steer it: down()/up() (connection refused), failing (500 to everything), failAtReceiver
 * (FEIL after sending), and statuses advance MOTTATT → LEVERT → LEST, one step per status query.
 */
export interface LocalIntegrationPoint {
  readonly url: string;
  /** Every message sent on, in order; a message that went twice shows up twice. */
  readonly sent: ReceivedDigitalPost[];
  /** Every request that was refused with 4xx, for tests to see why. */
  readonly refusals: Array<{ readonly path: string; readonly status: number; readonly exception: string; readonly message: string }>;
  /** Answer 500 to every request while true. */
  failing: boolean;
  /** Receivers whose messages end in FEIL with this description instead of being delivered. */
  readonly failAtReceiver: Map<string, string>;
  /** Receivers that do not take this process: creating a message to them is refused (400 ReceiverDoesNotAcceptProcessException). */
  readonly refuseProcessFor: Set<string>;
  /** Do the next such request's work, then cut the connection before answering (an outcome the sender cannot know). */
  loseNextReply: 'create' | 'send' | undefined;
  /** How far statuses advance after SENDT (default all the way to LEST). */
  advanceTo: 'SENDT' | 'MOTTATT' | 'LEVERT' | 'LEST';
  statusesOf(messageId: string): StatusEntry[];
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

const EXCEPTIONS = 'no.difi.meldingsutveksling.exceptions.';
const PROCESSES = new Set([
  'urn:no:difi:profile:arkivmelding:administrasjon:ver1.0',
  'urn:no:difi:profile:arkivmelding:planbyggOgGeodata:ver1.0',
  'urn:no:difi:profile:arkivmelding:helseSosialOgOmsorg:ver1.0',
]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ORGANISATION = /^0192:\d{9}$/;
const PROGRESS = ['MOTTATT', 'LEVERT', 'LEST'] as const;
const MAX_BODY = 10 * 1024 * 1024;

class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly exception: string,
    message: string,
  ) {
    super(message);
  }
}

interface OutMessage {
  readonly messageId: string;
  readonly conversationId: string;
  readonly sbd: Record<string, unknown>;
  readonly process: string;
  readonly sender: string;
  readonly receiver: string;
  readonly primaryDocument: string;
  readonly files: Map<string, { contentType: string; title: string | undefined; content: Buffer }>;
}

export async function startIntegrationPoint(): Promise<LocalIntegrationPoint> {
  const outgoing = new Map<string, OutMessage>();
  const conversations = new Map<string, { convId: number; conversationId: string; receiver: string }>();
  const statuses = new Map<string, StatusEntry[]>();
  const sent: ReceivedDigitalPost[] = [];
  const refusals: LocalIntegrationPoint['refusals'] = [];
  const failAtReceiver = new Map<string, string>();
  let nextStatusId = 1;
  let nextConversation = 1;
  let server: Server | undefined;
  let port = 0;
  const sockets = new Set<Socket>();

  const addStatus = (messageId: string, status: string, description: string | null = null): void => {
    const conversation = conversations.get(messageId)!;
    const list = statuses.get(messageId) ?? [];
    list.push({
      id: nextStatusId++,
      convId: conversation.convId,
      messageId,
      conversationId: conversation.conversationId,
      status,
      description,
      lastUpdate: new Date().toISOString(),
    });
    statuses.set(messageId, list);
  };

  const state: LocalIntegrationPoint = {
    url: '',
    sent,
    refusals,
    failing: false,
    failAtReceiver,
    refuseProcessFor: new Set<string>(),
    loseNextReply: undefined,
    advanceTo: 'LEST',
    statusesOf: (messageId) => statuses.get(messageId) ?? [],
    down: async () => stop(),
    up: async () => listen(),
    close: async () => stop(),
  };

  function checkEnvelope(body: unknown): Omit<OutMessage, 'files' | 'sbd'> {
    const violations: string[] = [];
    const sbd = (body ?? {}) as Record<string, any>;
    const header = sbd.standardBusinessDocumentHeader;
    if (!header || typeof header !== 'object')
      throw new Refusal(400, 'jakarta.validation.ConstraintViolationException', 'standardBusinessDocumentHeader: must not be null');
    if (header.headerVersion !== '1.0') violations.push('standardBusinessDocumentHeader.headerVersion: must be 1.0');
    const party = (list: unknown, name: string): string => {
      if (!Array.isArray(list) || list.length !== 1) {
        violations.push(`standardBusinessDocumentHeader.${name}: exactly one ${name} is required`);
        return '';
      }
      const identifier = list[0]?.identifier;
      if (identifier?.authority !== 'iso6523-actorid-upis')
        violations.push(`standardBusinessDocumentHeader.${name}.identifier.authority: must be iso6523-actorid-upis`);
      if (typeof identifier?.value !== 'string' || !ORGANISATION.test(identifier.value))
        violations.push(`standardBusinessDocumentHeader.${name}.identifier.value: must be 0192:<organisation number>`);
      return String(identifier?.value ?? '').replace(/^0192:/, '');
    };
    const sender = party(header.sender, 'sender');
    const receiver = party(header.receiver, 'receiver');
    const identification = header.documentIdentification ?? {};
    if (identification.standard !== 'urn:no:difi:arkivmelding:xsd::arkivmelding') violations.push('documentIdentification.standard: unknown document type');
    if (identification.type !== 'arkivmelding') violations.push('documentIdentification.type: must be arkivmelding for this standard');
    if (identification.typeVersion !== '2.0') violations.push('documentIdentification.typeVersion: must be 2.0');
    if (typeof identification.creationDateAndTime !== 'string' || Number.isNaN(Date.parse(identification.creationDateAndTime)))
      violations.push('documentIdentification.creationDateAndTime: must be a date-time');
    const scopes: Array<Record<string, any>> = Array.isArray(header.businessScope?.scope) ? header.businessScope.scope : [];
    const conversation = scopes.find((scope) => scope.type === 'ConversationId');
    if (!conversation) violations.push('businessScope.scope: a ConversationId scope is required');
    else if (!PROCESSES.has(conversation.identifier)) violations.push(`businessScope.scope.identifier: unknown process ${conversation.identifier}`);
    const expires = conversation?.scopeInformation?.[0]?.expectedResponseDateTime;
    if (expires !== undefined && Date.parse(expires) < Date.now())
      throw new Refusal(400, `${EXCEPTIONS}TimeToLiveException`, `ExpectedResponseDateTime ${expires} has been exceeded. Please resend the message`);
    const primaryDocument = sbd.arkivmelding?.hoveddokument;
    if (!sbd.arkivmelding || typeof sbd.arkivmelding !== 'object')
      violations.push('arkivmelding: the business message must match the document type arkivmelding');
    if (violations.length > 0) throw new Refusal(400, 'jakarta.validation.ConstraintViolationException', violations.join(', '));
    const messageId = identification.instanceIdentifier;
    if (typeof messageId !== 'string' || !UUID.test(messageId))
      throw new Refusal(400, `${EXCEPTIONS}NotUUIDException`, `messageId (value: ${messageId}) is not a valid UUID`);
    if (typeof conversation!.instanceIdentifier !== 'string' || !UUID.test(conversation!.instanceIdentifier))
      throw new Refusal(400, `${EXCEPTIONS}NotUUIDException`, `conversationId (value: ${conversation!.instanceIdentifier}) is not a valid UUID`);
    return {
      messageId,
      conversationId: conversation!.instanceIdentifier,
      process: conversation!.identifier,
      sender,
      receiver,
      primaryDocument: typeof primaryDocument === 'string' ? primaryDocument : '',
    };
  }

  async function handle(request: IncomingMessage, body: Buffer): Promise<{ status: number; json?: unknown; operation?: 'create' | 'send' }> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (request.method === 'POST' && path === '/api/messages/out') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body.toString('utf8'));
      } catch {
        throw new Refusal(400, 'org.springframework.http.converter.HttpMessageNotReadableException', 'JSON parse error');
      }
      const envelope = checkEnvelope(parsed);
      if (state.refuseProcessFor.has(envelope.receiver))
        throw new Refusal(400, `${EXCEPTIONS}ReceiverDoesNotAcceptProcessException`, `Receiver do not accept the document process ${envelope.process}`);
      if (outgoing.has(envelope.messageId) || conversations.has(envelope.messageId))
        throw new Refusal(400, `${EXCEPTIONS}MessageAlreadyExistsException`, `Message with messageId = ${envelope.messageId} already exists`);
      outgoing.set(envelope.messageId, { ...envelope, sbd: parsed as Record<string, unknown>, files: new Map() });
      conversations.set(envelope.messageId, { convId: nextConversation++, conversationId: envelope.conversationId, receiver: envelope.receiver });
      addStatus(envelope.messageId, 'OPPRETTET');
      return { status: 200, json: parsed, operation: 'create' };
    }
    const out = /^\/api\/messages\/out\/([^/]+)$/.exec(path);
    if (out) {
      const messageId = decodeURIComponent(out[1]);
      const message = outgoing.get(messageId);
      if (!message) throw new Refusal(404, `${EXCEPTIONS}MessageNotFoundException`, `Message with messageId = ${messageId} was not found`);
      if (request.method === 'GET') return { status: 200, json: message.sbd };
      if (request.method === 'PUT') {
        const disposition = request.headers['content-disposition'];
        if (!disposition) throw new Refusal(400, `${EXCEPTIONS}MissingHttpHeaderException`, "Expected a HTTP header named 'Content-Disposition'");
        const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? /filename=([^;\s]+)/.exec(disposition)?.[1];
        if (!filename) throw new Refusal(400, `${EXCEPTIONS}MissingHttpHeaderException`, "Expected a filename in the HTTP header 'Content-Disposition'");
        if (message.files.has(filename)) throw new Refusal(400, `${EXCEPTIONS}DuplicateFilenameException`, `Filename already exists in message: ${filename}.`);
        message.files.set(filename, {
          contentType: String(request.headers['content-type'] ?? 'application/octet-stream'),
          title: /name="([^"]+)"/.exec(disposition.replace(/filename="[^"]*"/, ''))?.[1],
          content: body,
        });
        return { status: 200 };
      }
      if (request.method === 'POST') {
        if (message.files.size === 0) throw new Refusal(400, `${EXCEPTIONS}MissingFileException`, 'There must always be at least one attachment');
        const arkivmelding = message.files.get('arkivmelding.xml');
        if (!arkivmelding) throw new Refusal(400, `${EXCEPTIONS}MissingArkivmeldingException`, 'DPO message type requires arkivmelding.xml attachment');
        if (!message.primaryDocument || !message.files.has(message.primaryDocument)) {
          throw new Refusal(
            400,
            `${EXCEPTIONS}MissingPrimaryDocumentException`,
            'Missing a primary document. Please specify the hoveddokument property in the business message and verify that is equal to one of the filenames.',
          );
        }
        const xml = arkivmelding.content.toString('utf8');
        const verdict = await validateArkivmeldingAsync(xml);
        if (!verdict.valid)
          throw new Refusal(400, `${EXCEPTIONS}UnmarshalArkivmeldingException`, `Unable to unmarshal arkivmelding: ${verdict.errors.join('; ')}`);
        const summary = readArkivmelding(xml);
        const missing = summary.referanseDokumentfiler.filter((name) => !message.files.has(name));
        if (missing.length > 0)
          throw new Refusal(
            400,
            `${EXCEPTIONS}MissingArkivmeldingFileException`,
            `File(s) defined in arkivmelding, but not found in message: ${missing.join(',')}`,
          );
        outgoing.delete(messageId);
        sent.push({
          messageId,
          conversationId: message.conversationId,
          process: message.process,
          sender: message.sender,
          receiver: message.receiver,
          primaryDocument: message.primaryDocument,
          arkivmelding: xml,
          summary,
          files: message.files,
        });
        addStatus(messageId, 'SENDT');
        return { status: 200, operation: 'send' };
      }
    }
    const statusPath = /^\/api\/statuses\/([^/]+)$/.exec(path);
    if (request.method === 'GET' && statusPath) {
      const messageId = decodeURIComponent(statusPath[1]);
      const list = statuses.get(messageId) ?? [];
      const last = list.at(-1)?.status;
      // The receiver moves on one step each time someone asks, as far as the test allows.
      if (last && !outgoing.has(messageId) && last !== 'FEIL' && last !== 'LEST') {
        const refusal = failAtReceiver.get(conversations.get(messageId)!.receiver);
        if (refusal && last === 'SENDT') addStatus(messageId, 'FEIL', refusal);
        else {
          const next = last === 'SENDT' ? PROGRESS[0] : PROGRESS[PROGRESS.indexOf(last as (typeof PROGRESS)[number]) + 1];
          const limit = state.advanceTo === 'SENDT' ? -1 : PROGRESS.indexOf(state.advanceTo);
          if (next && PROGRESS.indexOf(next) <= limit) addStatus(messageId, next);
        }
      }
      const content = statuses.get(messageId) ?? [];
      return {
        status: 200,
        json: {
          content,
          totalElements: content.length,
          totalPages: 1,
          number: 0,
          size: 100,
          first: true,
          last: true,
          numberOfElements: content.length,
          empty: content.length === 0,
        },
      };
    }
    throw new Refusal(404, 'org.springframework.web.servlet.resource.NoResourceFoundException', `No static resource ${path}.`);
  }

  const reply = (response: ServerResponse, status: number, json?: unknown): void => {
    response.writeHead(status, json === undefined ? {} : { 'Content-Type': 'application/json' });
    response.end(json === undefined ? undefined : JSON.stringify(json));
  };

  const listen = async (): Promise<void> => {
    const instance = createServer((request, response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      request.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_BODY) chunks.push(chunk);
      });
      request.on('end', () => {
        const path = new URL(request.url ?? '/', 'http://localhost').pathname;
        if (state.failing) {
          reply(response, 500, { timestamp: new Date().toISOString(), status: 500, error: 'Internal Server Error', message: 'Database unavailable', path });
          return;
        }
        handle(request, Buffer.concat(chunks)).then(
          (result) => {
            if (result.operation && result.operation === state.loseNextReply) {
              state.loseNextReply = undefined;
              request.socket.destroy();
              return;
            }
            reply(response, result.status, result.json);
          },
          (error: unknown) => {
            if (error instanceof Refusal) {
              refusals.push({ path, status: error.status, exception: error.exception, message: error.message });
              reply(response, error.status, {
                timestamp: new Date().toISOString(),
                status: error.status,
                error: error.status === 404 ? 'Not Found' : 'Bad Request',
                exception: error.exception,
                message: error.message,
                path,
              });
            } else
              reply(response, 500, {
                timestamp: new Date().toISOString(),
                status: 500,
                error: 'Internal Server Error',
                message: String((error as Error).message),
                path,
              });
          },
        );
      });
    });
    instance.on('connection', (socket: Socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((done, fail) => {
      instance.once('error', fail);
      instance.listen(port, '127.0.0.1', () => done());
    });
    port = (instance.address() as AddressInfo).port;
    server = instance;
  };

  const stop = async (): Promise<void> => {
    const instance = server;
    server = undefined;
    if (!instance) return;
    // Cut kept-alive connections at once, as a crashed server would.
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((done) => instance.close(() => done()));
  };

  await listen();
  return Object.assign(state, { url: `http://127.0.0.1:${port}` });
}
