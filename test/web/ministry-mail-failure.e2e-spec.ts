import type { INestApplicationContext } from '@nestjs/common';
import { AdjustableClock, Clock } from '@imdi/kernel';
import type { Browser, Page } from 'playwright-core';
import { call, startApi, tokenFor, type RunningApi } from '../support/api-harness';
import { launchBrowser, logInThroughProvider, newVisitor, recordStep } from '../support/browser-harness';
import { approvedJobbsjansenGrant } from '../support/grant-fixtures';
import { startTestIdentityProvider, type RunningTestProvider } from '../support/identity-provider-harness';
import { newAccountNumber, newOrganisationNumber } from '../support/identifiers';
import { startMailServer, type TestMailServer } from '../support/mail-server';
import { startWorker } from '../support/worker-harness';

/** The 2017 allocation letter's ministry (data/allocation-letters/2017.json). */
const MINISTRY = 'postmottak@jd.dep.no';

jest.setTimeout(120_000);

/** Needs `npm run build`: the api serves the compiled front end from dist/. */
describe('The case page when the e-mail to the ministry fails', () => {
  let mail: TestMailServer;
  let api: RunningApi;
  let worker: INestApplicationContext;
  let clock: AdjustableClock;
  let browser: Browser;
  let provider: RunningTestProvider;

  beforeAll(async () => {
    provider = await startTestIdentityProvider();
    mail = await startMailServer();
    process.env.SMTP_URL = mail.url;
    api = await startApi();
    worker = await startWorker();
    clock = api.app.get(Clock) as AdjustableClock;
    const window = (await call(api.baseUrl, '/schemes/jobbsjansen-a?year=2017')).body.window;
    clock.set(new Date(new Date(window.opensAt).getTime() + 86_400_000));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    clock?.set(undefined);
    await browser?.close();
    await worker?.close();
    await api?.close();
    await mail?.close();
    await provider?.stop();
  });

  it('says why the ministry did not get the pre-notification, and sends it again at a click', async () => {
    const admin = await tokenFor({ sub: 'ada', roles: ['admin'] });
    await call(api.baseUrl, '/admin/delegations', {
      method: 'POST',
      token: admin,
      json: { approverId: 'web-godkjenner', budgetPost: '496.62', maxAmountNok: '1000000', reference: 'Delegeringsvedtak 2017-03' },
    });
    const caseworker = await tokenFor({ sub: 'web-saksbehandler', roles: ['caseworker'] });
    const approver = await tokenFor({ sub: 'web-godkjenner', roles: ['approver'] });
    const organisationNumber = newOrganisationNumber();
    const applicant = await tokenFor({ sub: `applicant-${organisationNumber}`, roles: ['applicant'], organisationNumbers: [organisationNumber] });
    const registered = await call(api.baseUrl, '/organisations', {
      method: 'POST',
      token: applicant,
      json: {
        organisationNumber,
        name: 'Havbyen kommune',
        kind: 'kommune',
        municipalityNumber: '3005',
        accountNumber: newAccountNumber(),
        writtenStandard: 'nb',
        contactName: 'Kari',
        contactEmail: 'post@havbyen.example.no',
      },
    });
    expect(registered.status).toBe(201);
    const caseId = await approvedJobbsjansenGrant(api.baseUrl, { caseworker, approver }, { organisationNumber, token: applicant }, '120000');
    mail.refused.add(MINISTRY);

    const { page } = await newVisitor(browser, api.baseUrl);
    await logIn(page);
    await page.goto(`/saksbehandling/saker/${caseId}`);
    await page.getByRole('button', { name: 'Send forhåndsorientering til departementet', exact: true }).click();
    await page
      .getByRole('form', { name: 'Send forhåndsorientering til departementet' })
      .getByRole('button', { name: /^Bekreft/ })
      .click();
    await page.getByRole('status').filter({ hasText: 'Forhåndsorienteringen er sendt til departementet' }).waitFor();
    const alert = page.getByRole('region', { name: 'Vedtak' }).getByText(/^E-posten til departementet kunne ikke leveres/);
    const until = Date.now() + 30_000;
    while (!(await alert.isVisible()) && Date.now() < until) {
      await page.waitForTimeout(500);
      await page.reload();
    }
    expect(await alert.textContent()).toMatch(/550 .*Mailbox unavailable.*Tilskuddsbrevet kan ikke lages før den er levert\./);
    await recordStep(page, 91, 'forhandsorientering-feilet');

    mail.refused.delete(MINISTRY);
    await page.getByRole('button', { name: 'Send forhåndsorienteringen på nytt' }).click();
    await page.getByRole('status').filter({ hasText: 'Forhåndsorienteringen er sendt på nytt' }).waitFor();
    const delivered = page.getByText(/^Forhåndsorientering av departementet: \d{2}\.\d{2}\.\d{4}/);
    const deliveredUntil = Date.now() + 30_000;
    while (!(await delivered.isVisible()) && Date.now() < deliveredUntil) {
      await page.waitForTimeout(500);
      await page.reload();
    }
    await delivered.waitFor({ timeout: 1000 });
    await recordStep(page, 92, 'forhandsorientering-levert-etter-ny-sending');
    expect(mail.receivedBy(MINISTRY).filter((received) => received.text.includes('Havbyen kommune'))).toHaveLength(1);
  });
});

/** A caseworker of the local provider's test staff, through its login page as in production. */
async function logIn(page: Page): Promise<void> {
  await logInThroughProvider(page, 'staff', 'kari.saksbehandler');
}
