import type { Browser } from 'playwright-core';
import { call, startApi, tokenFor, type RunningApi } from '../support/api-harness';
import { DataSource } from 'typeorm';
import { accessibilityViolations, launchBrowser, logInThroughProvider, newVisitor, recordStep } from '../support/browser-harness';
import { startTestIdentityProvider, type RunningTestProvider } from '../support/identity-provider-harness';

describe('The web front end: served beside the API, and logging in', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  describe('with the local OpenID provider, as npm start runs it', () => {
    let api: RunningApi;
    let provider: RunningTestProvider;
    beforeAll(async () => {
      provider = await startTestIdentityProvider();
      api = await startApi();
    });
    afterAll(async () => {
      await api?.close();
      await provider?.stop();
    });

    it('serves the page at / and at its own paths, with a policy that allows only its own scripts', async () => {
      for (const path of [
        '/',
        '/logg-inn',
        '/velg-organisasjon',
        '/saksbehandling/saker/3f1d3a8e-0000-4000-8000-000000000000',
        '/rapportering',
        '/rapporter/3f1d3a8e-0000-4000-8000-000000000000',
      ]) {
        const response = await call(api.baseUrl, path);
        expect([path, response.status, response.headers.get('content-type')]).toEqual([path, 200, expect.stringContaining('text/html')]);
        expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
        expect((response.body as Buffer).toString()).toContain('<html lang="nb">');
      }
      const html = (await call(api.baseUrl, '/')).body.toString() as string;
      const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1];
      expect((await call(api.baseUrl, script)).headers.get('content-type')).toContain('javascript');
    });

    it('answers a browser at a mistyped address with a Norwegian HTML page, and a program with problem+json', async () => {
      const page = await fetch(`${api.baseUrl}/soknadr`, { headers: { accept: 'text/html,application/xhtml+xml' } });
      expect([page.status, page.headers.get('content-type')]).toEqual([404, expect.stringContaining('text/html')]);
      expect(await page.text()).toContain('<h1>Fant ikke siden</h1>');
      const program = await call(api.baseUrl, '/soknadr');
      expect([program.status, program.headers.get('content-type')]).toEqual([404, expect.stringContaining('application/problem+json')]);
      const { page: browserPage } = await newVisitor(browser, api.baseUrl);
      await browserPage.goto('/ordninger/finnes-ikke/feil');
      await browserPage.getByRole('heading', { level: 1 }).waitFor();
      expect(await accessibilityViolations(browserPage)).toEqual([]);
    });

    it('keeps the API and /health open, and /docs and /admin/queues for signed-in users', async () => {
      expect((await call(api.baseUrl, '/health')).body).toMatchObject({ status: 'up' });
      const docs = await fetch(`${api.baseUrl}/docs`, { headers: { accept: 'text/html' }, redirect: 'manual' });
      expect([docs.status, docs.headers.get('location')]).toEqual([302, '/logg-inn?neste=%2Fdocs']);
      expect((await call(api.baseUrl, '/docs', { token: await tokenFor({ sub: 'kari', roles: ['caseworker'] }) })).status).toBe(200);
      expect((await call(api.baseUrl, '/admin/queues')).status).toBe(401);
      const unknown = await call(api.baseUrl, '/no-such-route');
      expect([unknown.status, unknown.headers.get('content-type')]).toEqual([404, expect.stringContaining('application/problem+json')]);
      expect((await call(api.baseUrl, '/schemes?year=2017')).body).toHaveLength(18);
    });

    it('can be used with the keyboard alone, logs in at the provider, and keeps nothing the page can read', async () => {
      const { page } = await newVisitor(browser, api.baseUrl);
      await page.goto('/logg-inn');
      await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();

      await page.keyboard.press('Tab');
      await expect(page.evaluate('document.activeElement.textContent')).resolves.toBe('Hopp til hovedinnholdet');
      await page.keyboard.press('Enter');
      await expect(page.evaluate('document.activeElement.id')).resolves.toBe('hovedinnhold');
      await recordStep(page, 90, 'innlogging-valg');

      await page.getByRole('link', { name: 'Logg inn som ansatt' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: /Logg inn som ansatt/ }).waitFor();
      expect(new URL(page.url()).origin).toBe(provider.url);
      await page.getByLabel(/^Kari Saksbehandler/).focus();
      await page.keyboard.press('Space');
      await page.getByRole('button', { name: 'Logg inn' }).press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Startside for ansatte' }).waitFor();
      await expect(page.locator('#bruker').textContent()).resolves.toContain('Kari Saksbehandler');

      const stored = await page.evaluate<{ session: number; local: number; cookies: string }>(
        '({ session: sessionStorage.length, local: localStorage.length, cookies: document.cookie })',
      );
      expect(stored).toEqual({ session: 0, local: 0, cookies: '' });
      const cookie = (await page.context().cookies(api.baseUrl)).find((candidate) => candidate.name === '__Host-imdi-sesjon')!;
      expect([cookie.httpOnly, cookie.secure, cookie.sameSite, cookie.path]).toEqual([true, true, 'Lax', '/']);
      await recordStep(page, 91, 'arbeidsko-etter-innlogging');

      await page.getByRole('button', { name: 'Logg ut' }).click();
      await page.getByRole('heading', { level: 1, name: 'Du er logget ut' }).waitFor();
      expect((await page.context().cookies(api.baseUrl)).some((candidate) => candidate.name === '__Host-imdi-sesjon')).toBe(false);
    });

    it('sends someone whose session has expired to the login page, and back to the page they wanted afterwards', async () => {
      // Scheme data for the coming year exists before its allocation letter: finance still sees the latest budget.
      const admin = await tokenFor({ sub: 'ada', roles: ['admin'] });
      const nextYear = await call(api.baseUrl, '/admin/schemes/etablerersentre/versions/2017/next-year', { method: 'POST', token: admin });
      expect([201, 409]).toContain(nextYear.status);
      const { page } = await newVisitor(browser, api.baseUrl);
      await logInThroughProvider(page, 'staff', 'fiona.okonomi');
      // The session outlives its idle time (as if she left for lunch): the api forgets it.
      await api.app.get(DataSource).query(`UPDATE web_session SET last_seen_at = now() - interval '2 hours'`);
      await page.goto('/ordninger');
      await page.waitForURL('**/logg-inn?neste=%2Fordninger');
      await page.getByRole('link', { name: 'Logg inn som ansatt' }).click();
      // Still logged in at the provider (single sign-on): straight back to the page she wanted (an applicant's page: not hers).
      await page.waitForURL('**/ordninger');
      await page.getByRole('heading', { level: 1, name: 'Du har ikke tilgang til denne siden' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/ordninger');
      expect(await accessibilityViolations(page)).toEqual([]);
    });
  });
});
