import type { SendOutcome } from './message';

/**
 * eFormidling's vocabulary, as its integration point (integrasjonspunkt 2.x REST API) speaks it:
 * a Standard Business Document (SBD) whose header addresses the message from one organisation number
 * to another and whose business message `arkivmelding` names the main document; the files follow.
 */

/** ISO 6523 scheme 0192: Norwegian organisation numbers (Enhetsregisteret). */
export const ORGANISATION_NUMBER_SCHEME = '0192';
export const ACTOR_AUTHORITY = 'iso6523-actorid-upis';
/** The process for administrative case handling between public bodies. */
export const ARKIVMELDING_PROCESS = 'urn:no:difi:profile:arkivmelding:administrasjon:ver1.0';
export const ARKIVMELDING_STANDARD = 'urn:no:difi:arkivmelding:xsd::arkivmelding';
export const ARKIVMELDING_FILE = 'arkivmelding.xml';
/** How long the integration point keeps trying before it gives up with LEVETID_UTLOPT. */
export const DIGITAL_POST_LIFETIME_MS = 30 * 86_400_000;

export interface SbdActor {
  readonly identifier: { readonly authority: string; readonly value: string };
}

export interface StandardBusinessDocument {
  readonly standardBusinessDocumentHeader: {
    readonly headerVersion: '1.0';
    readonly sender: readonly SbdActor[];
    readonly receiver: readonly SbdActor[];
    readonly documentIdentification: {
      readonly standard: string;
      readonly typeVersion: string;
      readonly instanceIdentifier: string;
      readonly type: 'arkivmelding';
      readonly creationDateAndTime: string;
    };
    readonly businessScope: {
      readonly scope: ReadonlyArray<{
        readonly type: 'ConversationId';
        readonly instanceIdentifier: string;
        readonly identifier: string;
        readonly scopeInformation: ReadonlyArray<{ readonly expectedResponseDateTime: string }>;
      }>;
    };
  };
  readonly arkivmelding: { readonly hoveddokument: string; readonly sikkerhetsnivaa?: number };
}

export const actor = (organisationNumber: string): SbdActor => ({
  identifier: { authority: ACTOR_AUTHORITY, value: `${ORGANISATION_NUMBER_SCHEME}:${organisationNumber}` },
});

/**
 * The envelope of one digital-post letter. The messageId and conversationId come from the message
 * row, so every attempt describes the same message and the integration point can tell a repeat.
 */
export function letterEnvelope(input: {
  readonly messageId: string;
  readonly conversationId: string;
  readonly sender: string;
  readonly receiver: string;
  readonly createdAt: Date;
  readonly mainDocument: string;
}): StandardBusinessDocument {
  return {
    standardBusinessDocumentHeader: {
      headerVersion: '1.0',
      sender: [actor(input.sender)],
      receiver: [actor(input.receiver)],
      documentIdentification: {
        standard: ARKIVMELDING_STANDARD,
        typeVersion: '2.0',
        instanceIdentifier: input.messageId,
        type: 'arkivmelding',
        creationDateAndTime: input.createdAt.toISOString(),
      },
      businessScope: {
        scope: [
          {
            type: 'ConversationId',
            instanceIdentifier: input.conversationId,
            identifier: ARKIVMELDING_PROCESS,
            scopeInformation: [{ expectedResponseDateTime: new Date(input.createdAt.getTime() + DIGITAL_POST_LIFETIME_MS).toISOString() }],
          },
        ],
      },
    },
    arkivmelding: { hoveddokument: input.mainDocument },
  };
}

/** The integration point's message statuses (its ReceiptStatus). */
export type ReceiptStatus =
  'OPPRETTET' | 'SENDT' | 'MOTTATT' | 'LEVERT' | 'LEST' | 'FEIL' | 'ANNET' | 'INNKOMMENDE_MOTTATT' | 'INNKOMMENDE_LEVERT' | 'LEVETID_UTLOPT';

export interface IntegrationPointStatus {
  readonly status: string;
  readonly description?: string | null;
  readonly lastUpdate?: string | null;
}

/** What the statuses so far say about a handed-over letter. */
export interface DigitalPostProgress {
  readonly state: 'handed_over' | 'delivered' | 'read' | 'failed';
  readonly channelStatus: string | null;
  readonly reason?: string;
}

/**
 * FEIL or LEVETID_UTLOPT is final whatever came before; otherwise the furthest of LEVERT and LEST.
 * OPPRETTET, SENDT and MOTTATT leave the letter handed over: the receiver has not got it yet.
 */
export function digitalPostProgress(statuses: readonly IntegrationPointStatus[]): DigitalPostProgress {
  const last = statuses.at(-1)?.status ?? null;
  const failure = statuses.find((entry) => entry.status === 'FEIL' || entry.status === 'LEVETID_UTLOPT');
  if (failure) {
    const reason =
      failure.status === 'LEVETID_UTLOPT'
        ? 'Mottakeren tok ikke imot meldingen før levetiden gikk ut (LEVETID_UTLOPT).'
        : `Integrasjonspunktet meldte feil (FEIL)${failure.description ? `: ${failure.description}` : '.'}`;
    return { state: 'failed', channelStatus: failure.status, reason };
  }
  if (statuses.some((entry) => entry.status === 'LEST')) return { state: 'read', channelStatus: 'LEST' };
  if (statuses.some((entry) => entry.status === 'LEVERT')) return { state: 'delivered', channelStatus: last };
  return { state: 'handed_over', channelStatus: last };
}

/** The integration point's error body (Spring's error attributes). */
export interface IntegrationPointError {
  readonly status?: number;
  readonly error?: string;
  readonly exception?: string;
  readonly message?: string;
  readonly description?: string;
}

/**
 * An HTTP answer that is not 2xx: the integration point busy or broken (5xx, 408, 429) is worth
 * another try; any other 4xx says the message itself is wrong and will be refused again.
 */
export function classifyIntegrationPointFailure(status: number, body: IntegrationPointError | undefined): SendOutcome {
  const detail = body?.message ?? body?.description ?? body?.error ?? '';
  const reason = `Integrasjonspunktet svarte ${status}${detail ? `: ${detail}` : ''}`;
  if (status >= 500 || status === 408 || status === 429) return { kind: 'temporary', reason };
  return { kind: 'permanent', reason: `Integrasjonspunktet avviste meldingen (${status})${detail ? `: ${detail}` : ''}` };
}

/** The exception name the integration point gives a message id it already has. */
export const isAlreadyExists = (body: IntegrationPointError | undefined): boolean => /MessageAlreadyExistsException$/.test(body?.exception ?? '');
export const isDuplicateFile = (body: IntegrationPointError | undefined): boolean => /DuplicateFilenameException$/.test(body?.exception ?? '');
