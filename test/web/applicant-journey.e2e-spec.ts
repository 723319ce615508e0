import { osloDate } from '@imdi/kernel';
import type { Browser, Page } from 'playwright-core';
import { runDemonstrationSeeds } from '../../scripts/seed';
import { startApi, type RunningApi } from '../support/api-harness';
import { launchBrowser, logInThroughProvider, newVisitor, recordStep } from '../support/browser-harness';
import { startTestIdentityProvider, type RunningTestProvider } from '../support/identity-provider-harness';
import { newAccountNumber, newNationalIdNumber, newOrganisationNumber } from '../support/identifiers';
import { mentorTraineeForm } from '../support/mentor-application';

/*
 * A newcomer on the demonstration year (what npm start seeds): signs in, registers the organisation,
 * finds an open scheme, starts an application, saves it, comes back in a new session, meets every
 * error at once, fixes them, checks the answers, declares and submits, and gets a receipt and a case
 * page; then switches to nynorsk. Every page is photographed and checked with axe at 1280 and 320 px,
 * and at 320 px the page may not be wider than the screen.
 */
jest.setTimeout(240_000);

describe('The applicant journey on the demonstration year', () => {
  let api: RunningApi;
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
    api = await startApi();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await provider?.stop();
  });

  it('finds a scheme, applies across two sessions, fixes every error at once, checks, declares, submits and follows the case', async () => {
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
  });
});
