import { classifyIntegrationPointFailure, digitalPostProgress, letterEnvelope } from './digital-post';

describe('digital post through eFormidling', () => {
  it('addresses the envelope from and to 0192 organisation numbers, with the message and conversation ids given', () => {
    const createdAt = new Date('2017-05-02T08:00:00Z');
    const sbd = letterEnvelope({
      messageId: 'm-1',
      conversationId: 'c-1',
      sender: '988295388',
      receiver: '964965226',
      createdAt,
      mainDocument: 'tilskuddsbrev.pdf',
    });
    const header = sbd.standardBusinessDocumentHeader;
    expect(header.sender[0].identifier).toEqual({ authority: 'iso6523-actorid-upis', value: '0192:988295388' });
    expect(header.receiver[0].identifier.value).toBe('0192:964965226');
    expect(header.documentIdentification).toMatchObject({
      instanceIdentifier: 'm-1',
      type: 'arkivmelding',
      standard: 'urn:no:difi:arkivmelding:xsd::arkivmelding',
      typeVersion: '2.0',
    });
    expect(header.businessScope.scope[0]).toMatchObject({
      type: 'ConversationId',
      instanceIdentifier: 'c-1',
      identifier: 'urn:no:difi:profile:arkivmelding:administrasjon:ver1.0',
    });
    expect(header.businessScope.scope[0].scopeInformation[0].expectedResponseDateTime).toBe('2017-06-01T08:00:00.000Z');
    expect(sbd.arkivmelding.hoveddokument).toBe('tilskuddsbrev.pdf');
  });

  it('reads the statuses: LEVERT delivered, LEST read, FEIL and LEVETID_UTLOPT failed whatever came before', () => {
    const of = (...statuses: string[]) =>
      digitalPostProgress(statuses.map((status) => ({ status, description: status === 'FEIL' ? 'Ukjent mottaker' : null })));
    expect(of('OPPRETTET', 'SENDT', 'MOTTATT')).toEqual({ state: 'handed_over', channelStatus: 'MOTTATT' });
    expect(of('OPPRETTET', 'SENDT', 'MOTTATT', 'LEVERT')).toEqual({ state: 'delivered', channelStatus: 'LEVERT' });
    expect(of('OPPRETTET', 'SENDT', 'LEVERT', 'LEST')).toEqual({ state: 'read', channelStatus: 'LEST' });
    expect(of('OPPRETTET', 'SENDT', 'LEVERT', 'FEIL')).toMatchObject({
      state: 'failed',
      channelStatus: 'FEIL',
      reason: 'Integrasjonspunktet meldte feil (FEIL): Ukjent mottaker',
    });
    expect(of('OPPRETTET', 'LEVETID_UTLOPT')).toMatchObject({ state: 'failed', reason: expect.stringContaining('levetiden gikk ut') });
    expect(of()).toEqual({ state: 'handed_over', channelStatus: null });
  });

  it('tries again after 5xx, 408 and 429, and gives up on any other 4xx with the integration point’s message', () => {
    expect(classifyIntegrationPointFailure(503, { message: 'Service Unavailable' }).kind).toBe('temporary');
    expect(classifyIntegrationPointFailure(429, undefined).kind).toBe('temporary');
    expect(classifyIntegrationPointFailure(400, { message: 'Receiver do not accept the document process x' })).toEqual({
      kind: 'permanent',
      reason: 'Integrasjonspunktet avviste meldingen (400): Receiver do not accept the document process x',
    });
    expect(classifyIntegrationPointFailure(404, undefined).kind).toBe('permanent');
  });
});
