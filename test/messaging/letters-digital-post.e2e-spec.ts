import type { INestApplicationContext } from '@nestjs/common';
import { CaseDocuments } from '@imdi/cases';
import { AdjustableClock, Clock, osloDate } from '@imdi/kernel';
import { DataSource } from 'typeorm';
import { call, startApi, tokenFor, type RunningApi } from '../support/api-harness';
import { grantAcceptanceHandled } from '../support/domain-events';
import { approvedJobbsjansenGrant } from '../support/grant-fixtures';
import { newAccountNumber, newOrganisationNumber } from '../support/identifiers';
import { startIntegrationPoint, type LocalIntegrationPoint, type ReceivedDigitalPost } from '../support/integration-point';
import { startMailServer, type TestMailServer } from '../support/mail-server';
import { pdfText } from '../support/pdf-text';
import { eventually, startWorker } from '../support/worker-harness';

interface Delivery {
  id: string;
  kind: string;
  channel: string;
  recipient: string;
  state: string;
  failureReason: string | null;
  channelStatus: string | null;
  messageId: string;
}

/** The journalpostnummer an arkivmelding gives its (one) registry entry. */
/** The file a message carried (the test fails if it did not carry it). */
function fileOf(post: ReceivedDigitalPost, name: string): Buffer {
  const file = post.files.get(name);
  if (!file) throw new Error(`${name} kom ikke fram`);
  return file.content;
}

const journalpostnummer = (post: ReceivedDigitalPost): number => Number(/<journalpostnummer>(\d+)<\/journalpostnummer>/.exec(post.arkivmelding)?.[1]);

/**
 * Reclaim notices and assignment letters leave as digital post (eFormidling's integration point, the
 * local one validating every arkivmelding against the official XSD), and a case's documents are
 * numbered by one owner: the number in a letter's «Vår ref.», its arkivmelding and its journal entry
 * is the same, and no two documents of a case share one.
 */
describe('Reclaim notices and assignment letters as digital post, with the case’s one document numbering', () => {
  let mail: TestMailServer;
  let integrationPoint: LocalIntegrationPoint;
  let api: RunningApi;
  let worker: INestApplicationContext;
  let dataSource: DataSource;
  let clock: AdjustableClock;
  let caseworker: string;
  let approver: string;
  let finance: string;
  let admin: string;
  let dayAfterOpening: Date;
  const saved = { EFORMIDLING_URL: process.env.EFORMIDLING_URL, EFORMIDLING_POLL_MS: process.env.EFORMIDLING_POLL_MS };

  const post = (path: string, token: string, json: object = {}) => call(api.baseUrl, path, { method: 'POST', token, json });
  const statusOf = async (caseId: string): Promise<string> => (await dataSource.query('SELECT status FROM case_file WHERE id = $1', [caseId]))[0].status;
  const caseMessage = async (caseId: string, kind: string): Promise<Delivery | undefined> =>
    ((await call(api.baseUrl, `/casework/cases/${caseId}/messages`, { token: caseworker })).body as Delivery[]).find((message) => message.kind === kind);
  const sentTo = (organisationNumber: string) => integrationPoint.sent.filter((message) => message.receiver === organisationNumber);

  async function organisation(name: string, writtenStandard: 'nb' | 'nn') {
    const organisationNumber = newOrganisationNumber();
    const token = await tokenFor({ sub: `applicant-${organisationNumber}`, roles: ['applicant'], organisationNumbers: [organisationNumber] });
    const registered = await post('/organisations', token, {
      organisationNumber,
      name,
      kind: 'kommune',
      municipalityNumber: '3005',
      accountNumber: newAccountNumber(),
      writtenStandard,
      contactName: 'Kari',
      contactEmail: `post-${organisationNumber}@kommune.example.no`,
    });
    expect(registered.status).toBe(201);
    return { organisationNumber, token, name };
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
    dayAfterOpening = new Date(new Date(window.opensAt).getTime() + 86_400_000);
    caseworker = await tokenFor({ sub: 'siri-saksbehandler', roles: ['caseworker'] });
    approver = await tokenFor({ sub: 'mari-godkjenner', roles: ['approver'] });
    finance = await tokenFor({ sub: 'frida-okonomi', roles: ['finance'] });
    admin = await tokenFor({ sub: 'ada', roles: ['admin'] });
    const delegation = await post('/admin/delegations', admin, {
      approverId: 'mari-godkjenner',
      budgetPost: '496.62',
      maxAmountNok: '1000000',
      reference: 'Delegeringsvedtak 2017-02',
    });
    expect(delegation.status).toBe(201);
  });

  beforeEach(() => {
    clock.set(dayAfterOpening);
  });

  afterAll(async () => {
    clock?.set(undefined);
    await worker?.close();
    await api?.close();
    await integrationPoint?.close();
    await mail?.close();
    if (saved.EFORMIDLING_URL === undefined) delete process.env.EFORMIDLING_URL;
    else process.env.EFORMIDLING_URL = saved.EFORMIDLING_URL;
    if (saved.EFORMIDLING_POLL_MS === undefined) delete process.env.EFORMIDLING_POLL_MS;
    else process.env.EFORMIDLING_POLL_MS = saved.EFORMIDLING_POLL_MS;
  });

  it('sends a reclaim notice, and then the reclaim decision, once each to the organisation as digital post, numbered in the one numbering the journal also uses', async () => {
    const vikna = await organisation('Vikna kommune', 'nb');
    const caseId = await approvedJobbsjansenGrant(api.baseUrl, { caseworker, approver }, vikna, '200000');
    expect((await post('/casework/ministry-notifications', caseworker, { schemeCode: 'jobbsjansen-a', budgetYear: 2017 })).status).toBe(201);
    await eventually(async () => ((await statusOf(caseId)) === 'ministry_notified' ? true : undefined), 30_000);
    expect((await post(`/casework/cases/${caseId}/letters`, caseworker)).status).toBe(201);
    expect((await post(`/cases/${caseId}/accept`, vikna.token)).body.status).toBe('accepted');
    await grantAcceptanceHandled(dataSource, [caseId]);
    // Jobbsjansen pays its first half on 1 March.
    clock.set(new Date('2017-03-02T09:00:00Z'));
    const run = await post('/payments/runs', finance, { budgetYear: 2017, budgetPost: '496.62', asOf: '2017-03-02' });
    expect(run.status).toBe(202);
    await eventually(async () =>
      (await call(api.baseUrl, `/payments/runs/${run.body.id}`, { token: finance })).body.status === 'completed' ? true : undefined,
    );

    const inThreeWeeks = osloDate(new Date(clock.now().getTime() + 21 * 86_400_000));
    const notice = await post(`/payments/cases/${caseId}/reclaim-notices`, caseworker, {
      amountNok: '15000',
      reason: 'Deler av midlene er ikke brukt etter formålet.',
      commentDeadline: inThreeWeeks,
    });
    expect([notice.status, notice.body.detail]).toEqual([201, undefined]);
    const caseNumber: string = (await call(api.baseUrl, `/casework/cases/${caseId}`, { token: caseworker })).body.caseNumber;
    expect(notice.body.ourReference).toMatch(new RegExp(`^${caseNumber.replace('/', '\\/')}-\\d+$`));

    // Delivered and read, as the case's message list shows it.
    const read = await eventually(async () => {
      const message = await caseMessage(caseId, 'reclaim-notice-letter');
      return message?.state === 'read' ? message : undefined;
    }, 30_000);
    expect(read).toMatchObject({ channel: 'eformidling', recipient: vikna.organisationNumber, failureReason: null, channelStatus: 'LEST' });

    // Arrived once at the integration point, to the organisation, with the notice's PDF as the case keeps it.
    const received = sentTo(vikna.organisationNumber).filter((message) => message.primaryDocument === 'varsel-om-tilbakekreving.pdf');
    expect(received).toHaveLength(1);
    const [arrived] = received;
    expect(arrived).toMatchObject({ messageId: read.messageId, receiver: vikna.organisationNumber });
    const stored = (await call(api.baseUrl, `/payments/reclaim-notices/${notice.body.id}/letter.pdf`, { token: caseworker })).body as Buffer;
    expect(fileOf(arrived, 'varsel-om-tilbakekreving.pdf').equals(stored)).toBe(true);
    expect(arrived.summary).toMatchObject({
      saksmappe: { mappeID: caseNumber },
      journalposter: [{ journalposttype: 'Utgående dokument', tittel: 'Forhåndsvarsel om krav om tilbakebetaling av tilskudd' }],
    });
    const noticeText = await pdfText(stored);
    expect(noticeText).toContain('Forhåndsvarsel om krav om tilbakebetaling av tilskudd');
    expect(noticeText).toContain(notice.body.ourReference);

    // One numbering: the grant letter's arkivmelding and the notice's carry the numbers their letters show, in order.
    const [grantLetter, ...more] = sentTo(vikna.organisationNumber).filter((message) => message.primaryDocument === 'tilskuddsbrev.pdf');
    expect(more).toEqual([]);
    const letterNumber = journalpostnummer(grantLetter);
    const noticeNumber = journalpostnummer(arrived);
    expect(`${caseNumber}-${noticeNumber}`).toBe(notice.body.ourReference);
    expect(await pdfText(fileOf(grantLetter, 'tilskuddsbrev.pdf'))).toContain(`${caseNumber}-${letterNumber}`);
    expect(letterNumber).toBeGreaterThan(1);
    expect(noticeNumber).toBeGreaterThan(letterNumber);

    // The journal files them under the same numbers, and no two documents of the case share one.
    const journal = await eventually(async () => {
      const file = await call(api.baseUrl, `/journal/cases/${caseId}`, { token: caseworker });
      const kinds: string[] = file.status === 200 ? file.body.entries.map((entry: { kind: string }) => entry.kind) : [];
      return ['application', 'grant-letter', 'reclaim-notice'].every((kind) => kinds.includes(kind)) ? file.body : undefined;
    }, 30_000);
    const numberOf = (kind: string): number => journal.entries.find((entry: { kind: string }) => entry.kind === kind).documentNumber;
    expect([numberOf('application'), numberOf('grant-letter'), numberOf('reclaim-notice')]).toEqual([1, letterNumber, noticeNumber]);
    const numbers: number[] = journal.entries.map((entry: { documentNumber: number }) => entry.documentNumber);
    expect(new Set(numbers).size).toBe(numbers.length);

    // The decision that follows the notice is told to the party in writing (fvl. § 27) the same way: once, as digital post,
    // with an e-mail that it is waiting; the letter the organisation gets is the one the case page offers and the journal archives.
    clock.set(new Date('2017-03-06T09:00:00Z'));
    expect((await post(`/payments/reclaim-notices/${notice.body.id}/comments`, vikna.token, { comment: 'Vi er enige.' })).status).toBe(200);
    const reclaim = await post(`/payments/cases/${caseId}/reclaims`, caseworker, {
      amountNok: '12345.67',
      reason: 'Deler av midlene er ikke brukt etter formålet.',
      dueOn: '2017-04-28',
      noticeId: notice.body.id,
    });
    expect([reclaim.status, reclaim.body.detail]).toEqual([201, undefined]);
    expect(reclaim.body.ourReference).toMatch(new RegExp(`^${caseNumber.replace('/', '\\/')}-\\d+$`));
    const decisionRead = await eventually(async () => {
      const message = await caseMessage(caseId, 'reclaim-decision-letter');
      return message?.state === 'read' ? message : undefined;
    }, 30_000);
    expect(decisionRead).toMatchObject({ channel: 'eformidling', recipient: vikna.organisationNumber, failureReason: null });
    const decisions = sentTo(vikna.organisationNumber).filter((message) => message.primaryDocument === 'vedtak-om-tilbakekreving.pdf');
    expect(decisions).toHaveLength(1);
    expect(decisions[0].summary).toMatchObject({
      saksmappe: { mappeID: caseNumber },
      journalposter: [{ journalposttype: 'Utgående dokument', tittel: 'Vedtak om tilbakebetaling av tilskudd' }],
    });
    const downloaded = await call(api.baseUrl, `/payments/reclaims/${reclaim.body.id}/letter.pdf`, { token: vikna.token });
    expect([downloaded.status, downloaded.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    expect(fileOf(decisions[0], 'vedtak-om-tilbakekreving.pdf').equals(downloaded.body as Buffer)).toBe(true);
    const decisionNumber = journalpostnummer(decisions[0]);
    expect(`${caseNumber}-${decisionNumber}`).toBe(reclaim.body.ourReference);
    const decisionText = await pdfText(downloaded.body as Buffer);
    expect(decisionText).toContain('Vedtak om tilbakebetaling av tilskudd');
    expect(decisionText).toContain(`Vår ref. ${reclaim.body.ourReference}`);
    expect(decisionText).toContain('12 345,67 kr');
    expect(decisionText).toContain('28.04.2017');
    expect(decisionText).toContain('Deler av midlene er ikke brukt etter formålet.');
    // Jobbsjansen's route is a renewed assessment, not an appeal: the demand is no enkeltvedtak and says what it rests on.
    expect(reclaim.body).toMatchObject({ enkeltvedtak: false, appealDeadline: null });
    expect(decisionText).toContain('Kravet følger av vilkårene i tilsagnsbrevet.');
    expect(decisionText).not.toContain('Dere kan klage på vedtaket');
    const mails = await eventually(async () => {
      const found = mail.received.filter((received) => received.subject === `Vedtak fra IMDi om tilbakebetaling av tilskudd i sak ${caseNumber}`);
      return found.length > 0 ? found : undefined;
    }, 30_000);
    expect(mails.map((received) => received.to)).toEqual([[`post-${vikna.organisationNumber}@kommune.example.no`]]);
    expect(mails[0].text).toContain('Logg inn i søknadsportalen for å lese vedtaksbrevet.');
    expect(mails[0].text).not.toContain('12 345,67');
    // The journal files the decision under the letter's number, with the very PDF the organisation got.
    const decisionEntry = await eventually(async () => {
      const file = await call(api.baseUrl, `/journal/cases/${caseId}`, { token: caseworker });
      return file.status === 200 ? file.body.entries.find((entry: { kind: string }) => entry.kind === 'reclaim-decision') : undefined;
    }, 30_000);
    expect(decisionEntry.documentNumber).toBe(decisionNumber);
    // Still once each, after the worker has handed everything over.
    expect(sentTo(vikna.organisationNumber).filter((message) => message.primaryDocument === 'vedtak-om-tilbakekreving.pdf')).toHaveLength(1);
    expect(mail.received.filter((received) => received.subject.startsWith('Vedtak fra IMDi om tilbakebetaling'))).toHaveLength(1);
  });

  it('numbers the letters of one case uniquely and in order when several are written at once', async () => {
    const frosta = await organisation('Frosta kommune', 'nb');
    const caseId = await approvedJobbsjansenGrant(api.baseUrl, { caseworker, approver }, frosta, '90000');
    const documents = api.app.get(CaseDocuments);
    // Ten writers at once, each in its own transaction, as casework, payments and the journal take numbers.
    const taken = await Promise.all(Array.from({ length: 10 }, () => dataSource.transaction((manager) => documents.next(caseId, manager))));
    const before = await dataSource.transaction((manager) => documents.peek(caseId, manager));
    expect([...taken].sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, index) => before - 10 + index));
    // A writer that rolls back gives its number back.
    await expect(
      dataSource.transaction(async (manager) => {
        await documents.next(caseId, manager);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await dataSource.transaction((manager) => documents.next(caseId, manager))).toBe(before);
  });

  it('sends an assignment letter once to the municipality as digital post, filed in the arkivdel of the year’s assignment letters, and shows a refused one as failed', async () => {
    const hitra = await organisation('Hitra kommune', 'nn');
    const issued = await post('/casework/assignment-letters', caseworker, {
      organisationNumber: hitra.organisationNumber,
      budgetYear: 2017,
      frameNok: '450000',
    });
    expect(issued.status).toBe(201);

    const read = await eventually(async () => {
      const messages = (await call(api.baseUrl, `/assignment-letters/${issued.body.id}/messages`, { token: caseworker })).body as Delivery[];
      return messages.length === 1 && messages[0].state === 'read' ? messages[0] : undefined;
    }, 30_000);
    expect(read).toMatchObject({ kind: 'assignment-letter', channel: 'eformidling', recipient: hitra.organisationNumber, failureReason: null });

    const [arrived, ...again] = sentTo(hitra.organisationNumber);
    expect(again).toEqual([]);
    expect(arrived).toMatchObject({ messageId: read.messageId, primaryDocument: 'oppdragsbrev.pdf' });
    // No case folder: one registry entry filed directly in the arkivdel, in the municipality's nynorsk.
    expect(arrived.summary.saksmappe).toBeUndefined();
    expect(arrived.summary.journalposter).toEqual([
      expect.objectContaining({
        referanseArkivdel: 'Oppdragsbrev 2017',
        registreringsID: `OPPDRAG-frivillige-lokale-2017-${hitra.organisationNumber}`,
        journalposttype: 'Utgående dokument',
        tittel: 'Oppdragsbrev – forvaltning av tilskotsordning',
      }),
    ]);
    const stored = (await call(api.baseUrl, `/assignment-letters/${issued.body.id}`, { token: caseworker })).body as Buffer;
    expect(fileOf(arrived, 'oppdragsbrev.pdf').equals(stored)).toBe(true);
    expect(await pdfText(stored)).toContain('Kommunen forvaltar ordninga på vegner av IMDi');

    // A municipality whose archive refuses the letter: failed with the reason, on the letter and in the failed list.
    const froya = await organisation('Frøya kommune', 'nb');
    integrationPoint.failAtReceiver.set(froya.organisationNumber, 'Mottakers sak- og arkivsystem avviste meldingen');
    try {
      const refused = await post('/casework/assignment-letters', caseworker, {
        organisationNumber: froya.organisationNumber,
        budgetYear: 2017,
        frameNok: '300000',
      });
      expect(refused.status).toBe(201);
      const failed = await eventually(async () => {
        const messages = (await call(api.baseUrl, `/assignment-letters/${refused.body.id}/messages`, { token: caseworker })).body as Delivery[];
        return messages[0]?.state === 'failed' ? messages[0] : undefined;
      }, 30_000);
      expect(failed.failureReason).toContain('Mottakers sak- og arkivsystem avviste meldingen');
      const failedList = (await call(api.baseUrl, '/messages/failed', { token: admin })).body as Delivery[];
      expect(failedList.map((message) => message.id)).toContain(failed.id);
    } finally {
      integrationPoint.failAtReceiver.delete(froya.organisationNumber);
    }
    expect((await call(api.baseUrl, `/assignment-letters/${issued.body.id}/messages`, { token: hitra.token })).status).toBe(403);
  });
});
