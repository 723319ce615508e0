import type { INestApplicationContext } from '@nestjs/common';
import { AdjustableClock, Clock } from '@imdi/kernel';
import { QueueRegistry } from '@imdi/platform';
import { SEND_REPORT_REMINDERS } from '@imdi/recipient-reports';
import { DataSource } from 'typeorm';
import { call, startApi, tokenFor, type RunningApi } from '../support/api-harness';
import { approvedJobbsjansenGrant } from '../support/grant-fixtures';
import { newAccountNumber, newOrganisationNumber } from '../support/identifiers';
import { startMailServer, type TestMailServer } from '../support/mail-server';
import { grantAcceptanceHandled } from '../support/domain-events';
import { eventually, startWorker } from '../support/worker-harness';

/** The 2017 allocation letter's ministry (data/allocation-letters/2017.json). */
const MINISTRY = 'postmottak@jd.dep.no';

describe('Messages that leave: receipts, the ministry gate and letter notices by e-mail', () => {
  let mail: TestMailServer;
  let api: RunningApi;
  let worker: INestApplicationContext;
  let dataSource: DataSource;
  let clock: AdjustableClock;
  let caseworker: string;
  let approver: string;
  let admin: string;

  const post = (path: string, token: string, json: object = {}) => call(api.baseUrl, path, { method: 'POST', token, json });
  const statusOf = async (caseId: string): Promise<string> => (await dataSource.query('SELECT status FROM case_file WHERE id = $1', [caseId]))[0].status;
  const overview = async (caseId: string) => (await call(api.baseUrl, `/casework/cases/${caseId}`, { token: caseworker })).body;

  async function organisation(writtenStandard: 'nb' | 'nn', name: string) {
    const organisationNumber = newOrganisationNumber();
    const contactEmail = `post-${organisationNumber}@kommune.example.no`;
    const token = await tokenFor({ sub: `applicant-${organisationNumber}`, roles: ['applicant'], organisationNumbers: [organisationNumber] });
    const registered = await post('/organisations', token, {
      organisationNumber,
      name,
      kind: 'kommune',
      municipalityNumber: '3005',
      accountNumber: newAccountNumber(),
      writtenStandard,
      contactName: 'Kari',
      contactEmail,
    });
    expect(registered.status).toBe(201);
    return { organisationNumber, token, contactEmail, name };
  }

  const approvedGrant = (who: { organisationNumber: string; token: string }, amountNok: string): Promise<string> =>
    approvedJobbsjansenGrant(api.baseUrl, { caseworker, approver }, who, amountNok);

  async function messageOf(reference: string): Promise<{ id: string; state: string; attempts: number; last_error: string | null }> {
    return eventually(async () => (await dataSource.query('SELECT id, state, attempts, last_error FROM message WHERE reference = $1', [reference]))[0]);
  }

  beforeAll(async () => {
    mail = await startMailServer();
    process.env.SMTP_URL = mail.url;
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

  afterAll(async () => {
    clock?.set(undefined);
    await worker?.close();
    await api?.close();
    await mail?.close();
  });

  it('mails receipts, letter notices and report reminders in the målform, and refuses the letter until the ministry’s mail server has the pre-notification', async () => {
    const nordby = await organisation('nb', 'Nordby kommune');
    const vestby = await organisation('nn', 'Vestby kommune');
    const nordbyCase = await approvedGrant(nordby, '200000');
    const vestbyCase = await approvedGrant(vestby, '150000');

    const [nordbyReceipt] = await eventually(async () => (mail.receivedBy(nordby.contactEmail).length > 0 ? mail.receivedBy(nordby.contactEmail) : undefined));
    expect(nordbyReceipt.subject).toMatch(/^Kvittering: søknaden er mottatt \(sak \d{4}\/\d+\)$/);
    expect(nordbyReceipt.text).toContain('har mottatt søknaden fra Nordby kommune');
    expect(nordbyReceipt.contentLanguage).toBe('nb-NO');
    const [vestbyReceipt] = await eventually(async () => (mail.receivedBy(vestby.contactEmail).length > 0 ? mail.receivedBy(vestby.contactEmail) : undefined));
    expect(vestbyReceipt.subject).toMatch(/^Kvittering: søknaden er motteken/);
    expect(vestbyReceipt.text).toContain('har motteke søknaden frå Vestby kommune');
    expect(vestbyReceipt.text).toContain('Denne e-posten kan ikkje svarast på.');
    expect(vestbyReceipt.contentLanguage).toBe('nn-NO');

    await mail.down();
    const notification = await post('/casework/ministry-notifications', caseworker, { schemeCode: 'jobbsjansen-a', budgetYear: 2017 });
    expect(notification.status).toBe(201);
    const attempted = await eventually(async () => {
      const message = await messageOf(notification.body.id);
      return message.attempts >= 2 && message.state === 'queued' ? message : undefined;
    });
    expect(attempted.last_error).toMatch(/ECONNREFUSED/);
    const refused = await post(`/casework/cases/${nordbyCase}/letters`, caseworker);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('NOTIFICATION_NOT_DELIVERED');
    expect(await statusOf(nordbyCase)).toBe('approved');
    expect((await overview(nordbyCase)).ministryNotification).toMatchObject({
      required: true,
      id: notification.body.id,
      deliveredAt: null,
      deliveryFailure: null,
    });

    await mail.up();
    await eventually(
      async () => ((await statusOf(nordbyCase)) === 'ministry_notified' && (await statusOf(vestbyCase)) === 'ministry_notified' ? true : undefined),
      40_000,
    );
    const [toMinistry, ...again] = mail.receivedBy(MINISTRY);
    expect(again).toEqual([]);
    expect(toMinistry.subject).toBe(`Forhåndsorientering om tilskudd: jobbsjansen-a 2017, runde ${notification.body.round}`);
    expect(toMinistry.text).toContain('Nordby kommune');
    expect(toMinistry.text).toContain('Vestby kommune');
    expect(toMinistry.text).toContain('instruks 6.1');
    expect(toMinistry.text).toMatch(/^Til Justis- og beredskapsdepartementet/);
    expect((await overview(nordbyCase)).ministryNotification.deliveredAt).not.toBeNull();

    for (const [caseId, who] of [
      [nordbyCase, nordby],
      [vestbyCase, vestby],
    ] as const) {
      const letter = await post(`/casework/cases/${caseId}/letters`, caseworker);
      expect(letter.status).toBe(201);
      await eventually(async () => (mail.receivedBy(who.contactEmail).length === 2 ? true : undefined));
    }
    const nordbyLetter = mail.receivedBy(nordby.contactEmail)[1];
    expect(nordbyLetter.subject).toMatch(/^Nytt brev fra IMDi i sak /);
    expect(nordbyLetter.text).toContain('Logg inn i søknadsportalen for å lese brevet.');
    expect(nordbyLetter.text).not.toMatch(/200[  ]?000/);
    const vestbyLetter = mail.receivedBy(vestby.contactEmail)[1];
    expect(vestbyLetter.subject).toMatch(/^Nytt brev frå IMDi i sak /);
    expect(vestbyLetter.text).toContain('Av omsyn til personvernet sender vi ikkje innhaldet på e-post.');

    // Accepted grants owe a report by 31.03.2018; two weeks before, the daily run reminds each recipient.
    expect((await post(`/cases/${nordbyCase}/accept`, nordby.token)).body.status).toBe('accepted');
    expect((await post(`/cases/${vestbyCase}/accept`, vestby.token)).body.status).toBe('accepted');
    await grantAcceptanceHandled(dataSource, [nordbyCase, vestbyCase]);
    await api.app.get(QueueRegistry).get(SEND_REPORT_REMINDERS.queue).add(SEND_REPORT_REMINDERS.name, { asOf: '2018-03-20' });
    await eventually(async () => (mail.receivedBy(nordby.contactEmail).length === 3 && mail.receivedBy(vestby.contactEmail).length === 3 ? true : undefined));
    expect(mail.receivedBy(nordby.contactEmail)[2]).toMatchObject({ subject: 'Påminnelse: rapport om bruk av tilskudd', contentLanguage: 'nb-NO' });
    expect(mail.receivedBy(nordby.contactEmail)[2].text).toContain('skal være hos IMDi innen 31.03.2018');
    expect(mail.receivedBy(vestby.contactEmail)[2]).toMatchObject({ subject: 'Påminning: rapport om bruk av tilskot', contentLanguage: 'nn-NO' });
    expect(mail.receivedBy(vestby.contactEmail)[2].text).toContain('skal vere hos IMDi innan 31.03.2018');

    // Every message arrived once: one Message-ID each, and nothing more turns up afterwards.
    await new Promise((settle) => setTimeout(settle, 1500));
    const ours = [...mail.receivedBy(nordby.contactEmail), ...mail.receivedBy(vestby.contactEmail), ...mail.receivedBy(MINISTRY)];
    expect(ours).toHaveLength(7);
    expect(new Set(ours.map((received) => received.messageId)).size).toBe(7);
    const caseMessages = (await call(api.baseUrl, `/casework/cases/${nordbyCase}/messages`, { token: caseworker })).body;
    expect(caseMessages.map((message: { kind: string; state: string }) => [message.kind, message.state])).toEqual([
      ['receipt', 'handed_over'],
      ['letter-ready', 'handed_over'],
      ['report-reminder', 'handed_over'],
    ]);
  });

  it('lets the ministry acknowledge a delivered pre-notification once, with its comment, and nothing undelivered', async () => {
    const [{ id }] = await dataSource.query(`SELECT id FROM ministry_notification WHERE delivered_at IS NOT NULL ORDER BY delivered_at LIMIT 1`);
    const ministry = await tokenFor({ sub: 'dina-departement', name: 'Dina Departement', roles: ['ministry'] });
    expect((await post(`/ministry/notifications/${id}/acknowledge`, caseworker, {})).status).toBe(403);
    const tooLong = await post(`/ministry/notifications/${id}/acknowledge`, ministry, { comment: 'x'.repeat(5001) });
    expect([tooLong.status, tooLong.body.errors[0].field]).toEqual([400, 'comment']);
    const acknowledged = await post(`/ministry/notifications/${id}/acknowledge`, ministry, { comment: 'Tatt til orientering.' });
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body.acknowledgement).toMatchObject({ by: 'dina-departement', byName: 'Dina Departement', comment: 'Tatt til orientering.' });
    const again = await post(`/ministry/notifications/${id}/acknowledge`, ministry, {});
    expect([again.status, again.body.code]).toEqual([409, 'ALREADY_ACKNOWLEDGED']);
    const inbox = (await call(api.baseUrl, '/ministry/notifications', { token: ministry })).body as Array<{
      id: string;
      acknowledgement: { comment: string } | null;
    }>;
    expect(inbox.find((notification) => notification.id === id)?.acknowledgement?.comment).toBe('Tatt til orientering.');
    const [audit] = await dataSource.query(`SELECT actor_id FROM audit_entry WHERE entity_id = $1 AND action = 'ministry-notification.acknowledged'`, [id]);
    expect(audit).toEqual({ actor_id: 'dina-departement' });
    const unknown = await post('/ministry/notifications/00000000-0000-4000-8000-000000000000/acknowledge', ministry, {});
    expect(unknown.status).toBe(404);
  });

  it('shows a permanent refusal (550) on the case with its reason, keeps the letter blocked, and sends after a corrected resend', async () => {
    const ostby = await organisation('nb', 'Østby kommune');
    mail.refused.add(ostby.contactEmail);
    mail.refused.add(MINISTRY);
    const caseId = await approvedGrant(ostby, '100000');
    const notification = await post('/casework/ministry-notifications', caseworker, { schemeCode: 'jobbsjansen-a', budgetYear: 2017 });
    expect(notification.status).toBe(201);

    const failure = await eventually(async () => (await overview(caseId)).ministryNotification.deliveryFailure ?? undefined);
    expect(failure).toContain('550');
    expect(failure).toContain('Mailbox unavailable');
    const receipt = await eventually(async () => (await overview(caseId)).messages.find((message: { state: string }) => message.state === 'failed'));
    expect(receipt).toMatchObject({ kind: 'receipt', recipient: ostby.contactEmail, attempts: 1 });
    expect(receipt.failureReason).toContain('550');
    const refused = await post(`/casework/cases/${caseId}/letters`, caseworker);
    expect(refused.body.code).toBe('NOTIFICATION_NOT_DELIVERED');
    const failed = (await call(api.baseUrl, '/messages/failed', { token: admin })).body;
    const ministryMessage = failed.find(
      (message: { kind: string; recipient: string }) => message.kind === 'ministry-pre-notification' && message.recipient === MINISTRY,
    );
    expect(ministryMessage.failureReason).toContain('550');
    expect(mail.receivedBy(MINISTRY).filter((received) => received.subject.includes(`runde ${notification.body.round}`))).toEqual([]);

    const badAddress = await post(`/messages/${ministryMessage.id}/resend`, caseworker, { recipient: 'ikke en adresse' });
    expect(badAddress.status).toBe(400);
    expect(JSON.stringify(badAddress.body)).toContain('recipient');
    const resent = await post(`/messages/${ministryMessage.id}/resend`, caseworker, { recipient: 'arkiv@jd.dep.no' });
    expect(resent.status).toBe(200);
    expect(resent.body).toMatchObject({ state: 'queued', recipient: 'arkiv@jd.dep.no' });
    const again = await post(`/messages/${ministryMessage.id}/resend`, caseworker, {});
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('MESSAGE_NOT_FAILED');

    await eventually(async () => ((await statusOf(caseId)) === 'ministry_notified' ? true : undefined));
    expect((await overview(caseId)).ministryNotification).toMatchObject({ deliveryFailure: null });
    expect(mail.receivedBy('arkiv@jd.dep.no')).toHaveLength(1);
    expect((await post(`/casework/cases/${caseId}/letters`, caseworker)).status).toBe(201);
  });
});
