import type { INestApplicationContext } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '@imdi/platform';
import { ImportSchemeYear, type SchemeYearDocument } from '@imdi/schemes';
import type { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { call, startApi, tokenFor, type RunningApi } from '../support/api-harness';
import { launchBrowser, logInThroughProvider, newVisitor, recordStep } from '../support/browser-harness';
import { startTestIdentityProvider, type RunningTestProvider } from '../support/identity-provider-harness';
import { newAccountNumber, newNationalIdNumber, newOrganisationNumber } from '../support/identifiers';
import { startWorker } from '../support/worker-harness';

jest.setTimeout(240_000);

/** A budget year of this file's own (past, so settlement dates are real). */
const YEAR = 2020;

/**
 * Finance in the browser beyond batches (needs `npm run build`): settlement records imported from a CSV
 * file (a bad file refused line by line, nothing stored), a record corrected with a reason, a
 * per-capita run started and followed to its batch, and the reclaims page; each page passes axe at
 * 1280 and 320 px.
 */
describe('Finance in the browser: per-capita records, corrections and runs; reclaims', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let dataSource: DataSource;
  let browser: Browser;
  let provider: RunningTestProvider;
  let finance: string;
  const municipality = newOrganisationNumber();
  // Born 2006: 14 in 2020, the 0–16 rate; born 2003: 17, the 17–20 rate.
  const younger = newNationalIdNumber('2006-02-14', 'female');
  const older = newNationalIdNumber('2003-09-21', 'male');

  const post = (path: string, token: string, json: object = {}) => call(api.baseUrl, path, { method: 'POST', token, json });

  async function narrow(page: Page, step: number, name: string): Promise<void> {
    await page.setViewportSize({ width: 320, height: 900 });
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);
    await recordStep(page, step, `${name}-320`);
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  async function visitor(user: string): Promise<{ page: Page; close: () => Promise<void> }> {
    const { context, page } = await newVisitor(browser, api.baseUrl);
    await logInThroughProvider(page, 'staff', user);
    return { page, close: () => context.close() };
  }

  const csv = (lines: string[]) => Buffer.from(['nationalIdNumber;organisationNumber;municipalityNumber;settlementDate', ...lines].join('\n'));

  beforeAll(async () => {
    provider = await startTestIdentityProvider();
    api = await startApi();
    worker = await startWorker();
    dataSource = api.app.get(DataSource);
    const admin = await tokenFor({ sub: 'web-finance-admin', roles: ['admin'] });
    finance = await tokenFor({ sub: 'web-finance-okonomi', roles: ['finance'] });
    const letter = JSON.parse(readFileSync(join(projectRoot(), 'data', 'allocation-letters', '2017.json'), 'utf8'));
    expect((await post('/admin/budget/allocation-letters', admin, { ...letter, budgetYear: YEAR, source: `test ${YEAR}` })).status).toBe(201);
    const schemes = JSON.parse(readFileSync(join(projectRoot(), 'data', 'schemes', '2017.json'), 'utf8')) as SchemeYearDocument;
    await api.app.get(ImportSchemeYear).execute({ ...schemes, budgetYear: YEAR, source: `test ${YEAR}` }, { userId: 'ada', roles: ['admin'] });
    for (const [code, amountNok] of Object.entries({ 'age-0-16': '200000', 'age-17-20': '150000' })) {
      const path = `/admin/schemes/enslige-mindreaarige/versions/${YEAR}/rates/${code}`;
      expect((await call(api.baseUrl, path, { method: 'PUT', token: admin, json: { amountNok, source: 'test' } })).status).toBe(200);
      expect((await post(`${path}/confirm`, admin)).status).toBe(200);
    }
    const applicant = await tokenFor({ sub: 'web-finance-kommune', roles: ['applicant'], organisationNumbers: [municipality] });
    const registered = await post('/organisations', applicant, {
      organisationNumber: municipality,
      name: 'Elvedal kommune',
      kind: 'kommune',
      municipalityNumber: '1520',
      accountNumber: newAccountNumber(),
      writtenStandard: 'nb',
      contactName: 'Kari',
      contactEmail: 'kari-elvedal@example.no',
    });
    expect(registered.status).toBe(201);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await api?.close();
    await provider?.stop();
  });

  const recordsOfMunicipality = async () =>
    (await call(api.baseUrl, `/payments/per-capita/enslige-mindreaarige/records?organisationNumber=${municipality}`, { token: finance })).body;

  it('imports settlement records from CSV (a bad file is refused by line), corrects one, and runs the year’s per-capita payout', async () => {
    const { page, close } = await visitor('fiona.okonomi');
    try {
      await page.goto('/okonomi/per-capita');
      await page.getByLabel('Ordning for filen').selectOption('enslige-mindreaarige');
      const file = page.getByLabel('Bosettingsopplysningene som CSV-fil');
      await file.setInputFiles({
        name: 'bosetting-feil.csv',
        mimeType: 'text/csv',
        buffer: csv([`${younger};${municipality};1520;2020-03-01`, `12345678901;${municipality};1520;2020-03-01`]),
      });
      await page.getByRole('button', { name: 'Importer filen' }).click();
      const refusal = page.getByRole('alert').filter({ hasText: 'line 3' });
      await refusal.waitFor();
      expect(await recordsOfMunicipality()).toEqual([]);
      await recordStep(page, 90, 'okonomi-bosetting-feil');

      await file.setInputFiles({
        name: 'bosetting.csv',
        mimeType: 'text/csv',
        buffer: csv([`${younger};${municipality};1520;2020-03-01`, `${older};${municipality};1520;2020-04-15`]),
      });
      await page.getByRole('button', { name: 'Importer filen' }).click();
      await page.getByRole('status').filter({ hasText: 'Importert: 2 nye personer, 0 rettet, 0 uendret.' }).waitFor();
      expect(await refusal.count()).toBe(0);

      const lookup = page.getByRole('search', { name: 'Finn en kommunes opplysninger' });
      await lookup.getByLabel('Ordning').selectOption('enslige-mindreaarige');
      await lookup.getByLabel('Kommunens organisasjonsnummer').fill(municipality);
      await lookup.getByRole('button', { name: 'Vis opplysningene' }).click();
      await page.getByRole('button', { name: 'Rett person født 21.09.2003' }).click();
      const correction = page.getByRole('form', { name: 'Retting for person født 21.09.2003' });
      await correction.getByLabel('Opplysningen var feil: personen skal ikke telle (annuller)').check();
      await correction.getByLabel('Begrunnelse for rettingen').fill('Personen var over 18 år ifølge folkeregisteret; feil i NIR.');
      await correction.getByRole('button', { name: 'Lagre rettingen' }).click();
      await page.getByRole('status').filter({ hasText: 'Opplysningen for person født 21.09.2003 er rettet.' }).waitFor();
      await page.getByRole('row').filter({ hasText: '21.09.2003' }).getByText('Annullert, rettet 1 gang(er)').waitFor();
      const stored = await recordsOfMunicipality();
      expect(stored.map((entry: { birthDate: string; voided: boolean; revision: number }) => [entry.birthDate, entry.voided, entry.revision]).sort()).toEqual([
        ['2003-09-21', true, 2],
        ['2006-02-14', false, 1],
      ]);
      await recordStep(page, 91, 'okonomi-bosetting-rettet');
      await narrow(page, 92, 'okonomi-per-capita');

      const start = page.getByRole('form', { name: 'Start per capita-kjøring' });
      await start.getByLabel('Ordning').selectOption('enslige-mindreaarige');
      await start.getByLabel('Budsjettår').fill(String(YEAR));
      await start.getByLabel('Til og med periode').fill(String(YEAR));
      await start.getByLabel('Betalingsdato (valgfritt)').fill(`${YEAR}-12-15`);
      await start.getByRole('button', { name: 'Start per capita-kjøring' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /^Fullført: \d+ betalinger laget\.$/ })
        .waitFor({ timeout: 60_000 });
      await page.getByText(`enslige-mindreaarige ${YEAR}`).waitFor();
      await page.getByRole('link', { name: 'Åpne betalingsbunten' }).waitFor();
      // Only the younger person counts after the correction: the 0–16 rate, 200 000 kr.
      const paid = await dataSource.query(`SELECT amount_ore::text AS amount FROM payment WHERE organisation_number = $1`, [municipality]);
      expect(paid).toEqual([{ amount: String(200000 * 100) }]);
      await recordStep(page, 93, 'okonomi-per-capita-kjoring');
      await narrow(page, 94, 'okonomi-per-capita-kjoring');

      await page.goto('/okonomi/per-capita');
      await page.getByRole('region', { name: 'Per capita-kjøringer' }).getByText(`enslige-mindreaarige ${YEAR}`).waitFor();
    } finally {
      await close();
    }
  });

  it('reclaims: the page lists open reclaims, switches to the overdue list, and passes axe', async () => {
    const { page, close } = await visitor('frode.okonomi');
    try {
      await page.goto('/okonomi/tilbakekreving');
      await page.getByRole('heading', { level: 1, name: 'Tilbakekreving' }).waitFor();
      await page.getByText('Ingen tilbakekrav.').waitFor();
      await page.getByRole('button', { name: 'Forfalt' }).click();
      await page.getByText('Ingen forfalte tilbakekrav.').waitFor();
      expect(page.url()).toContain('vis=forfalt');
      await recordStep(page, 95, 'okonomi-tilbakekreving');
      await narrow(page, 96, 'okonomi-tilbakekreving');
    } finally {
      await close();
    }
  });

  it('budget status: the chart of budget use and the forecast have their figures in words and in tables, with the reports’ words', async () => {
    const { page, close } = await visitor('fiona.okonomi');
    try {
      await page.goto(`/okonomi/budsjett?ar=${YEAR}`);
      await page.getByRole('heading', { level: 1, name: 'Budsjettstatus per kap./post' }).waitFor();
      const table = page.getByRole('region', { name: `Tall per kap./post ${YEAR}` });
      const row = table.getByRole('row').filter({ hasText: '496.61' });
      await row.waitFor();
      const headers = await table.getByRole('columnheader').allTextContents();
      expect(headers).toEqual([
        'Kap./post',
        'Ramme',
        'Øremerket',
        'Tilsagn (ikke utbetalt)',
        'Utbetalt',
        'Tilbakebetalt',
        'Disponibelt',
        'Overskridelse (overslagsbevilgning)',
      ]);
      // The per-capita run above paid 200 000 kr on 496.61 (enslige mindreårige), out of its frame of 3 768 338 000 kr.
      const cells = (await row.getByRole('cell').allTextContents()).map((text) => text.replace(/\s/g, ' '));
      expect(cells).toEqual(['3 768 338 000,00 kr', '0,00 kr', '0,00 kr', '200 000,00 kr', '0,00 kr', '3 768 138 000,00 kr', '0,00 kr']);
      const chart = page.getByRole('region', { name: `Forbruk av rammen ${YEAR}` });
      await chart
        .getByText(
          /^496\.61 .+: utbetalt 0 %, tilsagn \(ikke utbetalt\) 0 %, disponibelt 100 % av ramme 3.768.338.000,00 kr; prognose utbetalt 31\.12\. 0 % \(200.000,00 kr\)$/,
        )
        .waitFor();

      // The forecast: its rule in words, then per post what will have been paid by 31 December and what is left.
      const forecast = page.getByRole('region', { name: `Prognose for resten av ${YEAR}` });
      await page.getByText('Prognosen viser hva hver kap./post vil ha utbetalt innen', { exact: false }).waitFor();
      await page.getByText('Prognose mindreforbruk (+) / merforbruk (−)', { exact: true }).first().waitFor();
      expect(await forecast.getByRole('columnheader').allTextContents()).toEqual([
        'Kap./post',
        'Utbetalt',
        'Forfalt, ikke utbetalt',
        'Planlagt resten av året',
        'Forventet per capita resten av året',
        'Prognose utbetalt 31.12.',
        'Prognose mindreforbruk (+) / merforbruk (−)',
        'Holdt tilbake til rapport er godkjent',
      ]);
      // The year's run paid the younger person's 200 000 kr; with the older one voided nothing more is owed on 496.61.
      const forecastRow = forecast.getByRole('row').filter({ hasText: '496.61' });
      expect((await forecastRow.getByRole('cell').allTextContents()).map((text) => text.replace(/\s/g, ' '))).toEqual([
        '200 000,00 kr',
        '0,00 kr',
        '0,00 kr',
        '0,00 kr',
        '200 000,00 kr',
        '3 768 138 000,00 kr',
        '0,00 kr',
      ]);
      // integreringstilskudd's rates for the year are not confirmed: its runs cannot be forecast, and the page says so.
      await page.getByText('Per capita-prognosen mangler for integreringstilskudd: årets satser er ikke bekreftet av administrator.').waitFor();
      await recordStep(page, 97, 'okonomi-budsjett');
      await narrow(page, 98, 'okonomi-budsjett');
    } finally {
      await close();
    }
  });

  it('admin: reads users and roles as the sign-in maps them, verifies the audit chain and day totals, and finds the queue board', async () => {
    const forbidden = await call(api.baseUrl, '/admin/access', { token: finance });
    expect(forbidden.status).toBe(403);
    const { page, close } = await visitor('ada.systemeier');
    try {
      await page.goto('/administrasjon');
      await page.getByRole('link', { name: /^Tilgang og kontroll/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Tilgang og kontroll' }).waitFor();
      const map = page.getByRole('region', { name: 'Gruppe til rolle' });
      await map.getByRole('row').filter({ hasText: 'imdi-tilskudd-okonomi' }).getByRole('cell', { name: 'Økonomi', exact: true }).waitFor();
      const staff = page.getByRole('region', { name: 'Brukere i innloggingstjenestens katalog' });
      const fiona = staff.getByRole('row').filter({ hasText: 'fiona.okonomi' });
      await fiona.getByRole('cell', { name: 'Økonomi', exact: true }).waitFor();
      await staff.getByRole('row').filter({ hasText: 'ada.systemeier' }).getByRole('cell', { name: 'Systemeier (administrator)', exact: true }).waitFor();
      await page.getByRole('button', { name: 'Kontroller nå' }).click();
      const verdict = page.getByRole('status');
      await verdict.getByText(/^Revisjonsloggen er hel: \d+ hendelser/).waitFor();
      await verdict.getByText('Dagssummene stemmer med posteringene.').waitFor();
      const board = page.getByRole('link', { name: 'Åpne køtavla' });
      expect(await board.getAttribute('href')).toBe('/admin/queues');
      await recordStep(page, 99, 'admin-tilgang');
      await narrow(page, 100, 'admin-tilgang');
      const [response] = await Promise.all([page.waitForResponse((answer) => new URL(answer.url()).pathname.startsWith('/admin/queues')), board.click()]);
      expect(response.status()).toBe(200);
      await page.waitForLoadState();
      expect(await page.getByText(/Køoversikten (er bare|krever)/).count()).toBe(0);
    } finally {
      await close();
    }
  });
});
