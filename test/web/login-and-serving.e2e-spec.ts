import type { Browser } from 'playwright-core';
import { call, startApi, tokenFor, type RunningApi } from '../support/api-harness';
import { accessibilityViolations, launchBrowser, newVisitor, recordStep } from '../support/browser-harness';

describe('The web front end: served beside the API, and logging in', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  describe('in development (no OpenID Connect provider configured)', () => {
    let api: RunningApi;
    beforeAll(async () => {
      api = await startApi();
    });
    afterAll(() => api?.close());

    it('serves the page at / and at its own paths, with a policy that allows only its own scripts', async () => {
      for (const path of ['/', '/logg-inn', '/saksbehandling/saker/3f1d3a8e-0000-4000-8000-000000000000', '/rapportering', '/rapporter/3f1d3a8e-0000-4000-8000-000000000000']) {
        const response = await call(api.baseUrl, path);
        expect([path, response.status, response.headers.get('content-type')]).toEqual([path, 200, expect.stringContaining('text/html')]);
        expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
        expect((response.body as Buffer).toString()).toContain('<html lang="nb">');
      }
      expect((await call(api.baseUrl, '/js/main.js')).headers.get('content-type')).toContain('javascript');
    });

    it('keeps the API, /health, /docs and /admin/queues as they were', async () => {
      expect((await call(api.baseUrl, '/health')).body).toMatchObject({ status: 'up' });
      expect((await call(api.baseUrl, '/docs')).status).toBe(200);
      expect((await call(api.baseUrl, '/admin/queues')).status).toBe(401);
      const unknown = await call(api.baseUrl, '/no-such-route');
      expect([unknown.status, unknown.headers.get('content-type')]).toEqual([404, expect.stringContaining('application/problem+json')]);
      expect((await call(api.baseUrl, '/schemes?year=2017')).body).toHaveLength(18);
    });

    it('can be used with the keyboard alone, says what is wrong in bokmål, and keeps the token in this tab only', async () => {
      const { page } = await newVisitor(browser, api.baseUrl);
      await page.goto('/logg-inn');
      await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();

      await page.keyboard.press('Tab');
      await expect(page.evaluate('document.activeElement.textContent')).resolves.toBe('Hopp til hovedinnholdet');
      await page.keyboard.press('Enter');
      await expect(page.evaluate('document.activeElement.id')).resolves.toBe('hovedinnhold');

      await page.getByRole('button', { name: 'Logg inn' }).press('Enter');
      await page.locator('#innlogging-userName-feil', { hasText: 'Du må fylle ut «Brukernavn».' }).waitFor();
      await page.locator('#innlogging-organisationNumber-feil', { hasText: 'Du må fylle ut «Organisasjonsnummer».' }).waitFor();
      await expect(page.evaluate('document.activeElement.className')).resolves.toBe('feiloppsummering');
      await recordStep(page, 90, 'innlogging-feil');

      // Choose a role with the arrow keys, as a radio group is used from the keyboard.
      await page.getByRole('radio', { name: /^Søker/ }).focus();
      await page.keyboard.press('ArrowDown');
      await expect(page.getByRole('radio', { name: /^Saksbehandler/ }).isChecked()).resolves.toBe(true);
      await expect(page.getByLabel('Organisasjonsnummer', { exact: true }).isVisible()).resolves.toBe(false);
      await page.getByLabel('Brukernavn', { exact: true }).focus();
      await page.keyboard.type('ola.saksbehandler');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Arbeidskø' }).waitFor();
      await expect(page.locator('#bruker').textContent()).resolves.toContain('ola.saksbehandler (saksbehandler)');

      const stored = await page.evaluate<{ session: string | null; local: number; cookies: string }>('({ session: sessionStorage.getItem("imdi.token"), local: localStorage.length, cookies: document.cookie })');
      expect(stored.session).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
      expect([stored.local, stored.cookies]).toEqual([0, '']);
      expect((await call(api.baseUrl, '/me', { token: stored.session! })).body).toMatchObject({ userId: 'ola.saksbehandler', roles: ['caseworker'] });
      await recordStep(page, 91, 'arbeidsko-etter-innlogging');

      await page.getByRole('button', { name: 'Logg ut' }).click();
      await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
      await expect(page.evaluate('sessionStorage.getItem("imdi.token")')).resolves.toBeNull();
    });

    it('sends someone whose token is no good to the login page, and back afterwards', async () => {
      // Scheme data for the coming year exists before its allocation letter: finance still sees the latest budget.
      const admin = await tokenFor({ sub: 'ada', roles: ['admin'] });
      const nextYear = await call(api.baseUrl, '/admin/schemes/etablerersentre/versions/2017/next-year', { method: 'POST', token: admin });
      expect([201, 409]).toContain(nextYear.status);
      const { page } = await newVisitor(browser, api.baseUrl);
      await page.goto('/logg-inn');
      await page.evaluate('sessionStorage.setItem("imdi.token", "not-a-token")');
      await page.goto('/okonomi');
      await page.waitForURL('**/logg-inn?neste=%2Fokonomi');
      await page.getByRole('radio', { name: /^Økonomi/ }).check();
      await page.getByLabel('Brukernavn', { exact: true }).fill('fiona');
      await page.getByRole('button', { name: 'Logg inn' }).click();
      await page.getByRole('heading', { level: 1, name: 'Utbetalinger' }).waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
    });
  });

  describe('in production (an OpenID Connect provider configured)', () => {
    let api: RunningApi;
    beforeAll(async () => {
      process.env.AUTH_JWKS_URL = 'https://login.example.no/.well-known/jwks.json';
      try {
        api = await startApi();
      } finally {
        delete process.env.AUTH_JWKS_URL;
      }
    });
    afterAll(() => api?.close());

    it('says login goes through the OIDC issuer and offers no way to choose a role', async () => {
      const { page } = await newVisitor(browser, api.baseUrl);
      await page.goto('/logg-inn');
      await page.getByText('Innlogging skjer hos virksomhetens innloggingstjeneste (OpenID Connect).').waitFor();
      await expect(page.getByLabel('Brukernavn', { exact: true }).count()).resolves.toBe(0);
      await expect(page.getByRole('radio').count()).resolves.toBe(0);
      await recordStep(page, 92, 'innlogging-produksjon');
      const devLogin = await page.evaluate<number>(`fetch('/auth/dev-login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role: 'admin', userName: 'mallory' }) }).then((response) => response.status)`);
      expect(devLogin).toBe(404);
    });
  });
});
