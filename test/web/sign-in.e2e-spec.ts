import { AdjustableClock, Clock } from '@imdi/kernel';
import type { Browser } from 'playwright-core';
import { DEFAULT_TEST_IDENTITIES, TEST_ORGANISATIONS } from '../../scripts/local-identity-provider/test-identities';
import { call, startApi, tokenFor, type RunningApi } from '../support/api-harness';
import { launchBrowser, newVisitor, recordStep } from '../support/browser-harness';
import { newAccountNumber } from '../support/identifiers';
import { startTestIdentityProvider, type RunningTestProvider } from '../support/identity-provider-harness';

jest.setTimeout(180_000);

/*
 * A person logs in with (the local) ID-porten, chooses one of the two organisations Altinn says she
 * may represent, keeps her session in a second tab and at a bookmarked address, acts, switches
 * organisation (the first one's applications vanish), and logs out of both tabs and the provider.
 */
describe('Signing in as a person who represents two organisations', () => {
  let provider: RunningTestProvider;
  let api: RunningApi;
  let browser: Browser;
  const kari = DEFAULT_TEST_IDENTITIES.persons.find((person) => person.name === 'Kari Nordmann')!;
  const municipality = TEST_ORGANISATIONS.fjordvikKommune;
  const volunteers = TEST_ORGANISATIONS.fjellbygdKommune;
  let municipalityDraft: string;
  let volunteersDraft: string;
  let clock: AdjustableClock;

  beforeAll(async () => {
    provider = await startTestIdentityProvider();
    api = await startApi();
    browser = await launchBrowser();
    // One day into Jobbsjansen A's 2017 window, as the other browser journeys stand.
    clock = api.app.get(Clock) as AdjustableClock;
    const window = (await call(api.baseUrl, '/schemes/jobbsjansen-a?year=2017')).body.window;
    clock.set(new Date(new Date(window.opensAt).getTime() + 86_400_000));
    // Each organisation has registered and has a draft (made through the API by their systems).
    const drafts: string[] = [];
    for (const organisation of [municipality, volunteers]) {
      const token = await tokenFor({
        sub: `oppsett-${organisation.organisationNumber}`,
        roles: ['applicant'],
        organisationNumbers: [organisation.organisationNumber],
      });
      const registered = await call(api.baseUrl, '/organisations', {
        method: 'POST',
        token,
        json: {
          organisationNumber: organisation.organisationNumber,
          name: organisation.organisationName,
          kind: 'kommune',
          municipalityNumber: organisation === municipality ? '3005' : '3001',
          accountNumber: newAccountNumber(),
          writtenStandard: 'nb',
          contactName: 'Kari Nordmann',
          contactEmail: 'kari@example.no',
        },
      });
      expect([201, 409]).toContain(registered.status);
      const draft = await call(api.baseUrl, '/applications', {
        method: 'POST',
        token,
        json: { organisationNumber: organisation.organisationNumber, schemeCode: 'jobbsjansen-a', budgetYear: 2017, form: {} },
      });
      expect([draft.status, draft.body.detail]).toEqual([201, undefined]);
      drafts.push(draft.body.id);
    }
    [municipalityDraft, volunteersDraft] = drafts;
  });
  afterAll(async () => {
    clock?.set(undefined);
    await browser?.close();
    await api?.close();
    await provider?.stop();
  });

  it('keeps the session across tabs and bookmarks, scopes everything by the chosen organisation, and logs out everywhere', async () => {
    const { context, page } = await newVisitor(browser, api.baseUrl);
    // A bookmarked page first: login, then back to it.
    await page.goto('/ordninger');
    await page.waitForURL('**/logg-inn?neste=%2Fordninger');
    await page.getByRole('link', { name: 'Logg inn med ID-porten' }).click();
    await page.getByRole('heading', { level: 1, name: /Logg inn med ID-porten/ }).waitFor();
    await page.locator(`input[name="bruker"][value="${kari.nationalIdNumber}"]`).check();
    await page.getByRole('button', { name: 'Logg inn' }).click();

    await page.getByRole('heading', { level: 1, name: 'Velg organisasjon' }).waitFor();
    const offered = await page
      .locator('input[name="organisationNumber"]')
      .evaluateAll((inputs) => inputs.map((input) => (input as unknown as { value: string }).value));
    expect(offered.sort()).toEqual([municipality.organisationNumber, volunteers.organisationNumber].sort());
    await recordStep(page, 80, 'velg-organisasjon');
    await page.getByLabel(new RegExp(`^${municipality.organisationName}`)).check();
    await page.getByRole('button', { name: 'Velg organisasjon' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Du handler nå for ${municipality.organisationName}.` })
      .waitFor();
    expect(new URL(page.url()).pathname).toBe('/ordninger');
    await page.getByRole('link', { name: 'Mine søknader og saker' }).click();
    await page.locator(`a[href="/soknader/${municipalityDraft}"]`).waitFor();
    await expect(page.locator(`a[href="/soknader/${volunteersDraft}"]`).count()).resolves.toBe(0);
    await expect(page.locator('#bruker').textContent()).resolves.toContain(`Kari Nordmann for ${municipality.organisationName}`);

    // A second tab and a bookmarked deep link: still logged in, still for the same organisation.
    const second = await context.newPage();
    await second.goto(`/soknader/${municipalityDraft}/skjema`);
    await second.getByRole('button', { name: 'Lagre og fortsett senere' }).click();
    await second.getByRole('status').filter({ hasText: 'Utkastet er lagret.' }).waitFor();
    await recordStep(second, 81, 'andre-fane-lagret');
    await second.goto(`/soknader/${municipalityDraft}`);
    await second.getByRole('heading', { level: 2, name: 'Slik søker du' }).waitFor();

    // Switching organisation: the municipality's application is gone, even at its own address.
    await page.getByRole('link', { name: 'Bytt organisasjon' }).click();
    await page.getByLabel(new RegExp(`^${volunteers.organisationName}`)).check();
    await page.getByRole('button', { name: 'Velg organisasjon' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Du handler nå for ${volunteers.organisationName}.` })
      .waitFor();
    await page.getByRole('link', { name: 'Mine søknader og saker' }).click();
    await page.locator(`a[href="/soknader/${volunteersDraft}"]`).waitFor();
    await expect(page.locator(`a[href="/soknader/${municipalityDraft}"]`).count()).resolves.toBe(0);
    const foreign = await page.evaluate<number>(
      `fetch('/applications/${municipalityDraft}', { credentials: 'same-origin' }).then((response) => response.status)`,
    );
    expect(foreign).toBe(404);
    await recordStep(page, 82, 'byttet-organisasjon');

    // Logging out in one tab ends the session for both, and at the provider.
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page.getByRole('heading', { level: 1, name: 'Du er logget ut' }).waitFor();
    await second.reload();
    await second.waitForURL(`**/logg-inn?neste=${encodeURIComponent(`/soknader/${municipalityDraft}`)}`);
    await second.getByRole('link', { name: 'Logg inn med ID-porten' }).click();
    // The provider asks who you are again: its session ended too.
    await second.getByRole('heading', { level: 1, name: /Logg inn med ID-porten/ }).waitFor();
    expect(new URL(second.url()).origin).toBe(provider.url);
  });
});
