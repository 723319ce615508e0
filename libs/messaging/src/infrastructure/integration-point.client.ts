import type { IntegrationPointError, IntegrationPointStatus, StandardBusinessDocument } from '../domain/digital-post';

/** Each call stays well inside the send lease (at most five calls per attempt, see DeliverMessageHandler). */
const REQUEST_TIMEOUT_MS = 20_000;

/** An answer other than 2xx, with the integration point's error body when it sent one. */
export class IntegrationPointReply extends Error {
  constructor(
    readonly status: number,
    readonly body: IntegrationPointError | undefined,
    operation: string,
  ) {
    super(`${operation}: integrasjonspunktet svarte ${status}${body?.message ? ` (${body.message})` : ''}`);
  }
}

/**
 * The integration point's REST interface for outgoing messages and their statuses:
 * POST /api/messages/out (the SBD), PUT /api/messages/out/{messageId} (one file each, named by
 * Content-Disposition), POST /api/messages/out/{messageId} (send), GET /api/statuses/{messageId}.
 * Connection failures and timeouts are thrown as they come (fetch's TypeError / AbortError).
 */
export class IntegrationPointClient {
  private readonly base: string;

  constructor(baseUrl: string) {
    this.base = baseUrl.replace(/\/+$/, '');
  }

  async createMessage(sbd: StandardBusinessDocument): Promise<void> {
    await this.request('POST', '/api/messages/out', 'opprette melding', { 'Content-Type': 'application/json' }, JSON.stringify(sbd));
  }

  async uploadFile(messageId: string, file: { name: string; title: string; contentType: string; content: Uint8Array }): Promise<void> {
    const disposition = `attachment; name="${quoted(file.title)}"; filename="${quoted(file.name)}"`;
    await this.request(
      'PUT',
      `/api/messages/out/${encodeURIComponent(messageId)}`,
      `laste opp ${file.name}`,
      { 'Content-Type': file.contentType, 'Content-Disposition': disposition },
      file.content,
    );
  }

  async sendMessage(messageId: string): Promise<void> {
    await this.request('POST', `/api/messages/out/${encodeURIComponent(messageId)}`, 'sende melding');
  }

  /** Every status the integration point has recorded for the message, oldest first. */
  async statuses(messageId: string): Promise<IntegrationPointStatus[]> {
    const statuses: IntegrationPointStatus[] = [];
    for (let page = 0; page < 20; page++) {
      const body = (await this.request('GET', `/api/statuses/${encodeURIComponent(messageId)}?page=${page}&size=100&sort=id,asc`, 'lese status')) as {
        content?: IntegrationPointStatus[];
        last?: boolean;
      };
      statuses.push(...(body.content ?? []));
      if (body.last !== false) break;
    }
    return statuses;
  }

  private async request(method: string, path: string, operation: string, headers: Record<string, string> = {}, body?: string | Uint8Array): Promise<unknown> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: { Accept: 'application/json', ...headers },
      body,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (!response.ok) {
      const error = json && typeof json === 'object' ? (json as IntegrationPointError) : text ? { message: text.slice(0, 500) } : undefined;
      throw new IntegrationPointReply(response.status, error, operation);
    }
    return json;
  }
}

/** A file name or title inside a quoted Content-Disposition parameter. */
const quoted = (value: string): string => value.replace(/["\\\r\n]|[^\x20-\x7e]/g, '_');
