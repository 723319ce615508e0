import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { AdjustableClock, Clock } from '@imdi/kernel';
import { QueueName, QueueRegistry } from '@imdi/platform';
import { DataSource } from 'typeorm';
import { call, startApi, tokenFor, type RunningApi } from '../support/api-harness';
import { approvedJobbsjansenGrant, jobbsjansenForm } from '../support/grant-fixtures';
import { newAccountNumber, newOrganisationNumber } from '../support/identifiers';
import { startIntegrationPoint, type LocalIntegrationPoint } from '../support/integration-point';
import { startMailServer, type TestMailServer } from '../support/mail-server';
import { eventually, startWorker } from '../support/worker-harness';

/** The agency's organisation number (AGENCY_ORGANISATION_NUMBER's default). */
const IMDI = '988295388';

interface CaseMessage {
  id: string;
  kind: string;
  channel: string;
  recipient: string;
  state: string;
  failureReason: string | null;
  channelStatus: string | null;
  messageId: string;
  conversationId: string | null;
  deliveredAt: string | null;
  readAt: string | null;
  attempts: number;
}

describe('Formal letters as digital post through eFormidling’s integration point', () => {
  let mail: TestMailServer;
  let integrationPoint: LocalIntegrationPoint;
  let api: RunningApi;
  let worker: INestApplicationContext;
  let dataSource: DataSource;
  let clock: AdjustableClock;
  let caseworker: string;
  let approver: string;
  let admin: string;
  const saved = { EFORMIDLING_URL: process.env.EFORMIDLING_URL, EFORMIDLING_POLL_MS: process.env.EFORMIDLING_POLL_MS };

  const post = (path: string, token: string, json: object = {}) => call(api.baseUrl, path, { method: 'POST', token, json });
  const statusOf = async (caseId: string): Promise<string> => (await dataSource.query('SELECT status FROM case_file WHERE id = $1', [caseId]))[0].status;
  const letterMessage = async (caseId: string, kind = 'decision-letter'): Promise<CaseMessage | undefined> =>
    ((await call(api.baseUrl, `/casework/cases/${caseId}`, { token: caseworker })).body.messages as CaseMessage[]).find((message) => message.kind === kind);

  async function organisation(name: string) {
    const organisationNumber = newOrganisationNumber();
    const token = await tokenFor({ sub: `applicant-${organisationNumber}`, roles: ['applicant'], organisationNumbers: [organisationNumber] });
    const registered = await post('/organisations', token, {
      organisationNumber,
      name,
      kind: 'kommune',
      municipalityNumber: '3005',
      accountNumber: newAccountNumber(),
      writtenStandard: 'nb',
      contactName: 'Kari',
      contactEmail: `post-${organisationNumber}@kommune.example.no`,
    });
    expect(registered.status).toBe(201);
    return { organisationNumber, token, name };
  }

  /** A søkbar grant, approved, with the ministry's pre-notification handed over: ready for its letter. */
  async function readyForLetter(name: string) {
    const who = await organisation(name);
    const caseId = await approvedJobbsjansenGrant(api.baseUrl, { caseworker, approver }, who, '180000');
    expect((await post('/casework/ministry-notifications', caseworker, { schemeCode: 'jobbsjansen-a', budgetYear: 2017 })).status).toBe(201);
    await eventually(async () => ((await statusOf(caseId)) === 'ministry_notified' ? true : undefined), 30_000);
    return { ...who, caseId };
  }

  beforeAll(async () => {
    mail = await startMailServer();
    integrationPoint = await startIntegrationPoint();
    process.env.SMTP_URL = mail.url;
    process.env.EFORMIDLING_URL = integrationPoint.url;
    process.env.EFORMIDLING_POLL_MS = '300';
    api = await startApi();
    worker = await startWorker();
    dataSource = api.app.get(DataSource);
    clock = api.app.get(Clock) as AdjustableClock;
    const window = (await call(api.baseUrl, '/schemes/jobbsjansen-a?year=2017')).body.window;
    clock.set(new Date(new Date(window.opensAt).getTime() + 86_400_000));
    caseworker = await tokenFor({ sub: 'siri-saksbehandler', roles: ['caseworker'] });
    approver = await tokenFor({ sub: 'mari-godkjenner', roles: ['approver'] });
    admin = await tokenFor({ sub: 'ada', roles: ['admin'] });
    expect(
      (
        await post('/admin/delegations', admin, {
          approverId: 'mari-godkjenner',
          budgetPost: '496.62',
          maxAmountNok: '1000000',
          reference: 'Delegeringsvedtak 2017-02',
        })
      ).status,
    ).toBe(201);
  });

  beforeEach(() => {
    integrationPoint.advanceTo = 'LEST';
  });

  afterAll(async () => {
    clock?.set(undefined);
    await worker?.close();
    await api?.close();
    await integrationPoint?.close();
    await mail?.close();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it('sends the grant letter once, with a valid arkivmelding and the PDF, and shows it delivered and then read', async () => {
    integrationPoint.advanceTo = 'LEVERT';
    const nordby = await readyForLetter('Nordby kommune');
    const sent = await post(`/casework/cases/${nordby.caseId}/letters`, caseworker);
    expect(sent.status).toBe(201);

    const delivered = await eventually(async () => {
      const message = await letterMessage(nordby.caseId);
      return message?.state === 'delivered' ? message : undefined;
    }, 20_000);
    expect(delivered).toMatchObject({ channel: 'eformidling', recipient: nordby.organisationNumber, channelStatus: 'LEVERT', readAt: null });
    expect(delivered.deliveredAt).not.toBeNull();

    const [received, ...again] = integrationPoint.sent.filter((message) => message.receiver === nordby.organisationNumber);
    expect(again).toEqual([]);
    expect(received).toMatchObject({
      messageId: delivered.messageId,
      conversationId: delivered.conversationId,
      sender: IMDI,
      process: 'urn:no:difi:profile:arkivmelding:administrasjon:ver1.0',
      primaryDocument: 'tilskuddsbrev.pdf',
    });
    expect([...received.files.keys()].sort()).toEqual(['arkivmelding.xml', 'tilskuddsbrev.pdf']);
    // The PDF that arrived is the letter the case keeps, byte for byte.
    const stored = await call(api.baseUrl, `/cases/${nordby.caseId}/letters/${sent.body.id}`, { token: caseworker });
    expect(received.files.get('tilskuddsbrev.pdf')!.content.equals(stored.body as Buffer)).toBe(true);
    expect(received.files.get('tilskuddsbrev.pdf')!.contentType).toBe('application/pdf');
    const caseNumber: string = (await call(api.baseUrl, `/casework/cases/${nordby.caseId}`, { token: caseworker })).body.caseNumber;
    // One case folder with the case number, one outgoing registry entry with the letter as its file.
    expect(received.summary).toMatchObject({
      meldingId: delivered.messageId,
      referanseDokumentfiler: ['tilskuddsbrev.pdf'],
      saksmappe: { mappeID: caseNumber, tittel: 'Jobbsjansen del A 2017 – Nordby kommune' },
      journalposter: [{ journalposttype: 'Utgående dokument', tittel: expect.stringMatching(/^Vedtak om tilskudd – /) }],
    });
    expect(received.arkivmelding).toContain(received.files.get('tilskuddsbrev.pdf')!.content.length.toString());
    expect(received.arkivmelding).toContain('<dokumenttype>Vedtak</dokumenttype>');

    integrationPoint.advanceTo = 'LEST';
    const read = await eventually(async () => {
      const message = await letterMessage(nordby.caseId);
      return message?.state === 'read' ? message : undefined;
    }, 20_000);
    expect(read).toMatchObject({ channelStatus: 'LEST', failureReason: null });
    expect(read.readAt).not.toBeNull();
    expect(integrationPoint.statusesOf(read.messageId).map((entry) => entry.status)).toEqual(['OPPRETTET', 'SENDT', 'MOTTATT', 'LEVERT', 'LEST']);
    // The contact person still gets the e-mail that a letter is waiting in the portal.
    expect(
      mail.received.filter((received) => received.subject.startsWith('Nytt brev fra IMDi') && received.to.some((to) => to.includes(nordby.organisationNumber))),
    ).toHaveLength(1);
    expect(integrationPoint.sent.filter((message) => message.receiver === nordby.organisationNumber)).toHaveLength(1);
  });

  it('sends the provisional answer once as digital post, with a valid arkivmelding and the PDF the case keeps', async () => {
    const sandvik = await organisation('Sandvik kommune');
    const created = await post('/applications', sandvik.token, {
      organisationNumber: sandvik.organisationNumber,
      schemeCode: 'jobbsjansen-a',
      budgetYear: 2017,
      form: jobbsjansenForm('120000', 'Jobbsjansen i Sandvik'),
    });
    expect(created.status).toBe(201);
    const caseId: string = created.body.id;
    const submitted = await call(api.baseUrl, `/applications/${caseId}/submit`, {
      method: 'POST',
      token: sandvik.token,
      headers: { 'idempotency-key': `provisional-${caseId}` },
    });
    expect(submitted.status).toBe(201);
    // Undecided a month after receipt: the daily run answers it, and a second run does not answer again.
    const queue = api.app.get(QueueRegistry).get(QueueName.Casework);
    const asOf = new Date(new Date(submitted.body.receivedAt).getTime() + 32 * 86_400_000).toISOString();
    for (const run of [1, 2]) {
      const job = await queue.add('send-provisional-answers', { asOf }, { jobId: `provisional-eformidling-${caseId}-${run}` });
      await eventually(async () => ((await job.getState()) === 'completed' ? true : undefined), 20_000);
    }

    const read = await eventually(async () => {
      const message = await letterMessage(caseId, 'provisional-answer');
      return message?.state === 'read' ? message : undefined;
    }, 20_000);
    expect(read).toMatchObject({ channel: 'eformidling', recipient: sandvik.organisationNumber, failureReason: null });
    const [received, ...again] = integrationPoint.sent.filter((message) => message.receiver === sandvik.organisationNumber);
    expect(again).toEqual([]);
    expect(received).toMatchObject({ messageId: read.messageId, sender: IMDI, primaryDocument: 'forelopig-svar.pdf' });
    expect([...received.files.keys()].sort()).toEqual(['arkivmelding.xml', 'forelopig-svar.pdf']);
    const [answer] = await dataSource.query('SELECT pdf FROM provisional_answer WHERE case_id = $1', [caseId]);
    expect(received.files.get('forelopig-svar.pdf')?.content.equals(answer.pdf as Buffer)).toBe(true);
    const caseNumber: string = (await call(api.baseUrl, `/casework/cases/${caseId}`, { token: caseworker })).body.caseNumber;
    expect(received.summary).toMatchObject({
      meldingId: read.messageId,
      referanseDokumentfiler: ['forelopig-svar.pdf'],
      saksmappe: { mappeID: caseNumber, tittel: 'Jobbsjansen del A 2017 – Sandvik kommune' },
      journalposter: [{ journalposttype: 'Utgående dokument', tittel: 'Foreløpig svar på søknad om tilskudd' }],
    });
    // A provisional answer is a letter, not a decision, in the receiver's archive.
    expect(received.arkivmelding).toContain('<dokumenttype>Brev</dokumenttype>');
  });

  it('sends once even when the answer to the send is lost: the retry finds the message already there', async () => {
    const sorby = await readyForLetter('Sørby kommune');
    integrationPoint.loseNextReply = 'send';
    expect((await post(`/casework/cases/${sorby.caseId}/letters`, caseworker)).status).toBe(201);
    const read = await eventually(async () => {
      const message = await letterMessage(sorby.caseId);
      return message?.state === 'read' ? message : undefined;
    }, 30_000);
    expect(read.attempts).toBe(2);
    expect(integrationPoint.sent.filter((message) => message.receiver === sorby.organisationNumber)).toHaveLength(1);
    expect(integrationPoint.refusals.filter((refusal) => refusal.message.includes(read.messageId)).map((refusal) => refusal.exception)).toEqual([
      'no.difi.meldingsutveksling.exceptions.MessageAlreadyExistsException',
    ]);
  });

  it('shows a letter the integration point refuses, or the receiver reports FEIL for, as failed on the case and in the failed list, and sends it after a resend', async () => {
    const ostby = await readyForLetter('Østby kommune');
    const vestby = await readyForLetter('Vestby kommune');
    integrationPoint.refuseProcessFor.add(ostby.organisationNumber);
    integrationPoint.failAtReceiver.set(vestby.organisationNumber, 'Mottakers sak- og arkivsystem avviste meldingen');
    expect((await post(`/casework/cases/${ostby.caseId}/letters`, caseworker)).status).toBe(201);
    expect((await post(`/casework/cases/${vestby.caseId}/letters`, caseworker)).status).toBe(201);

    const refused = await eventually(async () => {
      const message = await letterMessage(ostby.caseId);
      return message?.state === 'failed' ? message : undefined;
    }, 20_000);
    expect(refused.failureReason).toContain('avviste meldingen (400)');
    expect(refused.failureReason).toContain('Receiver do not accept the document process');
    expect(refused.attempts).toBe(1);
    const feil = await eventually(async () => {
      const message = await letterMessage(vestby.caseId);
      return message?.state === 'failed' ? message : undefined;
    }, 20_000);
    expect(feil).toMatchObject({ channelStatus: 'FEIL' });
    expect(feil.failureReason).toContain('Mottakers sak- og arkivsystem avviste meldingen');

    const failed: CaseMessage[] = (await call(api.baseUrl, '/messages/failed', { token: admin })).body;
    expect(failed.filter((message) => message.channel === 'eformidling').map((message) => message.id)).toEqual(expect.arrayContaining([refused.id, feil.id]));

    // A digital-post letter goes to an organisation number, never to an e-mail address.
    const wrongKind = await post(`/messages/${refused.id}/resend`, caseworker, { recipient: 'post@kommune.example.no' });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.code).toBe('RECIPIENT_NOT_FOR_CHANNEL');

    integrationPoint.refuseProcessFor.delete(ostby.organisationNumber);
    integrationPoint.failAtReceiver.delete(vestby.organisationNumber);
    expect((await post(`/messages/${refused.id}/resend`, caseworker, {})).body).toMatchObject({ state: 'queued', channel: 'eformidling' });
    const resent = await post(`/messages/${feil.id}/resend`, caseworker, {});
    expect(resent.body).toMatchObject({ state: 'queued', conversationId: feil.conversationId });
    expect(resent.body.messageId).not.toBe(feil.messageId);

    for (const caseId of [ostby.caseId, vestby.caseId]) {
      await eventually(async () => ((await letterMessage(caseId))?.state === 'read' ? true : undefined), 20_000);
    }
    expect(integrationPoint.sent.filter((message) => message.receiver === ostby.organisationNumber)).toHaveLength(1);
    // Vestby's archive refused the first message; the resend is a new message in the same conversation.
    const toVestby = integrationPoint.sent.filter((message) => message.receiver === vestby.organisationNumber);
    expect(toVestby.map((message) => message.conversationId)).toEqual([feil.conversationId, feil.conversationId]);
    expect(new Set(toVestby.map((message) => message.messageId)).size).toBe(2);
    expect((await call(api.baseUrl, '/messages/failed', { token: admin })).body.map((message: CaseMessage) => message.id)).not.toEqual(
      expect.arrayContaining([refused.id]),
    );
  });

  it('the local integration point refuses what the real one would: an arkivmelding outside the XSD, a repeated messageId, a bad SBD header', async () => {
    const ip = (path: string, init: RequestInit) =>
      fetch(`${integrationPoint.url}${path}`, init).then(async (response) => ({ status: response.status, body: await response.text() }));
    const messageId = randomUUID();
    const sbd = {
      standardBusinessDocumentHeader: {
        headerVersion: '1.0',
        sender: [{ identifier: { authority: 'iso6523-actorid-upis', value: `0192:${IMDI}` } }],
        receiver: [{ identifier: { authority: 'iso6523-actorid-upis', value: `0192:${newOrganisationNumber()}` } }],
        documentIdentification: {
          standard: 'urn:no:difi:arkivmelding:xsd::arkivmelding',
          typeVersion: '2.0',
          instanceIdentifier: messageId,
          type: 'arkivmelding',
          creationDateAndTime: new Date().toISOString(),
        },
        businessScope: {
          scope: [
            {
              type: 'ConversationId',
              instanceIdentifier: randomUUID(),
              identifier: 'urn:no:difi:profile:arkivmelding:administrasjon:ver1.0',
              scopeInformation: [{ expectedResponseDateTime: new Date(Date.now() + 86_400_000).toISOString() }],
            },
          ],
        },
      },
      arkivmelding: { hoveddokument: 'brev.pdf' },
    };
    const json = { 'Content-Type': 'application/json' };
    expect((await ip('/api/messages/out', { method: 'POST', headers: json, body: JSON.stringify(sbd) })).status).toBe(200);
    const again = await ip('/api/messages/out', { method: 'POST', headers: json, body: JSON.stringify(sbd) });
    expect(again.status).toBe(400);
    expect(JSON.parse(again.body).exception).toMatch(/MessageAlreadyExistsException$/);
    const badHeader = structuredClone(sbd) as any;
    badHeader.standardBusinessDocumentHeader.documentIdentification.instanceIdentifier = randomUUID();
    badHeader.standardBusinessDocumentHeader.receiver[0].identifier.value = '9908:123';
    expect((await ip('/api/messages/out', { method: 'POST', headers: json, body: JSON.stringify(badHeader) })).body).toContain('receiver.identifier.value');

    const upload = (name: string, type: string, body: string) =>
      ip(`/api/messages/out/${messageId}`, {
        method: 'PUT',
        headers: { 'Content-Type': type, 'Content-Disposition': `attachment; name="${name}"; filename="${name}"` },
        body,
      });
    // A saksmappe without its required title and dates, in the right namespace: well-formed, not valid.
    await upload(
      'arkivmelding.xml',
      'application/xml',
      `<?xml version="1.0" encoding="UTF-8"?><arkivmelding xmlns="http://www.arkivverket.no/standarder/noark5/arkivmelding"><system>x</system><meldingId>${messageId}</meldingId><tidspunkt>2017-05-02T10:00:00+02:00</tidspunkt><antallFiler>1</antallFiler><mappe><systemID>${randomUUID()}</systemID></mappe></arkivmelding>`,
    );
    await upload('brev.pdf', 'application/pdf', '%PDF-1.7');
    const refused = await ip(`/api/messages/out/${messageId}`, { method: 'POST' });
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.body)).toMatchObject({ status: 400, error: 'Bad Request', exception: expect.stringMatching(/UnmarshalArkivmeldingException$/) });
    expect(JSON.parse(refused.body).message).toContain('tittel');
    expect(integrationPoint.sent.some((message) => message.messageId === messageId)).toBe(false);
  });
});
