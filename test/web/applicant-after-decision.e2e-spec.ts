import type { INestApplicationContext } from '@nestjs/common';
import { AdjustableClock, Clock } from '@imdi/kernel';
import type { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { call, startApi, tokenFor, type RunningApi } from '../support/api-harness';
import { launchBrowser, logInThroughProvider, newVisitor, recordStep } from '../support/browser-harness';
import { approvedJobbsjansenGrant } from '../support/grant-fixtures';
import { startTestIdentityProvider, type RunningTestProvider } from '../support/identity-provider-harness';
import { newAccountNumber, newNationalIdNumber, newOrganisationNumber } from '../support/identifiers';
import { startMailServer, type TestMailServer } from '../support/mail-server';
import { eventually, startWorker } from '../support/worker-harness';

/*
 * After submission, as the recipient lives it: the decision letter is out (the ministry was told first,
 * by the worker's mail), the applicant reads the decision and the date to accept by and accepts in the
 * browser, sees the payout plan, finance runs a payout, the applicant sees the payment and sends the
 * report. Staff steps go through the api; every page state is checked at 1280 and 320 px with axe.
 * Needs `npm run build`: the api serves the compiled front end from dist/.
 */
jest.setTimeout(240_000);

describe('The applicant’s case page after the decision', () => {
  let mail: TestMailServer;
  let api: RunningApi;
  let worker: INestApplicationContext;
  let clock: AdjustableClock;
  let provider: RunningTestProvider;
  let browser: Browser;
  let dataSource: DataSource;
  let step = 40;
  const organisationNumber = newOrganisationNumber();
  const person = newNationalIdNumber('1981-05-06', 'male');

  const post = (path: string, token: string, json: object = {}) => call(api.baseUrl, path, { method: 'POST', token, json });

  /** At 1280 and at 320 px: no horizontal scroll, zero axe violations, a screenshot of each. */
  async function record(page: Page, name: string): Promise<void> {
    await page.setViewportSize({ width: 1280, height: 900 });
    await recordStep(page, ++step, `${name}-1280`);
    await page.setViewportSize({ width: 320, height: 640 });
    await page.waitForTimeout(50);
    expect({ name, width: await page.evaluate('document.documentElement.scrollWidth') }).toEqual({ name, width: 320 });
    await recordStep(page, ++step, `${name}-320`);
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  beforeAll(async () => {
    provider = await startTestIdentityProvider({
      staff: [],
      persons: [
        {
          nationalIdNumber: person,
          name: 'Per Mottaker',
          representations: [{ organisationNumber, organisationName: 'Mottaker kommune', resources: ['imdi-tilskudd'] }],
        },
      ],
    });
    mail = await startMailServer();
    process.env.SMTP_URL = mail.url;
    api = await startApi();
    worker = await startWorker();
    dataSource = api.app.get(DataSource);
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

  it('shows the decision and the date to accept by, takes the acceptance, shows the plan and the payment, and takes the report', async () => {
    const admin = await tokenFor({ sub: 'ada', roles: ['admin'] });
    expect(
      (
        await post('/admin/delegations', admin, {
          approverId: 'etter-godkjenner',
          budgetPost: '496.62',
          maxAmountNok: '1000000',
          reference: 'Delegeringsvedtak 2017-04',
        })
      ).status,
    ).toBe(201);
    const caseworker = await tokenFor({ sub: 'etter-saksbehandler', roles: ['caseworker'] });
    const approver = await tokenFor({ sub: 'etter-godkjenner', roles: ['approver'] });
    const financeA = await tokenFor({ sub: 'etter-fiona', roles: ['finance'] });
    const applicant = await tokenFor({ sub: `applicant-${organisationNumber}`, roles: ['applicant'], organisationNumbers: [organisationNumber] });
    const registered = await post('/organisations', applicant, {
      organisationNumber,
      name: 'Mottaker kommune',
      kind: 'kommune',
      municipalityNumber: '3005',
      accountNumber: newAccountNumber(),
      writtenStandard: 'nb',
      contactName: 'Per Mottaker',
      contactEmail: 'post@mottaker.example.no',
    });
    expect(registered.status).toBe(201);
    const caseId = await approvedJobbsjansenGrant(api.baseUrl, { caseworker, approver }, { organisationNumber, token: applicant }, '240000');

    // The applicant sees no decision while it is inside IMDi (approved, no letter yet).
    const page = (await newVisitor(browser, api.baseUrl)).page;
    await logInThroughProvider(page, 'applicant', person, organisationNumber);
    await page.goto(`/saker/${caseId}`);
    await page.getByRole('heading', { level: 1, name: /^Sak \d{4}\/\d+$/ }).waitFor();
    await expect(page.getByRole('heading', { level: 2, name: 'Vedtak', exact: true }).count()).resolves.toBe(0);

    // The ministry is told first (the worker mails it); then the grant letter may go.
    expect((await post('/casework/ministry-notifications', caseworker, { schemeCode: 'jobbsjansen-a', budgetYear: 2017 })).status).toBe(201);
    await eventually(
      async () => ((await dataSource.query('SELECT status FROM case_file WHERE id = $1', [caseId]))[0].status === 'ministry_notified' ? true : undefined),
      40_000,
    );
    expect((await post(`/casework/cases/${caseId}/letters`, caseworker)).status).toBe(201);

    await page.reload();
    const decision = page.getByRole('region', { name: 'Vedtak', exact: true });
    await decision.waitFor();
    await decision.getByText('Innvilget', { exact: true }).waitFor();
    await decision.getByText('240\u00a0000\u00a0kr').waitFor();
    await decision.getByText('Søknaden er godt begrunnet og innenfor rammen.').waitFor();
    await page.getByText(/^Frist for å akseptere: \d{1,2}\. \p{L}+ \d{4}$/u).waitFor();
    await page.getByText('Utbetalingsplanen lages når du har akseptert tilskuddet.').waitFor();
    await record(page, 'vedtak-aksepter');

    await page.getByRole('button', { name: 'Aksepter tilskuddet' }).click();
    await page.getByRole('status').filter({ hasText: 'Du har akseptert tilskuddet.' }).waitFor();
    const plan = page.getByRole('region', { name: 'Utbetalingsplan', exact: true });
    await plan.getByText(/^Del 1: 120\u00a0000\u00a0kr, forfaller/).waitFor();
    await plan.getByText(/^Del 2: 120\u00a0000\u00a0kr, forfaller .*september 2017/).waitFor();
    await expect(plan.getByText('Ikke utbetalt ennå').count()).resolves.toBe(2);
    await plan.getByText('Ingen utbetalinger ennå.').waitFor();
    await expect(page.getByRole('button', { name: 'Aksepter tilskuddet' }).count()).resolves.toBe(0);
    // The timeline speaks in words and leaves out IMDi's internal steps.
    const timeline = page.getByRole('region', { name: 'Hva har skjedd', exact: true });
    await timeline.getByText(/: Tilskuddet ble akseptert$/).waitFor();
    await timeline.getByText(/: Vedtaksbrevet ble sendt$/).waitFor();
    expect(await timeline.textContent()).not.toMatch(/propose|assessed|startAssessment|opened/);
    await record(page, 'akseptert-utbetalingsplan');

    // Finance pays what is due by the end of June: the spring half.
    const run = await post('/payments/runs', financeA, { budgetYear: 2017, budgetPost: '496.62', asOf: '2017-06-30' });
    expect(run.status).toBe(202);
    await eventually(
      async () => ((await call(api.baseUrl, `/payments/runs/${run.body.id}`, { token: financeA })).body.status === 'completed' ? true : undefined),
      40_000,
    );
    await page.reload();
    await plan.getByText('Utbetalt', { exact: true }).waitFor();
    await expect(plan.getByText('Ikke utbetalt ennå').count()).resolves.toBe(1);
    await plan.getByText(/^120\u00a0000\u00a0kr med utbetalingsdato \d{1,2}\. \p{L}+ \d{4}:/u).waitFor();
    await record(page, 'utbetalt');

    // The report: every error at once beside its field, then sent.
    const report = page.getByRole('region', { name: 'Rapportering', exact: true });
    await report.getByText('Ikke sendt').waitFor();
    await report.getByText(/^Rapporten skal sendes innen 31\. mars 2018\.$/).waitFor();
    await report.getByLabel('Hvordan ble pengene brukt?').fill('Kort');
    await report.getByRole('button', { name: 'Send rapporten' }).click();
    await page.getByRole('alert').first().waitFor();
    await record(page, 'rapport-feil');
    await report.getByLabel('Hvordan ble pengene brukt?').fill('Lønn til to programrådgivere gjennom hele året.');
    await report.getByLabel('Brukt beløp i kroner').fill('240000');
    await report.getByLabel('Hvilke resultater fikk dere?').fill('Ni av femten deltakere gikk over til arbeid eller utdanning.');
    await report.getByLabel('Antall deltakere, kvinner').fill('15');
    await report.getByLabel('Antall deltakere, menn').fill('0');
    await report.getByLabel('Linje 1: Hva pengene gikk til').fill('Lønn programrådgivere');
    await report.getByLabel('Linje 1: Beløp i kroner').fill('240000');
    await report.getByRole('button', { name: 'Send rapporten' }).click();
    await report.getByText('Sendt, til behandling').waitFor();
    await expect(report.getByRole('button', { name: 'Send rapporten' }).count()).resolves.toBe(0);
    await record(page, 'rapport-sendt');
    const stored = (await call(api.baseUrl, `/cases/${caseId}/report`, { token: applicant })).body;
    expect(stored).toMatchObject({
      status: 'submitted',
      content: { spentNok: '240000.00', participantsFemale: 15, participantsMale: 0, accounts: [{ description: 'Lønn programrådgivere' }] },
    });

    // Organisation settings: another contact person, saved at once (and audited by the api).
    await page.getByRole('link', { name: 'Organisasjonen', exact: true }).click();
    const contact = page.getByRole('region', { name: 'Kontaktperson', exact: true });
    await expect(contact.getByLabel('Kontaktperson', { exact: true }).inputValue()).resolves.toBe('Per Mottaker');
    await contact.getByLabel('E-postadresse til kontaktpersonen').fill('ikke en adresse');
    await contact.getByRole('button', { name: 'Lagre kontaktperson' }).click();
    await contact
      .getByText(/e-postadresse/i)
      .first()
      .waitFor();
    await contact.getByLabel('Kontaktperson', { exact: true }).fill('Ola Ny');
    await contact.getByLabel('E-postadresse til kontaktpersonen').fill('ola@mottaker.example.no');
    await contact.getByRole('button', { name: 'Lagre kontaktperson' }).click();
    await page.getByRole('status').filter({ hasText: 'Kontaktpersonen er endret.' }).waitFor();
    await record(page, 'kontaktperson-endret');
    const [mine] = (await call(api.baseUrl, '/organisations/mine', { token: applicant })).body;
    expect(mine).toMatchObject({ contactName: 'Ola Ny', contactEmail: 'ola@mottaker.example.no', contactPhone: null });
    const [audited] = await dataSource.query(`SELECT before, after FROM audit_entry WHERE action = 'organisation.contact-changed'`);
    expect(audited).toMatchObject({ before: { contactName: 'Per Mottaker' }, after: { contactName: 'Ola Ny' } });
  });
});
