import type { INestApplicationContext } from '@nestjs/common';
import { AdjustableClock, Clock } from '@imdi/kernel';
import type { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { call, startApi, tokenFor, type RunningApi } from '../support/api-harness';
import { downloadBy, launchBrowser, logInThroughProvider, newVisitor, recordStep } from '../support/browser-harness';
import { startTestIdentityProvider, type RunningTestProvider } from '../support/identity-provider-harness';
import { newAccountNumber, newNationalIdNumber, newOrganisationNumber, withWrongCheckDigit } from '../support/identifiers';
import { pdfText } from '../support/pdf-text';
import { grantAcceptanceHandled } from '../support/domain-events';
import { startWorker } from '../support/worker-harness';

/*
 * The whole grant, clicked through in a real browser: a municipality applies to Jobbsjansen A, a
 * caseworker assesses and proposes, an approver approves, the ministry is notified, the letter goes
 * out and is downloaded, and finance pays and downloads the payment file. Every page visited is
 * checked with axe-core against WCAG 2.1 A and AA, and photographed.
 */
// A browser, a worker and seven people's logins: more than jest's default minute on a busy machine.
jest.setTimeout(180_000);

describe('The web front end, from application to payment file', () => {
  let api: RunningApi;
  let provider: RunningTestProvider;
  let worker: INestApplicationContext;
  let clock: AdjustableClock;
  let browser: Browser;
  let step = 0;
  const organisationNumber = newOrganisationNumber();
  // The person who logs in through the local provider, authorised (Altinn-style) for this test's organisation.
  const APPLICANT_PID = newNationalIdNumber('1980-05-12', 'female');
  // A name no other test uses: the ministry's inbox and the payment file hold every test's grants.
  const municipality = 'Fjordvik kommune';
  let caseUrl: string;
  let caseNumber: string;
  let batchUrl: string;

  const record = (page: Page, name: string): Promise<void> => recordStep(page, ++step, name);
  const visitor = async (): Promise<Page> => (await newVisitor(browser, api.baseUrl)).page;
  const flash = (page: Page, text: string | RegExp) => page.locator('main .melding[role="status"]').filter({ hasText: text });

  /** Through the local provider's login page; an applicant then chooses the organisation. */
  async function logIn(page: Page, _role: RegExp, userName: string, displayName: string, organisation?: string): Promise<void> {
    await logInThroughProvider(page, organisation ? 'applicant' : 'staff', organisation ? APPLICANT_PID : userName, organisation);
    await page.locator('#bruker', { hasText: displayName }).waitFor();
  }

  beforeAll(async () => {
    provider = await startTestIdentityProvider({ staff: [], persons: [{ nationalIdNumber: APPLICANT_PID, name: 'Kari Nordmann', representations: [{ organisationNumber, organisationName: municipality, resources: ['imdi-tilskudd'] }] }] });
    api = await startApi();
    worker = await startWorker();
    clock = api.app.get(Clock) as AdjustableClock;
    // Stand one day into the 2017 application window of Jobbsjansen A, as the other end-to-end tests do.
    const window = (await call(api.baseUrl, '/schemes/jobbsjansen-a?year=2017')).body.window;
    clock.set(new Date(new Date(window.opensAt).getTime() + 86_400_000));
    // The approver's written delegation is an admin's act outside this journey.
    const admin = await tokenFor({ sub: 'ada', roles: ['admin'] });
    expect((await call(api.baseUrl, '/admin/delegations', { method: 'POST', token: admin, json: { approverId: 'per.godkjenner', budgetPost: '496.62', maxAmountNok: '2000000', reference: 'Delegeringsvedtak 2017-02' } })).status).toBe(201);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    clock?.set(undefined);
    await worker?.close();
    await api?.close();
    await provider?.stop();
  });

  it('lets a municipality register, apply to Jobbsjansen A with an attachment, and get a receipt', async () => {
    const page = await visitor();
    await page.goto('/');
    await page.waitForURL('**/logg-inn');
    await record(page, 'innlogging');
    await logIn(page, /^Søker/, 'kari.fjordvik', 'Kari Nordmann', organisationNumber);

    await page.getByRole('link', { name: 'Organisasjon', exact: true }).click();
    await page.getByLabel('Navn', { exact: true }).fill(municipality);
    await page.getByLabel('Kommunenummer', { exact: true }).fill('3005');
    await page.getByLabel('Kontonummer', { exact: true }).fill(withWrongCheckDigit(newAccountNumber()));
    await page.getByLabel('Kontaktperson', { exact: true }).fill('Kari Nordmann');
    await page.getByLabel('E-postadresse til kontaktpersonen', { exact: true }).fill('kari@fjordvik.kommune.no');
    await page.getByLabel('Postadresse (valgfritt)', { exact: true }).fill('Rådhusgata 1');
    await page.getByLabel('Postnummer (valgfritt)', { exact: true }).fill('7900');
    await page.getByLabel('Poststed (valgfritt)', { exact: true }).fill('Rørvik');
    await page.getByRole('button', { name: 'Registrer organisasjonen' }).click();
    // The API's refusal of the check digit, beside the field, in bokmål, and summarised with focus.
    await page.locator('#organisasjon-accountNumber-feil', { hasText: '«Kontonummer» har feil kontrollsiffer' }).waitFor();
    await expect(page.getByLabel('Kontonummer', { exact: true }).getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByLabel('Kontonummer', { exact: true }).getAttribute('aria-describedby')).resolves.toContain('organisasjon-accountNumber-feil');
    await expect(page.evaluate('document.activeElement.className')).resolves.toBe('feiloppsummering');
    await record(page, 'organisasjon-feil-kontonummer');
    await page.getByLabel('Kontonummer', { exact: true }).fill(newAccountNumber());
    await page.getByRole('button', { name: 'Registrer organisasjonen' }).click();
    await flash(page, `${municipality} er registrert`).waitFor();
    // The address letters will be sent to.
    const [address] = await api.app.get(DataSource).query('SELECT postal_address, postal_code, postal_place FROM organisation WHERE organisation_number = $1', [organisationNumber]);
    expect(address).toEqual({ postal_address: 'Rådhusgata 1', postal_code: '7900', postal_place: 'Rørvik' });
    await record(page, 'apne-ordninger');

    await page.getByRole('link', { name: 'Les mer og søk på Jobbsjansen del A' }).click();
    await page.getByRole('heading', { level: 1, name: 'Jobbsjansen del A' }).waitFor();
    await record(page, 'ordning-jobbsjansen-a');
    await page.getByRole('button', { name: 'Start søknad' }).click();
    await flash(page, 'Et utkast til søknad er opprettet').waitFor();

    await page.getByRole('button', { name: 'Send inn søknaden' }).click();
    const summary = page.locator('.feiloppsummering');
    await summary.waitFor();
    await expect(summary.textContent()).resolves.toContain('Du må fylle ut «Prosjektets navn».');
    await expect(page.getByLabel('Prosjektets navn', { exact: true }).getAttribute('aria-invalid')).resolves.toBe('true');
    await record(page, 'soknad-mangler');

    await page.getByLabel('Prosjektets navn', { exact: true }).fill('Jobbsjansen for kvinner i Fjordvik');
    await page.getByLabel('Beskrivelse av prosjektet', { exact: true }).fill('Et toårig program for hjemmeværende innvandrerkvinner som står langt fra arbeidslivet.');
    await page.getByLabel('Prosjektet starter', { exact: true }).fill('2017-03-01');
    await page.getByLabel('Prosjektet slutter', { exact: true }).fill('2017-12-31');
    await page.getByLabel('Hva pengene skal brukes til', { exact: true }).fill('Programrådgivere');
    await page.getByLabel('Beløp', { exact: true }).fill('600 000');
    await page.getByLabel('Omsøkt beløp', { exact: true }).fill('700 000');
    await page.getByLabel('Kontaktperson', { exact: true }).fill('Kari Nordmann');
    await page.getByLabel('E-postadresse til kontaktpersonen', { exact: true }).fill('kari@fjordvik.kommune.no');
    await page.getByLabel('Planlagt antall deltakere', { exact: true }).fill('15');
    await page.getByLabel('Forventet andel over i arbeid eller utdanning (prosent)', { exact: true }).fill('60');
    await page.getByLabel('Velg fil', { exact: true }).setInputFiles({ name: 'prosjektplan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% Prosjektplan\n%%EOF\n') });
    await page.getByRole('button', { name: 'Last opp vedlegget' }).click();
    await page.getByRole('cell', { name: 'prosjektplan.pdf' }).waitFor();

    // The scheme's own rule, checked by the API at submission, lands beside «Omsøkt beløp».
    await page.getByRole('button', { name: 'Send inn søknaden' }).click();
    await page.locator('#soknad-requestedAmountNok-feil', { hasText: 'Omsøkt beløp kan ikke være større enn budsjettet (600 000,00 kr).' }).waitFor();
    await expect(page.getByLabel('Omsøkt beløp', { exact: true }).getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('.feilmelding').count()).resolves.toBe(1);
    await record(page, 'soknad-over-budsjett');

    await page.getByLabel('Omsøkt beløp', { exact: true }).fill('600 000');
    await page.getByRole('button', { name: 'Send inn søknaden' }).click();
    const submitted = flash(page, /har fått saksnummer/);
    await submitted.waitFor();
    caseNumber = /saksnummer (\d{4}\/\d+)/.exec((await submitted.textContent()) ?? '')![1];
    caseUrl = new URL(page.url()).pathname;
    await expect(page.locator('main').textContent()).resolves.toContain('Sendt inn');
    await record(page, 'soknad-sendt-inn');

    const receipt = await downloadBy(page, () => page.getByRole('button', { name: 'Last ned kvittering (PDF)' }).click());
    expect(receipt.download.suggestedFilename()).toBe(`kvittering-${caseNumber.replace('/', '-')}.pdf`);
    expect(await pdfText(receipt.content)).toContain(caseNumber);
  });

  let caseworker: Page;
  const caseId = (): string => caseUrl.split('/').pop()!;

  it('lets a caseworker take the case from the queue, assess it and propose a partial grant', async () => {
    caseworker = await visitor();
    await logIn(caseworker, /^Saksbehandler/, 'kari.saksbehandler', 'Kari Saksbehandler');
    await caseworker.getByRole('link', { name: caseNumber, exact: true }).first().waitFor();
    await record(caseworker, 'arbeidsko');
    await caseworker.getByRole('link', { name: caseNumber, exact: true }).first().click();
    await caseworker.getByRole('heading', { level: 1, name: new RegExp(`Sak ${caseNumber}`) }).waitFor();
    await caseworker.getByRole('button', { name: 'Ta saken' }).click();
    await flash(caseworker, 'Saken er tildelt deg.').waitFor();

    for (const [criterion, score] of [['Målgruppe og rekruttering', '4'], ['Forventet overgang til arbeid eller utdanning', '3'], ['Realistisk budsjett', '5']] as const) {
      const group = caseworker.getByRole('group', { name: new RegExp(criterion) });
      await group.getByLabel('Poeng', { exact: true }).selectOption(score);
      await group.getByLabel('Kommentar (valgfritt)', { exact: true }).fill('Godt begrunnet.');
    }
    await caseworker.getByLabel('Samlet vurdering', { exact: true }).fill('Anbefales delvis innvilget.');
    await record(caseworker, 'sak-vurdering');
    await caseworker.getByRole('button', { name: 'Lagre vurderingen' }).click();
    await flash(caseworker, 'Vektet sum: 390').waitFor();

    await caseworker.getByLabel('Beløp som foreslås innvilget', { exact: true }).fill('500 000');
    await caseworker.getByLabel('Begrunnelse', { exact: true }).fill('Søknaden er godt begrunnet, men rammen tillater ikke fullt beløp.');
    await caseworker.getByLabel('Særlige vilkår (valgfritt)', { exact: true }).fill('Midlene skal brukes til programrådgivere.');
    await caseworker.getByRole('button', { name: 'Send forslaget til godkjenning' }).click();
    await flash(caseworker, 'Forslaget (delvis innvilget) er sendt til godkjenning.').waitFor();
    await record(caseworker, 'sak-forslag');
  });

  it('lets an approver with a delegation approve the proposal from the queue', async () => {
    const approver = await visitor();
    await logIn(approver, /^Godkjenner/, 'per.godkjenner', 'Per Godkjenner');
    const toApprove = approver.getByRole('region', { name: 'Til godkjenning' });
    await toApprove.getByRole('link', { name: caseNumber, exact: true }).click();
    await approver.getByRole('heading', { level: 1, name: new RegExp(`Sak ${caseNumber}`) }).waitFor();
    await record(approver, 'godkjenning');
    await approver.getByRole('button', { name: 'Godkjenn vedtaket' }).click();
    await flash(approver, 'Vedtaket er godkjent').waitFor();
    await expect(approver.locator('main').textContent()).resolves.toContain('Vedtak fattet');
    await record(approver, 'vedtak-godkjent');
  });

  it('sends the ministry notification, which the ministry then finds in its inbox', async () => {
    await caseworker.goto(`/saksbehandling/saker/${caseId()}`);
    await expect(caseworker.getByRole('button', { name: 'Send vedtaksbrevet' }).count()).resolves.toBe(0);
    await caseworker.getByRole('button', { name: 'Send forhåndsorientering for Jobbsjansen del A 2017' }).click();
    await flash(caseworker, /Forhåndsorienteringen med \d+ vedtak/).waitFor();
    await flash(caseworker, 'Forhåndsorienteringen er levert til departementet.').waitFor({ timeout: 30_000 });
    await record(caseworker, 'forhandsorientering-levert');

    const ministry = await visitor();
    await logIn(ministry, /^Departementet/, 'dina.departement', 'Dina Departement');
    const notification = ministry.locator('article').filter({ hasText: municipality });
    await notification.waitFor();
    await expect(notification.textContent()).resolves.toContain('500\u00a0000,00\u00a0kr');
    await record(ministry, 'departementet-innboks');
  });

  it('previews and sends the grant letter, which the municipality downloads and accepts', async () => {
    const preview = await downloadBy(caseworker, () => caseworker.getByRole('button', { name: 'Forhåndsvis vedtaksbrevet (PDF)' }).click());
    const previewText = await pdfText(preview.content);
    expect(previewText).toContain('500 000,00 kr');
    expect(previewText).toContain(municipality);
    await caseworker.getByRole('button', { name: 'Send vedtaksbrevet' }).click();
    await flash(caseworker, 'Vedtaksbrevet er sendt til mottakeren.').waitFor();
    await record(caseworker, 'vedtaksbrev-sendt');

    const applicant = await visitor();
    await logIn(applicant, /^Søker/, 'kari.fjordvik', 'Kari Nordmann', organisationNumber);
    await applicant.getByRole('link', { name: 'Mine søknader' }).click();
    await applicant.getByRole('link', { name: 'Jobbsjansen del A' }).click();
    await expect(applicant.locator('main').textContent()).resolves.toContain('Vedtaksbrev sendt');
    await record(applicant, 'soker-vedtak');
    const letter = await downloadBy(applicant, () => applicant.getByRole('button', { name: /^Last ned tilskuddsbrev/ }).click());
    const letterText = await pdfText(letter.content);
    expect(letterText).toContain('500 000,00 kr');
    expect(letterText).toContain('lavere enn det det er søkt om');
    expect(letterText).toContain('Midlene skal brukes til programrådgivere.');

    await applicant.getByRole('button', { name: 'Aksepter tilskuddet' }).click();
    await flash(applicant, 'Tilskuddet er akseptert.').waitFor();
    await record(applicant, 'tilskudd-akseptert');
    // Payments plans the instalments as GrantAccepted's subscriber, after the acceptance commits.
    await grantAcceptanceHandled(api.app.get(DataSource), [caseId()]);
  });

  it('lets finance run the payout for 496.62, a second finance user approve the batch, and download the payment file', async () => {
    const finance = await visitor();
    await logIn(finance, /^Økonomi/, 'fiona.okonomi', 'Fiona Økonomi');
    await finance.getByLabel('Budsjettår', { exact: true }).fill('2017');
    await finance.getByLabel('Kapittel og post', { exact: true }).selectOption('496.62');
    await finance.getByLabel('Betal det som forfaller til og med (valgfritt)', { exact: true }).fill('2017-12-31');
    await record(finance, 'okonomi-start-kjoring');
    await finance.getByRole('button', { name: 'Start utbetalingskjøring' }).click();
    await flash(finance, 'Utbetalingskjøringen for 496.62 er startet.').waitFor();
    await finance.getByRole('status').filter({ hasText: /^Fullført/ }).waitFor({ timeout: 30_000 });
    await record(finance, 'kjoring-fullfort');
    await finance.getByRole('link', { name: 'Åpne betalingsbunten' }).click();
    await finance.getByRole('heading', { level: 1, name: /Betalingsbunt 496\.62/ }).waitFor();
    batchUrl = new URL(finance.url()).pathname;
    await finance.getByRole('button', { name: 'Godkjenn bunten' }).click();
    await finance.getByRole('alert').filter({ hasText: 'En annen i økonomi må godkjenne den (fire øyne).' }).waitFor();
    await record(finance, 'bunt-fire-oyne');

    const second = await visitor();
    await logIn(second, /^Økonomi/, 'frode.okonomi', 'Frode Økonomi');
    await second.getByRole('region', { name: 'Bunter til godkjenning' }).locator(`a[href="${batchUrl}"]`).click();
    await second.getByRole('button', { name: 'Godkjenn bunten' }).click();
    await flash(second, 'Bunten er godkjent.').waitFor();
    await record(second, 'bunt-godkjent');

    const shown = async (term: string): Promise<string> => (await second.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]').textContent()) ?? '';
    const shownTotal = (await shown('Sum')).replace(/[\s\u00a0]|kr/g, '').replace(',', '.');
    const shownCount = Number(await shown('Antall betalinger'));
    const file = await downloadBy(second, () => second.getByRole('button', { name: 'Last ned betalingsfil (pain.001, XML)' }).click());
    const xml = file.content.toString('utf8');
    const header = /<GrpHdr>.*?<NbOfTxs>(\d+)<\/NbOfTxs><CtrlSum>([\d.]+)<\/CtrlSum>/s.exec(xml)!;
    expect([Number(header[1]), header[2]]).toEqual([shownCount, shownTotal]);
    const ore = (amount: string): bigint => BigInt(amount.replace('.', ''));
    const transfers = [...xml.matchAll(/<CdtTrfTxInf>(.*?)<\/CdtTrfTxInf>/gs)].map((match) => match[1]);
    expect(transfers).toHaveLength(shownCount);
    expect(transfers.reduce((sum, transfer) => sum + ore(/<InstdAmt Ccy="NOK">([\d.]+)<\/InstdAmt>/.exec(transfer)![1]), 0n)).toBe(ore(shownTotal));
    // Both halves of Jobbsjansen's spring-and-autumn plan fall due by 31 December: 250 000 kr each to Fjordvik.
    const ours = transfers.filter((transfer) => transfer.includes(municipality)).map((transfer) => /<InstdAmt Ccy="NOK">([\d.]+)<\/InstdAmt>/.exec(transfer)![1]);
    expect(ours).toEqual(['250000.00', '250000.00']);

    await second.getByRole('link', { name: 'Rapporter' }).click();
    const post = second.getByRole('row', { name: /^496\.62/ });
    await post.waitFor();
    const paid = (await post.getByRole('cell').nth(3).textContent()) ?? '';
    expect(ore(paid.replace(/[\s\u00a0]/g, '').replace(',', '.'))).toBeGreaterThanOrEqual(ore('500000.00'));
    await record(second, 'rapporter-budsjettstatus');
  });
});
