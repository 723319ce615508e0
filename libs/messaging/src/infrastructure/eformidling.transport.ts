import { Injectable } from '@nestjs/common';
import { validateArkivmeldingAsync } from '@imdi/noark';
import { AppConfig } from '@imdi/platform';
import { DataSource } from 'typeorm';
import {
  ARKIVMELDING_FILE,
  classifyIntegrationPointFailure,
  isAlreadyExists,
  isDuplicateFile,
  letterEnvelope,
  type IntegrationPointStatus,
} from '../domain/digital-post';
import type { Message, SendOutcome } from '../domain/message';
import { IntegrationPointClient, IntegrationPointReply } from './integration-point.client';
import { letterArkivmelding } from './letter-arkivmelding';
import { MessageRepository } from './message.repository';
import { MessageTransport } from './message.transport';

/** Statuses that mean the integration point has taken the message on (more than created it). */
const BEYOND_CREATED = new Set(['SENDT', 'MOTTATT', 'LEVERT', 'LEST', 'FEIL', 'LEVETID_UTLOPT', 'ANNET']);

/**
 * Digital post through eFormidling's integration point: create the message (the SBD), upload
 * arkivmelding.xml and the letter, send. Every step can be repeated safely, because the messageId
 * is fixed on the message row: after an attempt whose outcome is unknown (a timeout, a crash), the
 * integration point answers "already exists" to the create and "duplicate filename" to an upload,
 * and if its statuses show the message already went (SENDT or later) the send is not repeated.
 */
@Injectable()
export class EformidlingTransport extends MessageTransport {
  private client?: IntegrationPointClient;

  constructor(
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly repository: MessageRepository,
  ) {
    super();
  }

  get configured(): boolean {
    return Boolean(this.config.EFORMIDLING_URL);
  }

  /** The integration point's client; only asked for when EFORMIDLING_URL is set. */
  integrationPoint(): IntegrationPointClient {
    if (!this.config.EFORMIDLING_URL) throw new Error('EFORMIDLING_URL er ikke satt: digital post kan ikke sendes');
    return (this.client ??= new IntegrationPointClient(this.config.EFORMIDLING_URL));
  }

  async send(message: Message): Promise<SendOutcome> {
    if (!this.configured) return { kind: 'temporary', reason: 'EFORMIDLING_URL er ikke satt; digital post venter til integrasjonspunktet er satt opp' };
    const document = await this.repository.document(this.dataSource.manager, message.id);
    if (!document || !message.letter || !message.documentName)
      return { kind: 'permanent', reason: 'Meldingen mangler brevet eller arkivopplysningene som digital post trenger.' };
    const client = this.integrationPoint();
    const envelope = letterEnvelope({
      messageId: message.messageId,
      conversationId: message.conversationId,
      sender: message.letter.senderOrganisationNumber,
      receiver: message.recipient,
      createdAt: message.createdAt,
      mainDocument: message.documentName,
    });
    try {
      try {
        await client.createMessage(envelope);
      } catch (error) {
        if (!(error instanceof IntegrationPointReply && error.status === 400 && isAlreadyExists(error.body))) throw error;
        // An earlier attempt created it. If that attempt also sent it, we are done.
        const statuses = await client.statuses(message.messageId);
        if (statuses.some((entry) => BEYOND_CREATED.has(entry.status))) return handedOver(statuses, 'fantes allerede hos integrasjonspunktet');
      }
      const arkivmelding = letterArkivmelding(message.letter, {
        messageId: message.messageId,
        receiver: message.recipient,
        createdAt: message.createdAt,
        document: { name: message.documentName, content: document },
      });
      // Checked here first, so a fault of ours reads as such instead of as the integration point's 400.
      const verdict = await validateArkivmeldingAsync(arkivmelding).catch((error: Error) => error);
      if (verdict instanceof Error) return { kind: 'temporary', reason: verdict.message };
      if (!verdict.valid) return { kind: 'permanent', reason: `Arkivmeldingen følger ikke arkivmelding.xsd: ${verdict.errors.slice(0, 3).join('; ')}` };
      await this.upload(client, message.messageId, {
        name: ARKIVMELDING_FILE,
        title: 'Arkivmelding',
        contentType: 'application/xml',
        content: Buffer.from(arkivmelding, 'utf8'),
      });
      await this.upload(client, message.messageId, {
        name: message.documentName,
        title: message.letter.title,
        contentType: 'application/pdf',
        content: document,
      });
      await client.sendMessage(message.messageId);
      return { kind: 'handed_over', response: `Integrasjonspunktet tok imot melding ${message.messageId}` };
    } catch (error) {
      if (error instanceof IntegrationPointReply) return classifyIntegrationPointFailure(error.status, error.body);
      const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
      return { kind: 'temporary', reason: `Fikk ikke kontakt med integrasjonspunktet: ${cause?.code ?? cause?.message ?? (error as Error).message}` };
    }
  }

  private async upload(client: IntegrationPointClient, messageId: string, file: Parameters<IntegrationPointClient['uploadFile']>[1]): Promise<void> {
    try {
      await client.uploadFile(messageId, file);
    } catch (error) {
      // Uploaded by an earlier attempt: the file is there, which is what this step wants.
      if (!(error instanceof IntegrationPointReply && error.status === 400 && isDuplicateFile(error.body))) throw error;
    }
  }
}

function handedOver(statuses: readonly IntegrationPointStatus[], how: string): SendOutcome {
  return { kind: 'handed_over', response: `${how}; siste status ${statuses.at(-1)?.status ?? 'ukjent'}` };
}
