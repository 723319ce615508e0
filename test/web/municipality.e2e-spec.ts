import type { INestApplicationContext } from '@nestjs/common';
import type { Browser, Page } from 'playwright-core';
import { call, startApi, tokenFor, type RunningApi } from '../support/api-harness';
import { accessibilityViolations, launchBrowser, logInThroughProvider, newVisitor, recordStep } from '../support/browser-harness';
import { startTestIdentityProvider, type RunningTestProvider } from '../support/identity-provider-harness';
import { newAccountNumber, newNationalIdNumber, newOrganisationNumber } from '../support/identifiers';
import { prepareSettlementYear, settleTwoMinors } from '../support/per-capita-settlements';
import { startWorker } from '../support/worker-harness';

// A browser and a login through the local provider: more than jest's default on a busy machine.
jest.setTimeout(120_000);

/**
 * Issue 16: a municipality's person, logged in through the local provider, finds the municipality's
 * assignment letters (oppdragsbrev) from the home page: scheme, year, frame in kroner and date, the
 * PDF opening in a new tab; and its per-capita settlements (period, persons, rates, amount, paid
 * date) after finance's run; bokmål and nynorsk, at 1280 and 320 px, axe-clean.
 */
describe("The municipality's page", () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let provider: RunningTestProvider;
  let browser: Browser;
  let step = 500;
  const organisationNumber = newOrganisationNumber();
  const person = newNationalIdNumber('1975-03-04', 'female');
  let letterId: string;

  async function atBothWidths(page: Page, name: string): Promise<void> {
    await recordStep(page, ++step, `${name}-1280`);
    await page.setViewportSize({ width: 320, height: 640 });
    await page.waitForTimeout(50);
    expect({ name, width: await page.evaluate('document.documentElement.scrollWidth') }).toEqual({ name, width: 320 });
    expect(await accessibilityViolations(page)).toEqual([]);
    await recordStep(page, ++step, `${name}-320`);
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  beforeAll(async () => {
    provider = await startTestIdentityProvider({
      persons: [
        {
          nationalIdNumber: person,
          name: 'Mona Kommune',
          representations: [{ organisationNumber, organisationName: 'Oppdragsvik kommune', resources: ['imdi-tilskudd'] }],
        },
      ],
    });
    api = await startApi();
    worker = await startWorker();
    browser = await launchBrowser();
    const applicant = await tokenFor({ sub: `kommune-${organisationNumber}`, roles: ['applicant'], organisationNumbers: [organisationNumber] });
    const registered = await call(api.baseUrl, '/organisations', {
      method: 'POST',
      token: applicant,
      json: {
        organisationNumber,
        name: 'Oppdragsvik kommune',
        kind: 'kommune',
        municipalityNumber: '4601',
        accountNumber: newAccountNumber(),
        writtenStandard: 'nb',
        contactName: 'Mona Kommune',
        contactEmail: 'mona@example.no',
      },
    });
    expect([registered.status, registered.body.detail]).toEqual([201, undefined]);
    const caseworker = await tokenFor({ sub: 'kommune-saksbehandler', roles: ['caseworker'] });
    const issued = await call(api.baseUrl, '/casework/assignment-letters', {
      method: 'POST',
      token: caseworker,
      json: { organisationNumber, budgetYear: 2017, frameNok: '1234567' },
    });
    expect([issued.status, issued.body.detail]).toEqual([201, undefined]);
    letterId = issued.body.id;
    // Finance pays the year's særskilt tilskudd for two unaccompanied minors settled in the municipality.
    await prepareSettlementYear(api);
    await settleTwoMinors(api, organisationNumber, '4601');
  });
  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await api?.close();
    await provider?.stop();
  });

  it('shows its assignment letters from the home page, in bokmål and nynorsk, at 1280 and 320 px', async () => {
    const { page } = await newVisitor(browser, api.baseUrl);
    await logInThroughProvider(page, 'applicant', person, organisationNumber);
    await page.goto('/');
    await page.getByRole('link', { name: 'Kommunens oppdragsbrev' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kommunens oppdrag' }).waitFor();
    const letter = page.getByRole('link', { name: /Åpne oppdragsbrevet for 2017/ });
    await letter.waitFor();
    await expect(letter.getAttribute('href')).resolves.toBe(`/assignment-letters/${letterId}`);
    await expect(letter.getAttribute('target')).resolves.toBe('_blank');
    const text = ((await page.locator('main').textContent()) ?? '').replace(/[\u00a0\u202f]/g, ' ');
    expect(text).toContain('Ramme: 1 234 567 kr');
    expect(text).toContain('2017');
    // The per-capita settlements: period, persons, the rates with persons, amount and paid date.
    const settlements = page.getByRole('region', { name: 'Oppgjør av per capita-tilskudd, nyeste først' });
    const row = settlements.getByRole('row').filter({ hasText: 'enslige mindreårige' });
    await row.waitFor();
    const cells = (await row.getByRole('cell').allTextContents()).map((cell) => cell.replace(/[\u00a0\u202f]/g, ' '));
    expect(cells).toEqual([
      '2020',
      'Særskilt tilskudd ved bosetting av enslige mindreårige flyktninger',
      '2',
      'Per person per år, 0–16 år: 1 × 200 000 krPer person per år, 17–20 år: 1 × 150 000 kr',
      '350 000 kr',
      '15. desember 2020',
    ]);
    await expect(settlements.getAttribute('tabindex')).resolves.toBe('0');
    await atBothWidths(page, 'kommune-oppdragsbrev');

    await page.getByRole('button', { name: 'Nynorsk' }).click();
    await page.getByRole('heading', { level: 1, name: 'Oppdraga til kommunen' }).waitFor();
    await page.getByRole('link', { name: /Opne oppdragsbrevet for 2017/ }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Per capita-tilskot' }).waitFor();
    await page
      .getByRole('region', { name: 'Oppgjer av per capita-tilskot, nyaste først' })
      .getByText('Særskilt tilskot ved busetjing av einslege mindreårige flyktningar')
      .waitFor();
    await atBothWidths(page, 'kommune-oppdragsbrev-nn');
  });
});
