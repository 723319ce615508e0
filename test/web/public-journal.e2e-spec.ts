import type { Browser, Page } from 'playwright-core';
import { RecordJournalEntry } from '@imdi/journal';
import { DataSource } from 'typeorm';
import { startApi, type RunningApi } from '../support/api-harness';
import { accessibilityViolations, launchBrowser, newVisitor, recordStep } from '../support/browser-harness';

const PERSON = 'Kari Nordmann';

/**
 * The public journal page (offentleglova): anyone, without logging in, reads the final entries of
 * the last days with their public titles, in bokmål and nynorsk, at 1280 and 320 px, axe-clean; an
 * entry still waiting for review, and the private person it names, are not shown.
 */
describe('The public journal page', () => {
  let api: RunningApi;
  let browser: Browser;
  let step = 300;

  async function atBothWidths(page: Page, name: string): Promise<void> {
    expect(await accessibilityViolations(page)).toEqual([]);
    await recordStep(page, ++step, `${name}-1280`);
    await page.setViewportSize({ width: 320, height: 640 });
    await page.waitForTimeout(50);
    expect({ name, width: await page.evaluate('document.documentElement.scrollWidth') }).toEqual({ name, width: 320 });
    expect(await accessibilityViolations(page)).toEqual([]);
    await recordStep(page, ++step, `${name}-320`);
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  beforeAll(async () => {
    api = await startApi();
    browser = await launchBrowser();
    const recorder = api.app.get(RecordJournalEntry);
    const fact = (key: string, caseId: string, caseNumber: string, subject: string, privatePersonNames: string[]) => ({
      sourceKey: `public-journal-page:${key}`,
      case: {
        caseId,
        caseNumber,
        schemeCode: 'mentor-trainee',
        schemeName: 'Mentor- og traineeprogram',
        budgetYear: 2026,
        organisationNumber: '974760673',
        organisationName: 'Mentorlaget Vest',
        caseDate: '2026-01-05',
      },
      kind: 'grant-letter' as const,
      // A letter brings the number its "Vår ref." shows (these cases exist only in the journal).
      documentNumber: 2,
      subject,
      occurredAt: new Date(),
      parties: [{ name: 'Mentorlaget Vest', kind: 'organisation' as const, role: 'recipient' as const, organisationNumber: '974760673' }],
      privatePersonNames,
      content: 'Tilsagn.',
      documents: [],
    });
    await api.app.get(DataSource).transaction(async (manager) => {
      await recorder.record(manager, fact('final', '5f0c3f0e-9a53-4d0e-8f0e-2a6b8f7e0c11', '2026/99011', 'Mentorprogram for unge voksne', []));
      // Names a private person: waits for the caseworker's review, so it is not public yet.
      await recorder.record(manager, fact('proposed', '5f0c3f0e-9a53-4d0e-8f0e-2a6b8f7e0c12', '2026/99012', `Mentorprogram ledet av ${PERSON}`, [PERSON]));
    });
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('shows the last days of final entries without logging in, in bokmål and nynorsk, and lets a visitor choose the period', async () => {
    const { page } = await newVisitor(browser, api.baseUrl);
    await page.goto('/offentlig-journal');
    await page.getByRole('heading', { level: 1, name: 'Offentlig journal' }).waitFor();
    const entry = page.getByRole('heading', { level: 3, name: 'Tilsagnsbrev – Mentorprogram for unge voksne – Mentorlaget Vest' });
    await entry.waitFor();
    await expect(page.getByRole('heading', { level: 2 }).textContent()).resolves.toMatch(/^1 journalpost fra /);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('Utgående dokument');
    expect(text).toContain('Mentorlaget Vest');
    expect(text).toContain('2026/99011');
    expect(text).not.toContain('2026/99012');
    expect(text).not.toContain('Nordmann');
    await atBothWidths(page, 'offentlig-journal');

    await page.getByRole('button', { name: 'Nynorsk' }).click();
    await page.getByRole('heading', { level: 1, name: 'Offentleg journal' }).waitFor();
    await expect(page.locator('main').textContent()).resolves.toContain('Utgåande dokument');
    await atBothWidths(page, 'offentleg-journal');

    // A period with nothing journaled, chosen in the form; the address keeps it for a link.
    await page.getByLabel('Frå dato').fill('2017-01-01');
    await page.getByLabel('Til dato').fill('2017-01-01');
    await page.getByRole('button', { name: 'Vis journalen' }).click();
    await page.getByText('Ingen journalpostar i denne perioden.').waitFor();
    expect(new URL(page.url()).search).toBe('?fra=2017-01-01&til=2017-01-01');
    await expect(page.getByRole('link', { name: 'CSV' }).getAttribute('href')).resolves.toBe('/public-journal/export/2017-01-01/csv');
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
