import { AdjustableClock, Clock } from '@imdi/kernel';
import type { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { call, startApi, tokenFor, type RunningApi } from '../support/api-harness';
import { launchBrowser, logInThroughProvider, newVisitor, recordStep } from '../support/browser-harness';
import { startTestIdentityProvider, type RunningTestProvider } from '../support/identity-provider-harness';
import { newAccountNumber, newOrganisationNumber } from '../support/identifiers';
import { mentorTraineeForm } from '../support/mentor-application';

jest.setTimeout(180_000);

/** Needs `npm run build`: the api serves the compiled front end from dist/. */
describe('The caseworker in the browser: work queue and case page', () => {
  let api: RunningApi;
  let clock: AdjustableClock;
  let dataSource: DataSource;
  let browser: Browser;
  let provider: RunningTestProvider;

  const post = (path: string, token: string, json: object = {}) => call(api.baseUrl, path, { method: 'POST', token, json });
  const statusOf = async (caseId: string) => (await dataSource.query('SELECT status FROM case_file WHERE id = $1', [caseId]))[0].status;

  async function submittedCase(name: string): Promise<{ caseId: string; caseNumber: string; organisationNumber: string }> {
    const organisationNumber = newOrganisationNumber();
    const token = await tokenFor({ sub: `web-cw-${organisationNumber}`, roles: ['applicant'], organisationNumbers: [organisationNumber] });
    expect(
      (
        await post('/organisations', token, {
          organisationNumber,
          name,
          kind: 'organisasjon',
          accountNumber: newAccountNumber(),
          writtenStandard: 'nb',
          contactName: 'Ola',
          contactEmail: 'ola@example.no',
        })
      ).status,
    ).toBe(201);
    const created = await post('/applications', token, {
      organisationNumber,
      schemeCode: 'mentor-trainee',
      budgetYear: 2017,
      form: await mentorTraineeForm(api.baseUrl, '100000'),
    });
    expect(created.status).toBe(201);
    expect(
      (
        await call(api.baseUrl, `/applications/${created.body.id}/submit`, {
          method: 'POST',
          token,
          headers: { 'idempotency-key': `web-cw-${created.body.id}` },
        })
      ).status,
    ).toBe(201);
    const [{ case_number }] = await dataSource.query('SELECT case_number FROM case_file WHERE id = $1', [created.body.id]);
    return { caseId: created.body.id, caseNumber: case_number, organisationNumber };
  }

  /** Opens the case page from the queue by searching for the organisation, as a caseworker would. */
  async function openFromQueue(page: Page, organisationName: string, caseNumber: string): Promise<void> {
    await page.goto('/saksbehandling');
    await page.getByLabel('Søk etter saksnummer, organisasjon eller navn').fill(organisationName);
    await page.getByRole('button', { name: 'Søk', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: /^1 sak – / }).waitFor();
    await page.getByRole('link', { name: caseNumber }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`Sak ${caseNumber}`) }).waitFor();
  }

  async function take(page: Page, actionButton: string, fields: Record<string, string>, confirmation: string): Promise<void> {
    await page.getByRole('button', { name: actionButton, exact: true }).click();
    const form = page.getByRole('form', { name: actionButton });
    for (const [label, value] of Object.entries(fields)) await form.getByLabel(label).fill(value);
    await form.getByRole('button', { name: /^Bekreft/ }).click();
    await page.getByRole('status').filter({ hasText: confirmation }).waitFor();
  }

  const actionButtons = async (page: Page) => page.getByRole('region', { name: 'Handlinger' }).getByRole('button').allTextContents();

  /** The case page reloads after an action; the buttons are what the server offers once it has. */
  async function buttonsBecome(page: Page, expected: string[]): Promise<void> {
    const until = Date.now() + 15_000;
    while (JSON.stringify(await actionButtons(page)) !== JSON.stringify(expected) && Date.now() < until) await page.waitForTimeout(100);
    expect(await actionButtons(page)).toEqual(expected);
  }

  beforeAll(async () => {
    provider = await startTestIdentityProvider();
    api = await startApi();
    dataSource = api.app.get(DataSource);
    clock = api.app.get(Clock) as AdjustableClock;
    const window = (await call(api.baseUrl, '/schemes/mentor-trainee?year=2017')).body.window;
    clock.set(new Date(new Date(window.opensAt).getTime() + 86_400_000));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    clock?.set(undefined);
    await browser?.close();
    await api?.close();
    await provider?.stop();
  });

  it.each([
    [1280, 'bred'],
    [320, 'smal'],
  ])('finds a case by organisation name, declares a conflict on another, formally rejects a third and proposes on a fourth (%i px)', async (width, label) => {
    const found = await submittedCase(`Solvik Frivilligsentral ${label}`);
    const conflicted = await submittedCase(`Habilitetsforeningen ${label}`);
    const rejected = await submittedCase(`Avvisningslaget ${label}`);
    const proposed = await submittedCase(`Forslagsforeningen ${label}`);
    const { context, page } = await newVisitor(browser, api.baseUrl);
    try {
      await page.setViewportSize({ width, height: 900 });
      await logInThroughProvider(page, 'staff', 'kari.saksbehandler');
      const step = width === 1280 ? 10 : 30;

      await openFromQueue(page, `Solvik Frivilligsentral ${label}`, found.caseNumber);
      await page.goBack();
      await page.getByRole('link', { name: found.caseNumber }).waitFor();
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
      await recordStep(page, step, `saksbehandler-arbeidsko-${label}`);

      await openFromQueue(page, `Habilitetsforeningen ${label}`, conflicted.caseNumber);
      expect(await actionButtons(page)).toEqual([
        'Tildel saksbehandler',
        'Meld inhabilitet',
        'Avvis søknaden formelt',
        'Vurder søknaden',
        'Foreslå vedtak',
        'Send foreløpig svar',
      ]);
      await take(page, 'Meld inhabilitet', { 'Hvorfor er du inhabil?': 'Jeg sitter i styret i foreningen.' }, 'Inhabiliteten er registrert');
      await buttonsBecome(page, ['Tildel saksbehandler']);
      await page.getByText('Du har meldt deg inhabil overfor denne søkeren').waitFor();
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
      await recordStep(page, step + 1, `saksbehandler-inhabil-${label}`);

      await openFromQueue(page, `Avvisningslaget ${label}`, rejected.caseNumber);
      await take(
        page,
        'Avvis søknaden formelt',
        { 'Begrunnelse for avvisningen': 'Søknaden mangler budsjett og kan ikke behandles.', Hjemmel: 'Forskrift om tilskudd § 5' },
        'Søknaden er avvist',
      );
      expect(await statusOf(rejected.caseId)).toBe('rejected_formal');
      await buttonsBecome(page, ['Meld inhabilitet']);
      await recordStep(page, step + 2, `saksbehandler-avvist-${label}`);

      await openFromQueue(page, `Forslagsforeningen ${label}`, proposed.caseNumber);
      // Assessment on the scheme's criteria and scale: a score left out is named beside its field.
      await page.getByRole('button', { name: 'Vurder søknaden', exact: true }).click();
      const assessment = page.getByRole('form', { name: 'Vurder søknaden' });
      await assessment.getByLabel(/^Forventet overgang til arbeid eller utdanning \(vekt 40 %\)/).selectOption('4');
      await assessment.getByRole('button', { name: /^Bekreft/ }).click();
      await assessment.getByText('Gi poeng for «Målgruppe og rekruttering».').first().waitFor();
      expect(await assessment.getByLabel(/^Målgruppe og rekruttering \(vekt 20 %\)/).getAttribute('aria-invalid')).toBe('true');
      expect(await assessment.getByLabel(/^Forventet overgang/).getAttribute('aria-invalid')).toBeNull();
      expect(await statusOf(proposed.caseId)).toBe('submitted');
      await assessment.getByLabel(/^Målgruppe og rekruttering \(vekt/).selectOption('4');
      await assessment.getByLabel(/^Oppfølging av mentorer og deltakere \(vekt/).selectOption('3');
      await assessment.getByLabel(/^Realistisk budsjett \(vekt/).selectOption('4');
      await assessment.getByLabel('Samlet vurdering').fill('God plan for overgang til arbeid; oppfølgingen er noe tynn.');
      await assessment.getByText('Vektet poengsum så langt: 380 av 500').waitFor();
      await assessment.getByRole('button', { name: /^Bekreft/ }).click();
      await page.getByRole('status').filter({ hasText: 'Vurderingen er lagret: 380 av 500 poeng. Foreslått beløp: 76 000,00 kr.' }).waitFor();
      expect(await statusOf(proposed.caseId)).toBe('in_assessment');
      const assessed = page.getByRole('region', { name: 'Vurdering' });
      await assessed.getByRole('cell', { name: '3 av 5' }).waitFor();
      await assessed.getByText('76 000,00 kr').waitFor();
      await assessed.getByText(/søkt beløp ganget med vektet poengsum delt på 500/).waitFor();

      // The proposal starts from the suggested amount; a missing reason is named beside its field.
      await page.getByRole('button', { name: 'Foreslå vedtak', exact: true }).click();
      const form = page.getByRole('form', { name: 'Foreslå vedtak' });
      expect(await form.getByLabel('Beløp i kroner (0 for avslag)').inputValue()).toBe('76000.00');
      await form.getByRole('button', { name: /^Bekreft/ }).click();
      await form.getByRole('group', { name: 'Dette må rettes før du kan gå videre:' }).getByRole('link').first().waitFor();
      expect(await form.getByLabel('Begrunnelse', { exact: true }).getAttribute('aria-invalid')).toBe('true');
      expect(await form.getByLabel('Beløp i kroner (0 for avslag)').getAttribute('aria-invalid')).toBeNull();
      expect(await statusOf(proposed.caseId)).toBe('in_assessment');
      await form.getByLabel('Beløp i kroner (0 for avslag)').fill('80 000');
      await form.getByLabel('Begrunnelse', { exact: true }).fill('Søknaden oppfyller kriteriene, men budsjettet er for høyt.');
      await form.getByRole('button', { name: /^Bekreft/ }).click();
      await page.getByRole('status').filter({ hasText: 'Forslaget til vedtak er sendt til godkjenning' }).waitFor();
      expect(await statusOf(proposed.caseId)).toBe('proposed');
      await page.getByText('80 000,00 kr').first().waitFor();
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);

      // Internal notes: an empty one is refused beside the field; a written one is listed with its author.
      const notes = page.getByRole('form', { name: 'Nytt notat' });
      await notes.getByRole('button', { name: 'Lagre notatet' }).click();
      await notes.getByRole('group', { name: 'Dette må rettes før du kan gå videre:' }).waitFor();
      expect(await notes.getByLabel('Nytt notat (bare for saksbehandlere)').getAttribute('aria-invalid')).toBe('true');
      await notes.getByLabel('Nytt notat (bare for saksbehandlere)').fill('Ringte kontaktpersonen om budsjettet 12. mars.');
      await notes.getByRole('button', { name: 'Lagre notatet' }).click();
      await page.getByRole('status').filter({ hasText: 'Notatet er lagret.' }).waitFor();
      await page.getByRole('region', { name: 'Notater' }).getByText('Ringte kontaktpersonen om budsjettet 12. mars.').waitFor();

      // The provisional answer (fvl. § 11a): a date in the past is refused beside the field, then it is sent once.
      await page.getByRole('button', { name: 'Send foreløpig svar', exact: true }).click();
      const provisional = page.getByRole('form', { name: 'Send foreløpig svar' });
      const expectedDate = provisional.getByLabel(/^Når kan søkeren vente vedtak\?/);
      await expectedDate.fill('2000-01-01');
      await provisional.getByRole('button', { name: /^Bekreft/ }).click();
      await provisional.getByText('Datoen for forventet vedtak må være etter i dag.').first().waitFor();
      expect(await expectedDate.getAttribute('aria-invalid')).toBe('true');
      await expectedDate.fill('');
      await provisional.getByRole('button', { name: /^Bekreft/ }).click();
      await page.getByRole('status').filter({ hasText: 'Foreløpig svar er sendt til søkeren.' }).waitFor();
      await page.getByText(/^Foreløpig svar sendt \d{2}\.\d{2}\.\d{4}; søkeren venter vedtak innen/).waitFor();
      expect(await actionButtons(page)).not.toContain('Send foreløpig svar');
      // The history is a timeline in words, without user ids.
      const history = page.getByRole('region', { name: 'Historikk' });
      await history.getByText(/Søknaden ble sendt inn \(søkeren\)\./).waitFor();
      await history.getByText(/Forslag til vedtak ble lagt fram \(IMDi\)\./).waitFor();
      await history.getByText(/Søkeren fikk foreløpig svar \(IMDi\)\./).waitFor();
      expect(await history.textContent()).not.toContain('kari.saksbehandler');
      await recordStep(page, step + 3, `saksbehandler-forslag-${label}`);

      // The rejected case has left the open queue.
      await page.goto('/saksbehandling');
      await page.getByLabel('Søk etter saksnummer, organisasjon eller navn').fill(`Avvisningslaget ${label}`);
      await page.getByRole('button', { name: 'Søk', exact: true }).click();
      await page.getByRole('heading', { level: 2, name: 'Ingen saker passer med søket' }).waitFor();
    } finally {
      await context.close();
    }
  });
});
