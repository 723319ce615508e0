import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Download, type Page } from 'playwright-core';
import { projectRoot } from '@imdi/platform';

/** Screenshots of each step, for people to look at after a run (git-ignored). */
export const ARTIFACTS = join(projectRoot(), 'test-artifacts', 'web');

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  // Chromium starts in about a second here; one that has not answered in 30 s is stuck, and a
  // new one is started rather than waiting out Playwright's own three minutes (a CI run hung so).
  for (let attempt = 1; ; attempt++) {
    try {
      return await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        // The machine's network is closed: without these Chromium keeps trying to reach Google's hosts.
        args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--disable-quic', '--disable-background-networking'],
        headless: true,
        timeout: 30_000,
      });
    } catch (error) {
      if (attempt === 3) throw error;
      console.warn(`chromium did not start (attempt ${attempt} of 3): ${(error as Error).message.split('\n')[0]}`);
    }
  }
}

/** One person at one browser: their own tab storage, so their own token. */
export async function newVisitor(browser: Browser, baseUrl: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    // The site's CSP allows only its own scripts; axe-core is injected as an inline script by the test.
    bypassCSP: true,
    locale: 'nb-NO',
    timezoneId: 'Europe/Oslo',
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  // Loaded with every page rather than injected when checked: parsing axe-core then overlaps the page's own work.
  await context.addInitScript({ content: axe.source });
  return { context, page: await context.newPage() };
}

interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: ReadonlyArray<{ readonly target: readonly string[] }>;
}

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules on the page as it is now; each violation as one readable line. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.addScriptTag({ content: axe.source });
  const violations = await page.evaluate<AxeViolation[]>(
    `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_TAGS)} }, resultTypes: ['violations'] }).then((result) => result.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map(({ target }) => ({ target })) })))`,
  );
  return violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? 'unknown'}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

/** A numbered step: a full-page screenshot to test-artifacts/web/NN-name.png, then zero axe violations. */
export async function recordStep(page: Page, number: number, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${String(number).padStart(2, '0')}-${name}.png`), fullPage: true });
  expect({ step: name, url: page.url(), violations: await accessibilityViolations(page) }).toEqual({ step: name, url: page.url(), violations: [] });
}

/** Clicks something that downloads a file and returns the file's bytes. */
export async function downloadBy(page: Page, click: () => Promise<void>): Promise<{ download: Download; content: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return { download, content: readFileSync(path) };
}

/**
 * Logs in as a person would: the site's login page, the local provider's page (choosing a test user
 * by user name or national identity number), and for an applicant the choice of organisation.
 */
export async function logInThroughProvider(page: Page, kind: 'staff' | 'applicant', user: string, organisationNumber?: string): Promise<void> {
  await page.goto('/logg-inn');
  await page.getByRole('link', { name: kind === 'staff' ? 'Logg inn som ansatt' : 'Logg inn med ID-porten' }).click();
  await page.locator(`input[name="bruker"][value="${user}"]`).check();
  await page.getByRole('button', { name: 'Logg inn' }).click();
  if (kind === 'applicant') {
    await page.getByRole('heading', { level: 1, name: 'Velg organisasjon' }).waitFor();
    if (organisationNumber) await page.locator(`input[name="organisationNumber"][value="${organisationNumber}"]`).check();
    await page.getByRole('button', { name: 'Velg organisasjon' }).click();
    await page.getByRole('status').filter({ hasText: 'Du handler nå for' }).waitFor();
  } else {
    await page.getByRole('button', { name: 'Logg ut' }).waitFor();
  }
}
