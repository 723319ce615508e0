import type { INestApplicationContext } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AdjustableClock, Clock } from '@imdi/kernel';
import { projectRoot } from '@imdi/platform';
import type { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { call, startApi, tokenFor, type RunningApi } from '../support/api-harness';
import { grantAcceptanceHandled } from '../support/domain-events';
import { launchBrowser, logInThroughProvider, newVisitor, recordStep } from '../support/browser-harness';
import { startTestIdentityProvider, type RunningTestProvider } from '../support/identity-provider-harness';
import { newAccountNumber, newOrganisationNumber } from '../support/identifiers';
import { startMailServer, type TestMailServer } from '../support/mail-server';
import { mentorTraineeForm } from '../support/mentor-application';
import { eventually, startWorker } from '../support/worker-harness';

jest.setTimeout(240_000);

/**
 * Admin, approver, ministry and finance in the browser, one after another on the same cases (needs
 * `npm run build`): an admin gives the delegation, the approver approves within it, the ministry
 * acknowledges the pre-notification, finance checks the batch's lines and approves it as the second person.
 */
describe('Staff roles in the browser: admin, approver, ministry, finance', () => {
  let mail: TestMailServer;
  let api: RunningApi;
  let worker: INestApplicationContext;
  let clock: AdjustableClock;
  let dataSource: DataSource;
  let browser: Browser;
  let provider: RunningTestProvider;
  let caseworker: string;
  let admin: string;
  const within: { caseId: string; caseNumber: string; token: string } = { caseId: '', caseNumber: '', token: '' };
  const beyond: { caseId: string; caseNumber: string } = { caseId: '', caseNumber: '' };

  const post = (path: string, token: string, json: object = {}) => call(api.baseUrl, path, { method: 'POST', token, json });
  const statusOf = async (caseId: string) => (await dataSource.query('SELECT status FROM case_file WHERE id = $1', [caseId]))[0].status;

  async function proposedCase(name: string, amount: string) {
    const organisationNumber = newOrganisationNumber();
    const token = await tokenFor({ sub: `web-roles-${organisationNumber}`, roles: ['applicant'], organisationNumbers: [organisationNumber] });
    expect(
      (
        await post('/organisations', token, {
          organisationNumber,
          name,
          kind: 'organisasjon',
          accountNumber: newAccountNumber(),
          writtenStandard: 'nb',
          contactName: 'Ola',
          contactEmail: `ola-${organisationNumber}@example.no`,
        })
      ).status,
    ).toBe(201);
    const created = await post('/applications', token, {
      organisationNumber,
      schemeCode: 'mentor-trainee',
      budgetYear: 2017,
      form: await mentorTraineeForm(api.baseUrl, amount),
    });
    expect(created.status).toBe(201);
    expect(
      (
        await call(api.baseUrl, `/applications/${created.body.id}/submit`, {
          method: 'POST',
          token,
          headers: { 'idempotency-key': `web-roles-${created.body.id}` },
        })
      ).status,
    ).toBe(201);
    expect(
      (await post(`/casework/cases/${created.body.id}/proposal`, caseworker, { amountNok: amount, reasons: 'Søknaden oppfyller kriteriene.' })).status,
    ).toBe(201);
    const [{ case_number }] = await dataSource.query('SELECT case_number FROM case_file WHERE id = $1', [created.body.id]);
    return { caseId: created.body.id as string, caseNumber: case_number as string, token };
  }

  /** The page reflows at 320 px (nothing wider than the screen but tables scrolling in their own region) and passes axe there too. */
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

  beforeAll(async () => {
    provider = await startTestIdentityProvider();
    mail = await startMailServer();
    process.env.SMTP_URL = mail.url;
    api = await startApi();
    worker = await startWorker();
    dataSource = api.app.get(DataSource);
    clock = api.app.get(Clock) as AdjustableClock;
    const window = (await call(api.baseUrl, '/schemes/mentor-trainee?year=2017')).body.window;
    clock.set(new Date(new Date(window.opensAt).getTime() + 86_400_000));
    caseworker = await tokenFor({ sub: 'web-roles-saksbehandler', roles: ['caseworker'] });
    admin = await tokenFor({ sub: 'web-roles-admin', roles: ['admin'] });
    Object.assign(within, await proposedCase('Innenfor Fullmakt Forening', '100000'));
    Object.assign(beyond, await proposedCase('Over Fullmakt Forening', '200000'));
    expect((await post('/admin/schemes/kommunale-utviklingsmidler/versions/2017/next-year', admin)).status).toBe(201);
    expect((await post('/admin/schemes/enslige-mindreaarige/versions/2017/next-year', admin)).status).toBe(201);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    clock?.set(undefined);
    await browser?.close();
    await worker?.close();
    await api?.close();
    await mail?.close();
    await provider?.stop();
  });

  it('admin: gives a delegation, opens a window, confirms a rate and imports an allocation letter with a mismatch to acknowledge', async () => {
    const { page, close } = await visitor('ada.systemeier');
    try {
      await page.goto('/administrasjon');
      const delegation = page.getByRole('form', { name: 'Gi fullmakt' });
      await delegation.getByLabel('Godkjenner (brukernavn)').fill('per.godkjenner');
      await delegation.getByLabel('Kap./post, f.eks. 496.62').fill('496.73');
      await delegation.getByLabel('Inntil beløp per vedtak, kroner').fill('150 000');
      await delegation.getByLabel('Delegeringsvedtak (referanse)').fill('Delegeringsvedtak 2017-12');
      await delegation.getByRole('button', { name: 'Gi fullmakt' }).click();
      await page.getByRole('status').filter({ hasText: 'per.godkjenner har fått fullmakt på kap./post 496.73' }).waitFor();
      await page.getByRole('button', { name: 'Trekk fullmakten til per.godkjenner' }).waitFor();

      const chooser = page.getByRole('form', { name: 'Velg ordning' });
      await chooser.getByLabel('Ordning (kode)').fill('kommunale-utviklingsmidler');
      await chooser.getByLabel('År').fill('2018');
      await chooser.getByRole('button', { name: 'Hent ordningen' }).click();
      const windowForm = page.getByRole('form', { name: 'Søknadsvindu' });
      await windowForm.getByLabel('Åpner (norsk tid)').fill('2017-11-01T08:00');
      await windowForm.getByLabel('Søknadsfrist (norsk tid)').fill('2018-02-01T12:00');
      await windowForm.getByRole('button', { name: 'Lagre søknadsvinduet' }).click();
      await page.getByRole('status').filter({ hasText: 'Søknadsvinduet er lagret' }).waitFor();
      const scheme = (await call(api.baseUrl, '/schemes/kommunale-utviklingsmidler?year=2018')).body;
      expect(scheme.window).toMatchObject({ opens: '2017-11-01T08:00:00', deadline: '2018-02-01T12:00:00' });
      await recordStep(page, 50, 'admin-vindu');

      await chooser.getByLabel('Ordning (kode)').fill('enslige-mindreaarige');
      await chooser.getByRole('button', { name: 'Hent ordningen' }).click();
      const rate = (await call(api.baseUrl, '/schemes/enslige-mindreaarige?year=2018')).body.rates[0];
      const rateForm = page
        .getByRole('form')
        .filter({ has: page.getByLabel('Nytt beløp i kroner') })
        .first();
      await rateForm.getByLabel('Nytt beløp i kroner').fill('210000');
      await rateForm.getByLabel('Kilde (f.eks. rundskriv)').fill('Prop. 1 S (2017–2018)');
      await rateForm.getByRole('button', { name: 'Lagre satsen' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `Satsen ${rate.code} er lagret` })
        .waitFor();
      const confirm = page.getByRole('button', { name: /^Bekreft satsen/ }).first();
      expect(await confirm.isDisabled()).toBe(true);
      await page.getByLabel('Jeg har kontrollert 210 000,00 kr mot kilden').check();
      await confirm.click();
      await page
        .getByRole('status')
        .filter({ hasText: /er bekreftet/ })
        .waitFor();
      expect(
        (await call(api.baseUrl, '/schemes/enslige-mindreaarige?year=2018')).body.rates.find((entry: { code: string }) => entry.code === rate.code),
      ).toMatchObject({ amountNok: '210000.00', confirmed: true });

      const letter = JSON.parse(readFileSync(join(projectRoot(), 'data', 'allocation-letters', '2017.json'), 'utf8'));
      letter.budgetYear = 2019;
      letter.source = 'Tildelingsbrev 2019 (prøveimport)';
      for (const total of letter.declaredTotals) delete total.acknowledgedMismatch;
      await page
        .getByLabel('Tildelingsbrevet som JSON-fil')
        .setInputFiles({ name: 'tildelingsbrev-2019.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(letter)) });
      await page.getByRole('button', { name: 'Importer tildelingsbrevet' }).click();
      const explanation = page.getByLabel('Forklaring på avviket for kap. 496');
      await explanation.waitFor();
      expect(await dataSource.query(`SELECT 1 FROM budget_line WHERE budget_year = 2019`)).toEqual([]);
      await recordStep(page, 51, 'admin-tildelingsbrev-avvik');
      await explanation.fill('Brevets sum for kap. 496 regner post 45 som 25 tusen i stedet for 25 millioner.');
      await page.getByRole('button', { name: 'Importer tildelingsbrevet' }).click();
      await page.getByRole('status').filter({ hasText: 'Tildelingsbrevet for 2019 er importert' }).waitFor();
      await narrow(page, 52, 'admin');
    } finally {
      await close();
    }
  });

  it("admin: corrects a scheme's nynorsk name after checking the change, with the error beside the field, and sees the directory's users and roles", async () => {
    const { page, close } = await visitor('ada.systemeier');
    try {
      await page.goto('/administrasjon');
      const chooser = page.getByRole('form', { name: 'Velg ordning' });
      await chooser.getByLabel('Ordning (kode)').fill('kommunale-utviklingsmidler');
      await chooser.getByLabel('År').fill('2018');
      await chooser.getByRole('button', { name: 'Hent ordningen' }).click();
      const terms = page.getByRole('form', { name: 'Tekster og regler' });
      const nynorsk = terms.getByLabel('Navn (nynorsk)', { exact: true });
      const before = (await call(api.baseUrl, '/schemes/kommunale-utviklingsmidler?year=2018')).body.name;
      expect(await nynorsk.inputValue()).toBe(before.nn);

      await nynorsk.fill('');
      await terms.getByRole('button', { name: 'Kontroller endringene' }).click();
      await page.getByRole('heading', { name: 'Kontroller endringene' }).waitFor();
      await page.getByRole('button', { name: 'Lagre endringene' }).click();
      const error = page.getByRole('form', { name: 'Tekster og regler' }).getByText('Må være minst 1 tegn.', { exact: true });
      await error.waitFor();
      expect(await page.getByRole('form', { name: 'Tekster og regler' }).getByLabel('Navn (nynorsk)', { exact: true }).getAttribute('aria-invalid')).toBe(
        'true',
      );
      expect((await call(api.baseUrl, '/schemes/kommunale-utviklingsmidler?year=2018')).body.name).toEqual(before);

      const corrected = 'Kommunale utviklingsmidlar (KUM) 2018';
      await terms.getByLabel('Navn (nynorsk)', { exact: true }).fill(corrected);
      await terms.getByRole('button', { name: 'Kontroller endringene' }).click();
      const check = page.getByRole('region', { name: 'Kontroller endringene' });
      await check.getByText(`Til: ${corrected}`).waitFor();
      await recordStep(page, 53, 'admin-ordning-kontroll');
      await narrow(page, 54, 'admin-ordning-kontroll');
      await check.getByRole('button', { name: 'Lagre endringene' }).click();
      await page.getByRole('status').filter({ hasText: 'Endringene i ordningen er lagret.' }).waitFor();
      expect((await call(api.baseUrl, '/schemes/kommunale-utviklingsmidler?year=2018')).body.name).toEqual({ nb: before.nb, nn: corrected });
      const [audit] = await dataSource.query(
        `SELECT after FROM audit_entry WHERE action = 'scheme.version-amended' AND actor_id = 'ada.systemeier' ORDER BY id DESC LIMIT 1`,
      );
      expect(audit.after).toEqual({ name: { nb: before.nb, nn: corrected } });

      await page.goto('/administrasjon/tilgang');
      const users = page.getByRole('region', { name: 'Brukere i innloggingstjenestens katalog' });
      await users.getByRole('row', { name: /Kari Saksbehandler/ }).waitFor();
      expect(await users.getByRole('row', { name: /Kari Saksbehandler/ }).innerText()).toMatch(/imdi-tilskudd-saksbehandler[\s\S]*Saksbehandler/);
      expect(await users.getByRole('row', { name: /Truls Kantine/ }).innerText()).toContain('Ingen rolle (kan ikke logge inn)');
      await recordStep(page, 55, 'admin-brukere');
      await narrow(page, 56, 'admin-brukere');
    } finally {
      await close();
    }
  });

  it('approver: sees the delegation the admin gave and approves within it; the larger proposal says why not', async () => {
    const { page, close } = await visitor('per.godkjenner');
    try {
      await page.goto('/godkjenning');
      await page.getByRole('cell', { name: 'Delegeringsvedtak 2017-12' }).waitFor();
      await page
        .getByText(/Disponibelt nå/)
        .first()
        .waitFor();
      const large = page.getByRole('listitem', { name: `Sak ${beyond.caseNumber}` });
      await large.getByText('Beløpet er større enn fullmakten din på kap./post 496.73.').waitFor();
      expect(await large.getByRole('button', { name: /^Godkjenn/ }).count()).toBe(0);
      await recordStep(page, 60, 'godkjenner-forslag');
      await page.getByRole('button', { name: `Godkjenn vedtaket i sak ${within.caseNumber}` }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `Vedtaket i sak ${within.caseNumber} er godkjent` })
        .waitFor();
      expect(await statusOf(within.caseId)).toBe('approved');
      expect(await statusOf(beyond.caseId)).toBe('proposed');
      await narrow(page, 61, 'godkjenner');
    } finally {
      await close();
    }
  });

  it('ministry: reads the delivered pre-notification and acknowledges it with a comment', async () => {
    expect((await post('/casework/ministry-notifications', caseworker, { schemeCode: 'mentor-trainee', budgetYear: 2017 })).status).toBe(201);
    await eventually(async () => ((await statusOf(within.caseId)) === 'ministry_notified' ? true : undefined), 40_000);
    const { page, close } = await visitor('dina.departement');
    try {
      await page.goto('/departementet');
      await page.getByRole('cell', { name: within.caseNumber }).waitFor();
      await recordStep(page, 70, 'departement-forhandsorientering');
      await page.getByLabel('Kommentar (valgfritt)').first().fill('Tatt til orientering.');
      await page
        .getByRole('button', { name: /^Kvitter ut runde/ })
        .first()
        .click();
      await page.getByRole('status').filter({ hasText: 'er kvittert ut' }).waitFor();
      await page.getByText('Kvittert ut av Dina Departement').waitFor();
      const [{ acknowledged_by, acknowledgement_comment }] = await dataSource.query(
        `SELECT n.acknowledged_by, n.acknowledgement_comment FROM ministry_notification n JOIN ministry_notification_item i ON i.notification_id = n.id WHERE i.case_number = $1`,
        [within.caseNumber],
      );
      expect([acknowledged_by, acknowledgement_comment]).toEqual(['dina.departement', 'Tatt til orientering.']);
      await narrow(page, 71, 'departement');
    } finally {
      await close();
    }
  });

  it('finance: opens the batch, checks its lines and approves it as the second person', async () => {
    expect((await post(`/casework/cases/${within.caseId}/letters`, caseworker)).status).toBe(201);
    expect((await post(`/cases/${within.caseId}/accept`, within.token)).body.status).toBe('accepted');
    // The instalments are planned by the worker on GrantAccepted; a run started before that pays without them.
    await grantAcceptanceHandled(dataSource, [within.caseId]);
    const preparer = await tokenFor({ sub: 'fiona.okonomi', roles: ['finance'] });
    const run = await post('/payments/runs', preparer, { budgetYear: 2017, budgetPost: '496.73', asOf: '2017-12-31' });
    expect(run.status).toBe(202);
    const batchId = await eventually(async () => {
      const view = (await call(api.baseUrl, `/payments/runs/${run.body.id}`, { token: preparer })).body;
      return view.status === 'completed' && view.batchId ? (view.batchId as string) : undefined;
    }, 60_000);
    const { page, close } = await visitor('frode.okonomi');
    try {
      await page.goto('/okonomi/bunter');
      await page.locator(`a[href="/okonomi/bunter/${batchId}"]`).click();
      await page.getByRole('heading', { level: 1, name: 'Betalingsbunt' }).waitFor();
      const line = page.getByRole('row').filter({ hasText: 'Innenfor Fullmakt Forening' }).first();
      await line.waitFor();
      expect(await line.textContent()).toContain(`Saksnr ${within.caseNumber} kap/post 496.73`);
      await page.getByRole('region', { name: 'Summer per kap./post og ordning' }).getByText('mentor-trainee').waitFor();
      await recordStep(page, 80, 'okonomi-bunt');
      const approve = page.getByRole('button', { name: 'Godkjenn bunten' });
      expect(await approve.isDisabled()).toBe(true);
      await page.getByLabel('Jeg har kontrollert mottakere, kontonumre og beløp').check();
      await approve.click();
      await page.getByRole('status').filter({ hasText: 'Bunten er godkjent' }).waitFor();
      const [{ status, approved_by }] = await dataSource.query('SELECT status, approved_by FROM payment_batch WHERE id = $1', [batchId]);
      expect([status, approved_by]).toEqual(['approved', 'frode.okonomi']);
      await narrow(page, 81, 'okonomi');
    } finally {
      await close();
    }
  });

  describe('a forwarded klage', () => {
    const KLAGER = { organisationNumber: '310500038', person: '12857810153' };
    /** A mentor-trainee application refused, its letter sent, appealed and upheld by IMDi: forwarded to the ministry. */
    async function forwardedKlage(): Promise<{ caseId: string; caseNumber: string }> {
      const admin = await tokenFor({ sub: 'web-roles-admin', roles: ['admin'] });
      const approver = await tokenFor({ sub: 'web-roles-klage-godkjenner', roles: ['approver'] });
      await post('/admin/delegations', admin, {
        approverId: 'web-roles-klage-godkjenner',
        budgetPost: '496.73',
        maxAmountNok: '500000',
        reference: 'Klagedelegering',
      });
      // Fjellbygd kommune: Kari Nordmann acts for it at the local ID-porten, so the applicant's page can be read in the browser.
      const organisationNumber = KLAGER.organisationNumber;
      const token = await tokenFor({ sub: `web-klage-${organisationNumber}`, roles: ['applicant'], organisationNumbers: [organisationNumber] });
      const registered = await post('/organisations', token, {
        organisationNumber,
        name: 'Fjellbygd kommune',
        kind: 'kommune',
        municipalityNumber: '4601',
        accountNumber: newAccountNumber(),
        writtenStandard: 'nb',
        contactName: 'Kari Nordmann',
        contactEmail: `kari-${organisationNumber}@example.no`,
      });
      expect([201, 409]).toContain(registered.status);
      const created = await post('/applications', token, {
        organisationNumber,
        schemeCode: 'mentor-trainee',
        budgetYear: 2017,
        form: await mentorTraineeForm(api.baseUrl, '80000'),
      });
      const caseId = created.body.id as string;
      const submitted = await call(api.baseUrl, `/applications/${caseId}/submit`, {
        method: 'POST',
        token,
        headers: { 'idempotency-key': `web-klage-${caseId}` },
      });
      expect(submitted.status).toBe(201);
      expect(
        (await post(`/casework/cases/${caseId}/proposal`, caseworker, { amountNok: '0', reasons: 'Søknaden nådde ikke opp i prioriteringen.' })).status,
      ).toBe(201);
      expect((await post(`/casework/cases/${caseId}/approve`, approver)).body.status).toBe('refused');
      expect((await post(`/casework/cases/${caseId}/letters`, caseworker)).status).toBe(201);
      expect((await post(`/cases/${caseId}/appeal`, token, { grounds: 'Vi mener mentorprogrammet ikke er vurdert riktig.' })).status).toBe(201);
      const upheld = await post(`/casework/cases/${caseId}/appeal/uphold`, caseworker, { summary: 'IMDi fastholder avslaget: andre søknader var bedre.' });
      expect(upheld.body.forwardedAt).toEqual(expect.any(String));
      const [{ case_number }] = await dataSource.query('SELECT case_number FROM case_file WHERE id = $1', [caseId]);
      return { caseId, caseNumber: case_number as string };
    }

    it("ministry: records its decision on a forwarded klage; the caseworker's and the applicant's case pages show the decision and the reasons", async () => {
      const klage = await forwardedKlage();
      const reasons = 'Departementet mener mentorprogrammet oppfyller kriteriene, og klageren gis medhold.';
      const ministry = await visitor('dina.departement');
      try {
        await ministry.page.goto('/departementet');
        const appeal = ministry.page.getByRole('article', { name: `Klage i sak ${klage.caseNumber}`, exact: true });
        await appeal.getByText('IMDi fastholder avslaget: andre søknader var bedre.').waitFor();
        // Sent without a choice, the form names what is missing beside the field.
        await appeal.getByRole('button', { name: 'Registrer avgjørelsen' }).click();
        await appeal.getByText('Velg om klagen tas til følge eller ikke.').waitFor();
        await appeal.getByLabel('Klageren får medhold (IMDi fatter nytt vedtak)').check();
        await appeal.getByLabel('Begrunnelse').fill(reasons);
        await recordStep(ministry.page, 72, 'departement-klage');
        await appeal.getByRole('button', { name: 'Registrer avgjørelsen' }).click();
        await appeal.getByText(/Klageren fikk medhold: saken går tilbake til IMDi for nytt vedtak\./).waitFor();
        const [stored] = await dataSource.query('SELECT ministry_outcome, ministry_reasons, ministry_decided_by FROM appeal WHERE case_id = $1', [
          klage.caseId,
        ]);
        expect(stored).toEqual({ ministry_outcome: 'reversed', ministry_reasons: reasons, ministry_decided_by: 'dina.departement' });
        expect(await statusOf(klage.caseId)).toBe('in_assessment');
        await narrow(ministry.page, 73, 'departement-klage');
      } finally {
        await ministry.close();
      }

      const caseworkerPage = await visitor('kari.saksbehandler');
      try {
        await caseworkerPage.page.goto(`/saksbehandling/saker/${klage.caseId}`);
        const section = caseworkerPage.page.getByRole('region', { name: 'Klage', exact: true });
        await section.getByText('Klageren fikk medhold: saken går tilbake til IMDi for nytt vedtak.', { exact: false }).waitFor();
        await section.getByText(reasons).waitFor();
        await section.getByText('Vi mener mentorprogrammet ikke er vurdert riktig.').waitFor();
        await recordStep(caseworkerPage.page, 74, 'saksbehandler-klage-avgjort');
        await narrow(caseworkerPage.page, 75, 'saksbehandler-klage-avgjort');
      } finally {
        await caseworkerPage.close();
      }

      // The applicant reads the outcome and the ministry's reasons on the case page.
      const { context, page } = await newVisitor(browser, api.baseUrl);
      try {
        await logInThroughProvider(page, 'applicant', KLAGER.person, KLAGER.organisationNumber);
        await page.goto(`/saker/${klage.caseId}`);
        const yours = page.getByRole('region', { name: 'Klagen din', exact: true });
        await yours.getByText('Departementet har gitt deg medhold. IMDi behandler saken på nytt og fatter et nytt vedtak.').waitFor();
        await yours.getByText(reasons).waitFor();
        await yours.getByText('Departementets avgjørelse i klagesaken er endelig', { exact: false }).waitFor();
        const timeline = page.getByRole('region', { name: 'Hva har skjedd' });
        await timeline.getByText(/: IMDi holdt fast på vedtaket$/).waitFor();
        await timeline.getByText(/: Departementet avgjorde klagen$/).waitFor();
        await recordStep(page, 76, 'soker-klagen-din');
        await narrow(page, 77, 'soker-klagen-din');
      } finally {
        await context.close();
      }
    });
  });
});
