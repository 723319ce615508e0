import { addCalendarDays, deadlineOnWorkingDay, osloDate } from '@imdi/kernel';
import type { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { runDemonstrationSeeds } from '../../scripts/seed';
import { call, tokenFor, type RunningApi } from '../support/api-harness';
import { launchBrowser, logInThroughProvider, newVisitor, recordStep } from '../support/browser-harness';
import { startTestIdentityProvider, type RunningTestProvider } from '../support/identity-provider-harness';
import { newAccountNumber, newNationalIdNumber, newOrganisationNumber } from '../support/identifiers';
import { startMailServer, type TestMailServer } from '../support/mail-server';
import { mentorTraineeForm } from '../support/mentor-application';
import { startSystem, type RunningSystem } from '../support/system-harness';
import { eventually } from '../support/worker-harness';

/*
 * A newcomer on the demonstration year (what npm start seeds), in one chain: signs in, registers the
 * organisation, finds an open scheme, starts an application, saves it, comes back in a new session,
 * meets every error at once, fixes them, checks the answers, declares and submits, and gets a receipt
 * and a case page; switches to nynorsk and back. Then IMDi decides (caseworker, approver, the
 * ministry told first by the worker's mail, the letter sent: staff steps over the api), and the
 * applicant reads the decision, accepts, sees the payout plan, sees the payment finance ran, sends the
 * report with its signed accounts attached (a refused file first) and changes the contact person. Every page state is photographed and checked with axe
 * (WCAG 2.2 A/AA) at 1280 and 320 px, and at 320 px the page may not be wider than the screen.
 * Needs `npm run build`: the api serves the compiled front end from dist/.
 */
jest.setTimeout(480_000);

describe('The applicant journey on the demonstration year', () => {
  let system: RunningSystem;
  let api: RunningApi;
  let mail: TestMailServer;
  let provider: RunningTestProvider;
  let browser: Browser;
  let step = 0;
  const year = Number(osloDate(new Date()).slice(0, 4));
  const organisationNumber = newOrganisationNumber();
  const person = newNationalIdNumber('1979-03-02', 'female');

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
    await runDemonstrationSeeds();
    provider = await startTestIdentityProvider({
      staff: [],
      persons: [
        {
          nationalIdNumber: person,
          name: 'Nora Nykomling',
          representations: [{ organisationNumber, organisationName: 'Nykomling integreringslag', resources: ['imdi-tilskudd'] }],
        },
      ],
    });
    mail = await startMailServer();
    process.env.SMTP_URL = mail.url;
    system = await startSystem();
    api = system.api;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
    await mail?.close();
    await provider?.stop();
  });

  it('finds a scheme, applies across two sessions, fixes every error at once, submits, accepts the grant, sees the plan and a payment, and reports', async () => {
    const form = await mentorTraineeForm(api.baseUrl, '150000', year);
    const first = (await newVisitor(browser, api.baseUrl)).page;
    await first.goto('/');
    await first.waitForURL('**/logg-inn');
    await record(first, 'innlogging');
    await logInThroughProvider(first, 'applicant', person, organisationNumber);
    await first.getByRole('heading', { level: 1, name: 'Mine søknader og saker' }).waitFor();
    await first.getByText('Organisasjonen har ingen søknader ennå.').waitFor();
    await record(first, 'mine-soknader-tom');

    // The schemes: open ones first, then upcoming and closed, each saying when.
    await first.getByRole('link', { name: 'Tilskuddsordninger' }).click();
    await first.getByRole('heading', { level: 2, name: /^Åpne for søknad nå/ }).waitFor();
    await first.getByRole('heading', { level: 2, name: /^Åpner senere \(2\)/ }).waitFor();
    await first.getByRole('heading', { level: 2, name: /^Stengt for søknad \(2\)/ }).waitFor();
    await first.getByText('Registrer organisasjonen før du søker.').first().waitFor();
    await record(first, 'ordninger');

    // A closed scheme opened by its address offers no Start søknad.
    await first.goto(`/ordninger/etablerersentre?year=${year}`);
    await first.getByText('Ordningen tar ikke imot søknader nå').waitFor();
    await expect(first.getByRole('button', { name: 'Start søknad' }).count()).resolves.toBe(0);
    await record(first, 'stengt-ordning');

    // The organisation registers first (account number, contact person).
    await first.getByRole('link', { name: 'Organisasjonen', exact: true }).click();
    await first.getByRole('heading', { level: 1, name: 'Organisasjonen' }).waitFor();
    await record(first, 'registrer-organisasjon');
    await first.getByLabel('Kontonummer').fill(newAccountNumber());
    await first.getByLabel('Kontaktperson', { exact: true }).fill('Nora Nykomling');
    await first.getByLabel('E-postadresse til kontaktpersonen').fill('nora@example.no');
    await first.getByLabel('Kontaktperson', { exact: true }).press('Enter');
    expect(new URL(first.url()).pathname).toBe('/organisasjon');
    await first.getByRole('button', { name: 'Registrer organisasjonen' }).click();
    await first.getByRole('status').filter({ hasText: 'Organisasjonen er registrert.' }).waitFor();
    // A new account number takes effect only after a confirmation step.
    await first.getByRole('link', { name: 'Organisasjonen', exact: true }).click();
    await first.getByLabel('Nytt kontonummer').fill(newAccountNumber());
    await first.getByRole('button', { name: 'Endre kontonummer' }).click();
    await first.getByText('Bekreft nytt kontonummer').waitFor();
    await record(first, 'bekreft-kontonummer');
    await first.getByRole('button', { name: 'Ja, bruk dette kontonummeret' }).click();
    await first.getByRole('status').filter({ hasText: 'Kontonummeret er endret.' }).waitFor();
    await first.getByRole('link', { name: 'Tilskuddsordninger' }).click();

    await first
      .getByRole('link', { name: /mentor- og traineeordninger/ })
      .first()
      .click();
    await first.getByRole('button', { name: 'Start søknad' }).waitFor();
    await record(first, 'ordning-mentor');
    await first.getByRole('button', { name: 'Start søknad' }).click();
    await first.getByRole('heading', { level: 2, name: 'Slik søker du' }).waitFor();
    await record(first, 'oppgaveliste');
    await first.getByRole('link', { name: 'Fyll ut søknaden' }).click();
    await first.locator('#felt-projectTitle').fill(String(form.projectTitle));
    // Enter in a field never sends the form.
    await first.locator('#felt-projectTitle').press('Enter');
    await expect(first.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Fyll ut søknaden');
    await record(first, 'skjema-pabegynt');
    await first.getByRole('button', { name: 'Lagre og fortsett senere' }).click();
    await first.getByRole('status').filter({ hasText: 'Utkastet er lagret' }).waitFor();
    await first.context().close();

    // A new session: the draft is where it was left.
    const second = (await newVisitor(browser, api.baseUrl)).page;
    await logInThroughProvider(second, 'applicant', person, organisationNumber);
    await second.getByRole('link', { name: 'Fortsett søknaden' }).click();
    await second.getByRole('link', { name: 'Fyll ut søknaden' }).click();
    await expect(second.locator('#felt-projectTitle').inputValue()).resolves.toBe(form.projectTitle);
    // The scheme's own form in nynorsk: its labels, help texts and choices come from the scheme.
    await second.getByRole('button', { name: 'Bytt til nynorsk' }).click();
    await second.getByLabel('Namnet på prosjektet').waitFor();
    await second.getByLabel(/^Tal på mentorar/).waitFor();
    await second.getByText('Null for ei traineeordning utan mentorar.').waitFor();
    await record(second, 'skjema-nynorsk');
    await second.getByRole('button', { name: 'Byt til bokmål' }).click();
    await second.getByLabel('Prosjektets navn').waitFor();
    // Every error at once, in a summary whose links lead to the fields.
    await second.getByRole('button', { name: 'Lagre og gå videre' }).click();
    const summary = second.locator('.ds-error-summary, ds-error-summary').first();
    await summary.waitFor();
    const errors = await summary.getByRole('link').count();
    expect(errors).toBeGreaterThan(3);
    await record(second, 'skjema-feil');

    for (const [name, value] of Object.entries(form)) {
      if (name === 'budget' || name === 'projectTitle') continue;
      const field = second.locator(`#felt-${name}`);
      if ((await field.evaluate((element) => (element as unknown as { tagName: string }).tagName)) === 'SELECT') await field.selectOption(String(value));
      else await field.fill(String(value));
    }
    await second.getByRole('button', { name: /Legg til rad/ }).click();
    const [line] = form.budget as Array<Record<string, string>>;
    await second.locator('#felt-budget-0-description').fill(line.description);
    await second.locator('#felt-budget-0-amountNok').fill(line.amountNok);
    await second.getByRole('button', { name: 'Lagre og gå videre' }).click();

    await second.getByRole('heading', { level: 1, name: 'Se over svarene før du sender' }).waitFor();
    await second.getByText(String(form.projectTitle)).first().waitFor();
    await second.getByRole('button', { name: 'Send søknaden' }).click();
    await second.getByText('Du må bekrefte at opplysningene er riktige før du sender.').first().waitFor();
    await record(second, 'se-over-svarene');
    await second.getByLabel(/Jeg bekrefter at opplysningene er riktige/).check();
    await second.getByRole('button', { name: 'Send søknaden' }).click();

    await second.getByRole('heading', { level: 1, name: 'Søknaden er sendt' }).waitFor();
    await second.getByText(new RegExp(`Saksnummeret ditt er ${year}/`)).waitFor();
    await record(second, 'kvittering');
    const receipt = await second.evaluate<number>(`fetch(document.querySelector('a[href$="/receipt"]').href).then((response) => response.status)`);
    expect(receipt).toBe(200);

    await second.getByRole('link', { name: 'Gå til saken' }).click();
    await second.getByRole('heading', { level: 1, name: new RegExp(`^Sak ${year}/`) }).waitFor();
    await second.getByText('Sendt – venter på behandling').first().waitFor();
    await record(second, 'saken');
    const caseId = new URL(second.url()).pathname.split('/').pop() as string;

    // Nynorsk: chosen, remembered, and the page's language follows.
    await second.getByRole('button', { name: 'Bytt til nynorsk' }).click();
    await second.getByRole('heading', { level: 2, name: 'Kva har skjedd' }).waitFor();
    await expect(second.evaluate('document.documentElement.lang')).resolves.toBe('nn');
    await record(second, 'saka-nynorsk');
    await second.getByRole('link', { name: 'Tilskotsordningar' }).click();
    await second.getByRole('heading', { level: 2, name: /^Opne for søknad no/ }).waitFor();
    await second.reload();
    await second.getByRole('heading', { level: 2, name: /^Opne for søknad no/ }).waitFor();
    await record(second, 'ordningar-nynorsk');
    await second.getByRole('link', { name: 'Mine søknader og saker' }).click();
    await second.getByRole('heading', { level: 2, name: 'Innsende søknader og saker' }).waitFor();
    await record(second, 'mine-soknader-nynorsk');
    await second.getByRole('button', { name: 'Byt til bokmål' }).click();
    await second.getByRole('heading', { level: 2, name: 'Innsendte søknader og saker' }).waitFor();

    // IMDi decides over the api: assessment, proposal, approval under a delegation for the scheme's post.
    const scheme = (await call(api.baseUrl, `/schemes/mentor-trainee?year=${year}`)).body;
    const post = (path: string, token: string, json: object = {}) => call(api.baseUrl, path, { method: 'POST', token, json });
    const admin = await tokenFor({ sub: 'demo-ada', roles: ['admin'] });
    const caseworker = await tokenFor({ sub: 'demo-saksbehandler', roles: ['caseworker'] });
    const approver = await tokenFor({ sub: 'demo-godkjenner', roles: ['approver'] });
    const finance = await tokenFor({ sub: 'demo-fiona', roles: ['finance'] });
    const applicant = await tokenFor({ sub: `applicant-${organisationNumber}`, roles: ['applicant'], organisationNumbers: [organisationNumber] });
    expect(
      (
        await post('/admin/delegations', admin, {
          approverId: 'demo-godkjenner',
          budgetPost: scheme.budgetPost,
          maxAmountNok: '1000000',
          reference: 'Delegeringsvedtak demo',
        })
      ).status,
    ).toBe(201);
    const scores = ['transition', 'target-group', 'follow-up', 'budget'].map((criterion) => ({ criterion, score: 4, comment: 'Godt beskrevet' }));
    expect((await post(`/casework/cases/${caseId}/assessment`, caseworker, { scores, comment: 'Anbefales.' })).status).toBe(200);
    expect(
      (await post(`/casework/cases/${caseId}/proposal`, caseworker, { amountNok: '150000', reasons: 'Søknaden er godt begrunnet og innenfor rammen.' })).status,
    ).toBe(201);
    expect((await post(`/casework/cases/${caseId}/approve`, approver)).body).toMatchObject({ status: 'approved' });

    // Approved but not yet sent: the applicant sees no decision while it is inside IMDi.
    await second.goto(`/saker/${caseId}`);
    await second.getByRole('heading', { level: 1, name: new RegExp(`^Sak ${year}/`) }).waitFor();
    await expect(second.getByRole('heading', { level: 2, name: 'Vedtak', exact: true }).count()).resolves.toBe(0);

    // The ministry is told first (the worker mails it); then the grant letter may go.
    expect((await post('/casework/ministry-notifications', caseworker, { schemeCode: 'mentor-trainee', budgetYear: year })).status).toBe(201);
    const dataSource = api.app.get(DataSource);
    await eventually(
      async () => ((await dataSource.query('SELECT status FROM case_file WHERE id = $1', [caseId]))[0].status === 'ministry_notified' ? true : undefined),
      40_000,
    );
    expect((await post(`/casework/cases/${caseId}/letters`, caseworker)).status).toBe(201);

    await second.reload();
    const decision = second.getByRole('region', { name: 'Vedtak', exact: true });
    await decision.waitFor();
    await decision.getByText('Innvilget', { exact: true }).waitFor();
    await decision.getByText('150\u00a0000\u00a0kr').first().waitFor();
    await decision.getByText('Søknaden er godt begrunnet og innenfor rammen.').waitFor();
    await second.getByText(/^Frist for å akseptere: \d{1,2}\. \p{L}+ \d{4}$/u).waitFor();
    await second.getByText('Utbetalingsplanen lages når du har akseptert tilskuddet.').waitFor();
    await record(second, 'vedtak-aksepter');

    await second.getByRole('button', { name: 'Aksepter tilskuddet' }).click();
    // Exactly: the plan's status line before acceptance ends in "… når du har akseptert tilskuddet." too.
    await second
      .getByRole('status')
      .filter({ hasText: /^Du har akseptert tilskuddet\.$/ })
      .waitFor();
    // Until payments has made the plan (it hears of the acceptance through the outbox) the page says it is coming, never "when you have accepted".
    await expect(second.getByText('Utbetalingsplanen lages når du har akseptert tilskuddet.').count()).resolves.toBe(0);
    // Mentor and trainee schemes pay three quarters on acceptance and hold the rest for the report.
    const plan = second.getByRole('region', { name: 'Utbetalingsplan', exact: true });
    await plan.getByText(/^Del 1: 112\u00a0500\u00a0kr/).waitFor();
    await plan.getByText(/^Del 2: 37\u00a0500\u00a0kr/).waitFor();
    await plan.getByText(/holdes tilbake til rapporten er godkjent/).waitFor();
    await plan.getByText('Ingen utbetalinger ennå.').waitFor();
    await expect(second.getByRole('button', { name: 'Aksepter tilskuddet' }).count()).resolves.toBe(0);
    // The timeline speaks in words and leaves out IMDi's internal steps.
    const timeline = second.getByRole('region', { name: 'Hva har skjedd', exact: true });
    await timeline.getByText(/: Tilskuddet ble akseptert$/).waitFor();
    await timeline.getByText(/: Vedtaksbrevet ble sendt$/).waitFor();
    expect(await timeline.textContent()).not.toMatch(/propose|assessed|startAssessment|opened/);
    await record(second, 'akseptert-utbetalingsplan');

    // Finance pays what is due today: the first part.
    const run = await post('/payments/runs', finance, { budgetYear: year, budgetPost: scheme.budgetPost });
    expect(run.status).toBe(202);
    await eventually(
      async () => ((await call(api.baseUrl, `/payments/runs/${run.body.id}`, { token: finance })).body.status === 'completed' ? true : undefined),
      40_000,
    );
    await second.reload();
    await plan.getByText('Utbetalt', { exact: true }).waitFor();
    await expect(plan.getByText('Ikke utbetalt ennå').count()).resolves.toBe(1);
    await plan.getByText(/^112\u00a0500\u00a0kr med utbetalingsdato \d{1,2}\. \p{L}+ \d{4}:/u).waitFor();
    await record(second, 'utbetalt');

    // The report: every error at once beside its field, then sent.
    const report = second.getByRole('region', { name: 'Rapportering', exact: true });
    await report.getByText('Ikke sendt').waitFor();
    await report.getByText(new RegExp(`^Rapporten skal sendes innen 31\\. mars ${year + 1}\\.$`)).waitFor();
    await report.getByLabel('Hvordan ble pengene brukt?').fill('Kort');
    await report.getByRole('button', { name: 'Send rapporten' }).click();
    await second.getByRole('alert').first().waitFor();
    await record(second, 'rapport-feil');
    await report.getByLabel('Hvordan ble pengene brukt?').fill('Lønn til koordinator for mentorene gjennom hele året.');
    await report.getByLabel('Brukt beløp i kroner').fill('150000');
    await report.getByLabel('Hvilke resultater fikk dere?').fill('Ni av femten deltakere gikk over til arbeid eller utdanning.');
    await report.getByLabel('Antall deltakere, kvinner').fill('8');
    await report.getByLabel('Antall deltakere, menn').fill('7');
    await report.getByLabel('Linje 1: Hva pengene gikk til').fill('Koordinator');
    await report.getByLabel('Linje 1: Beløp i kroner').fill('150000');
    // Attachments: the rules stated before a file is chosen, a refused file named beside the field, then the signed accounts.
    const attach = report.getByLabel(/^Legg ved en fil/);
    await report.getByText(/høyst 10 MB per fil/).waitFor();
    await attach.setInputFiles({ name: 'program.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ\x90\x00 ikke en rapport') });
    await report.getByText(/Filer med endelsen \.exe kan ikke brukes/).waitFor();
    await expect(attach.getAttribute('aria-describedby')).resolves.toBeTruthy();
    await record(second, 'rapport-vedlegg-feil');
    const accounts = Buffer.from('%PDF-1.4\n% Signert regnskap for mentorordningen\n%%EOF\n');
    await attach.setInputFiles({ name: 'regnskap-signert.pdf', mimeType: 'application/pdf', buffer: accounts });
    await report.getByText('regnskap-signert.pdf er lagt ved.').waitFor();
    await report.getByRole('link', { name: /^Last ned regnskap-signert\.pdf/ }).waitFor();
    await expect(report.getByText(/Filer med endelsen/).count()).resolves.toBe(0);
    await report.getByRole('button', { name: 'Send rapporten' }).click();
    await report.getByText('Sendt, til behandling').waitFor();
    await expect(report.getByRole('button', { name: 'Send rapporten' }).count()).resolves.toBe(0);
    // What was attached stays listed once the report is sent, and opens as the file that was sent.
    const sentFile = report.getByRole('link', { name: /^Last ned regnskap-signert\.pdf/ });
    await sentFile.waitFor();
    const downloaded = await second.evaluate<string>(
      `fetch(document.querySelector('a[download="regnskap-signert.pdf"]').href).then((response) => response.text())`,
    );
    expect(downloaded).toBe(accounts.toString());
    await record(second, 'rapport-sendt');
    const stored = (await call(api.baseUrl, `/cases/${caseId}/report`, { token: applicant })).body;
    expect(stored).toMatchObject({
      status: 'submitted',
      content: { spentNok: '150000.00', participantsFemale: 8, participantsMale: 7, accounts: [{ description: 'Koordinator' }] },
      attachments: [{ fileName: 'regnskap-signert.pdf', mediaType: 'application/pdf', sizeBytes: accounts.length }],
    });

    // IMDi reclaims money not spent: the notice is answered on the case page, then the decision arrives as a letter.
    const today = osloDate(new Date());
    const notice = await post(`/payments/cases/${caseId}/reclaim-notices`, caseworker, {
      amountNok: '10000',
      reason: 'Midler som ikke ble brukt i prosjektperioden.',
      commentDeadline: deadlineOnWorkingDay(addCalendarDays(today, 21)),
    });
    expect(notice.status).toBe(201);
    await second.reload();
    const reclaims = second.getByRole('region', { name: 'Tilbakebetaling', exact: true });
    await reclaims.getByRole('heading', { name: /^Varsel om krav om tilbakebetaling av 10\s000/ }).waitFor();
    expect(await reclaims.getByRole('link', { name: 'Varselet om tilbakebetaling (PDF, åpnes i ny fane)' }).getAttribute('target')).toBe('_blank');
    await reclaims.getByLabel('Din uttalelse').fill('Vi er enige i at 10 000 kr ikke ble brukt.');
    await reclaims.getByRole('button', { name: 'Send uttalelsen' }).click();
    await reclaims.getByText(/^Du uttalte deg .*: Vi er enige i at 10 000 kr ikke ble brukt\.$/).waitFor();
    await record(second, 'tilbakebetaling-uttalelse');
    const decided = await post(`/payments/cases/${caseId}/reclaims`, caseworker, {
      amountNok: '10000',
      reason: 'Midler som ikke ble brukt i prosjektperioden.',
      dueOn: addCalendarDays(today, 30),
      noticeId: notice.body.id,
    });
    expect([decided.status, decided.body.enkeltvedtak]).toEqual([201, true]);
    await second.reload();
    const decisionLetter = reclaims.getByRole('link', {
      name: `Vedtaksbrevet om tilbakebetaling, vår ref. ${decided.body.ourReference} (PDF, åpnes i ny fane)`,
    });
    await decisionLetter.waitFor();
    expect(await decisionLetter.getAttribute('target')).toBe('_blank');
    const letterStart = await second.evaluate<string>(
      `fetch(document.querySelector('a[href$="/payments/reclaims/${decided.body.id}/letter.pdf"]').href).then((response) => response.text()).then((text) => text.slice(0, 5))`,
    );
    expect(letterStart).toBe('%PDF-');
    await reclaims.getByLabel('Begrunnelse for klagen').waitFor();
    await record(second, 'tilbakebetaling-vedtak');

    // The same case page in nynorsk once the grant is running.
    await second.getByRole('button', { name: 'Bytt til nynorsk' }).click();
    await second.getByRole('region', { name: 'Utbetalingsplan', exact: true }).getByText('Ikkje utbetalt enno').waitFor();
    await record(second, 'saka-rapport-nynorsk');
    await second.getByRole('button', { name: 'Byt til bokmål' }).click();

    // Organisation settings: another contact person, saved at once (and audited by the api).
    await second.getByRole('link', { name: 'Organisasjonen', exact: true }).click();
    const contact = second.getByRole('region', { name: 'Kontaktperson', exact: true });
    await expect(contact.getByLabel('Kontaktperson', { exact: true }).inputValue()).resolves.toBe('Nora Nykomling');
    await contact.getByLabel('E-postadresse til kontaktpersonen').fill('ikke en adresse');
    await contact.getByRole('button', { name: 'Lagre kontaktperson' }).click();
    await contact
      .getByText(/e-postadresse/i)
      .first()
      .waitFor();
    await contact.getByLabel('Kontaktperson', { exact: true }).fill('Ola Ny');
    await contact.getByLabel('E-postadresse til kontaktpersonen').fill('ola@nykomling.example.no');
    await contact.getByRole('button', { name: 'Lagre kontaktperson' }).click();
    await second.getByRole('status').filter({ hasText: 'Kontaktpersonen er endret.' }).waitFor();
    await record(second, 'kontaktperson-endret');
    const [mine] = (await call(api.baseUrl, '/organisations/mine', { token: applicant })).body;
    expect(mine).toMatchObject({ contactName: 'Ola Ny', contactEmail: 'ola@nykomling.example.no' });
  });
});
