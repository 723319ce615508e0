import ExcelJS from 'exceljs';
import type { INestApplicationContext } from '@nestjs/common';
import { AdjustableClock, Clock } from '@imdi/kernel';
import type { Browser, Page } from 'playwright-core';
import { call, startApi, tokenFor, type RunningApi } from '../support/api-harness';
import { downloadBy, launchBrowser, logInThroughProvider, newVisitor, recordStep } from '../support/browser-harness';
import { startTestIdentityProvider, type RunningTestProvider } from '../support/identity-provider-harness';
import { newAccountNumber, newNationalIdNumber, newOrganisationNumber } from '../support/identifiers';
import { pdfText } from '../support/pdf-text';
import { DataSource } from 'typeorm';
import { grantAcceptanceHandled } from '../support/domain-events';
import { eventually, startWorker } from '../support/worker-harness';

/*
 * Reports on the staff pages in a real browser (needs `npm run build`). A municipality's accepted 2017
 * Jobbsjansen C grant (set up through the API, as far as acceptance) has a report that is long
 * overdue: the recipient sends it through the API (the applicant's pages are tested on their own),
 * first with a part missing; a caseworker reads it and asks for more, the recipient adds the signed
 * accounts and sends it again, and the caseworker opens the attachment and approves it. Then finance
 * runs the payout for the grant's post, a second finance user approves the batch and downloads the
 * payment file; finance orders the accounting status and the half-year pack, follows them to
 * completion, reads the figures and downloads Excel and PDF, and the ministry finds the reports.
 * Every page is checked with axe-core and photographed, the key ones also at 320 px.
 */
// A browser, a worker and five people's logins: more than jest's default minute on a busy machine.
jest.setTimeout(180_000);

/** "1 234 567,50" as the page writes it → "1234567.50" as the API does; strings only. */
const decimalOf = (shown: string): string =>
  shown
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace('−', '-')
    .replace(',', '.');
/** "1234567.50" → "1234567.5": how the same amount reads once stored as a number in xlsx. */
const asStoredNumber = (decimal: string): string => (decimal.includes('.') ? decimal.replace(/0+$/, '').replace(/\.$/, '') : decimal);
const spaced = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');

describe("The web front end for reports: a recipient's report assessed, and the reporting jobs ordered and read", () => {
  let api: RunningApi;
  let provider: RunningTestProvider;
  let worker: INestApplicationContext;
  let clock: AdjustableClock;
  let browser: Browser;
  // After the grant journey's steps, so the screenshots of both can sit in one folder.
  let step = 40;
  const organisationNumber = newOrganisationNumber();
  // The person who logs in through the local provider, authorised (Altinn-style) for this test's organisation.
  const APPLICANT_PID = newNationalIdNumber('1980-05-12', 'female');
  const recipient = 'Nordvik kommune';
  let caseId: string;
  let caseNumber: string;
  const reportIds: string[] = [];

  const record = (page: Page, name: string): Promise<void> => recordStep(page, ++step, name);
  const visitor = async (): Promise<Page> => (await newVisitor(browser, api.baseUrl)).page;
  const flash = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text });
  /** A section and the scrolling table inside it share their heading's name; the section comes first. */
  const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true }).first();
  let applicantToken: string;
  const asRecipient = (path: string, json: object) => call(api.baseUrl, path, { method: 'POST', token: applicantToken, json });

  /** The page reflows at 320 px (nothing wider than the screen but tables scrolling in their own region) and passes axe there too. */
  async function narrow(page: Page, name: string): Promise<void> {
    await page.setViewportSize({ width: 320, height: 900 });
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);
    await record(page, `${name}-320`);
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  async function logIn(page: Page, userName: string): Promise<void> {
    await logInThroughProvider(page, 'staff', userName);
  }

  beforeAll(async () => {
    provider = await startTestIdentityProvider({
      staff: [
        { userName: 'rapport.saksbehandler', name: 'Rune Saksbehandler', groups: ['imdi-tilskudd-saksbehandler'] },
        { userName: 'rapport.godkjenner', name: 'Rita Godkjenner', groups: ['imdi-tilskudd-godkjenner'] },
        { userName: 'fiona.rapport', name: 'Fiona Rapport', groups: ['imdi-tilskudd-okonomi'] },
        { userName: 'frode.rapport', name: 'Frode Rapport', groups: ['imdi-tilskudd-okonomi'] },
        { userName: 'aid.rapport', name: 'Dina Departement', groups: ['aid-tilskudd-departement'] },
      ],
      persons: [
        {
          nationalIdNumber: APPLICANT_PID,
          name: 'Nora Nordvik',
          representations: [{ organisationNumber, organisationName: recipient, resources: ['imdi-tilskudd'] }],
        },
      ],
    });
    api = await startApi();
    worker = await startWorker();
    clock = api.app.get(Clock) as AdjustableClock;
    const base = api.baseUrl;
    const post = async (path: string, token: string, json: object = {}, expected = [200, 201]): Promise<any> => {
      const response = await call(base, path, { method: 'POST', token, json });
      expect([path, expected.includes(response.status) ? 'ok' : response.status, response.body?.detail]).toEqual([path, 'ok', undefined]);
      return response.body;
    };
    // Kap./post 496.62: the payout suites count every payment of their runs on 496.73, and this grant's due instalment must not be among them.
    const scheme = (await call(base, '/schemes/jobbsjansen-c?year=2017')).body;
    // A day into the 2017 window; the project ends 30 September, so the report was due 30 December 2017.
    clock.set(new Date(new Date(scheme.window.opensAt).getTime() + 86_400_000));
    const admin = await tokenFor({ sub: 'ada', roles: ['admin'] });
    await post('/admin/delegations', admin, {
      approverId: 'rapport.godkjenner',
      budgetPost: '496.62',
      maxAmountNok: '1000000',
      reference: 'Delegeringsvedtak 2017-03',
    });
    const applicant = await tokenFor({ sub: 'nora.nordvik', roles: ['applicant'], organisationNumbers: [organisationNumber] });
    applicantToken = applicant;
    const caseworker = await tokenFor({ sub: 'rapport.saksbehandler', roles: ['caseworker'] });
    const approver = await tokenFor({ sub: 'rapport.godkjenner', roles: ['approver'] });
    await post('/organisations', applicant, {
      organisationNumber,
      name: recipient,
      kind: 'kommune',
      municipalityNumber: '1868',
      accountNumber: newAccountNumber(),
      writtenStandard: 'nb',
      contactName: 'Nora Nordvik',
      contactEmail: 'nora@nordvik.kommune.no',
    });
    const form: Record<string, unknown> = {
      projectTitle: 'Et ekstra år i Nordvik',
      description: 'Et ekstra år i introduksjonsprogrammet for deltakere som trenger det for å komme i arbeid.',
      periodStart: '2017-03-01',
      periodEnd: '2017-09-30',
      budget: [{ description: 'Koordinator og samlinger', amountNok: '300000' }],
      requestedAmountNok: '300000',
      contactName: 'Nora Nordvik',
      contactEmail: 'nora@nordvik.kommune.no',
      participantsInProgramme: 20,
      plannedParticipants: 12,
    };
    for (const [field, property] of Object.entries(scheme.formSchema.properties as Record<string, { type?: string; enum?: string[] }>)) {
      if (!(field in form))
        form[field] = property.enum
          ? property.enum[0]
          : property.type === 'integer' || property.type === 'number'
            ? 5
            : 'Beskrivelse av tiltaket for deltakerne i introduksjonsprogrammet.';
    }
    caseId = (await post('/applications', applicant, { organisationNumber, schemeCode: 'jobbsjansen-c', budgetYear: 2017, form })).id;
    const submitted = await call(base, `/applications/${caseId}/submit`, {
      method: 'POST',
      token: applicant,
      headers: { 'idempotency-key': `reports-journey-${caseId}` },
    });
    expect([submitted.status, submitted.body.detail]).toEqual([201, undefined]);
    caseNumber = submitted.body.caseNumber;
    await post(`/casework/cases/${caseId}/proposal`, caseworker, { amountNok: '300000', reasons: 'Vurdert etter kriteriene i regelverket.' });
    await post(`/casework/cases/${caseId}/approve`, approver);
    await post('/casework/ministry-notifications', caseworker, { schemeCode: 'jobbsjansen-c', budgetYear: 2017 });
    await eventually(
      async () => ((await call(base, `/casework/cases/${caseId}`, { token: caseworker })).body.ministryNotification.deliveredAt ? true : undefined),
      30_000,
    );
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    clock?.set(undefined);
    await worker?.close();
    await api?.close();
    await provider?.stop();
  });

  let caseworker: Page;

  it('lets the caseworker preview the grant letter and send it, and the recipient (through the API) accept the grant', async () => {
    caseworker = await visitor();
    await logIn(caseworker, 'rapport.saksbehandler');
    await caseworker.goto(`/saksbehandling/saker/${caseId}`);
    await caseworker.getByRole('heading', { level: 1, name: new RegExp(`Sak ${caseNumber}`) }).waitFor();
    const preview = caseworker.getByRole('link', { name: 'Forhåndsvis brevet' });
    const href = (await preview.getAttribute('href'))!;
    const pdf = await caseworker.request.get(href);
    const previewBytes = await pdf.body();
    expect([pdf.status(), previewBytes.subarray(0, 5).toString('latin1')]).toEqual([200, '%PDF-']);
    const previewText = spaced(await pdfText(previewBytes));
    expect(previewText).toContain('300 000,00 kr');
    expect(previewText).toContain(recipient);
    await record(caseworker, 'sak-brev-klart');
    await caseworker.getByRole('button', { name: 'Send brevet' }).click();
    await caseworker.getByRole('button', { name: 'Bekreft: send brevet' }).click();
    await flash(caseworker, 'Brevet er sendt.').waitFor();
    await caseworker
      .getByRole('region', { name: 'Brev', exact: true })
      .getByRole('link', { name: /^Tilskuddsbrev/ })
      .waitFor();
    await record(caseworker, 'sak-brev-sendt');
    expect((await asRecipient(`/cases/${caseId}/accept`, {})).body.status).toBe('accepted');
    // Payments and the reporting duty follow the acceptance through its event.
    await grantAcceptanceHandled(api.app.get(DataSource), [caseId]);
    // Back to today: the report's deadline lies years behind, so it is overdue.
    clock.set(undefined);
  });

  it('lists the overdue report for the caseworker', async () => {
    await caseworker.goto('/');
    await caseworker.getByRole('link', { name: 'Mottakernes rapporter' }).click();
    await caseworker.getByRole('heading', { level: 1, name: 'Rapporter fra tilskuddsmottakere' }).waitFor();
    await region(caseworker, 'På etterskudd').getByRole('link', { name: caseNumber, exact: true }).waitFor();
    await expect(region(caseworker, 'Til vurdering').getByRole('link', { name: caseNumber, exact: true }).count()).resolves.toBe(0);
    await record(caseworker, 'mottakerrapporter-etterskudd');
    await narrow(caseworker, 'mottakerrapporter-etterskudd');
  });

  const content = {
    useOfFunds: 'Midlene er brukt til programrådgivere og språkopplæring.',
    spentNok: '300000',
    results: 'Tolv deltakere fikk et ekstra år; sju er i arbeid.',
    participantsFemale: 7,
    accounts: [{ description: 'Koordinator og samlinger', amountNok: '300000' }],
  };

  it('takes the report from the recipient (through the API) only once it is complete', async () => {
    const incomplete = await asRecipient(`/cases/${caseId}/report`, content);
    expect([incomplete.status, incomplete.body.code, incomplete.body.errors?.[0]?.field]).toEqual([422, 'REPORT_INCOMPLETE', 'participantsMale']);
    const sent = await asRecipient(`/cases/${caseId}/report`, { ...content, participantsMale: 5 });
    expect([sent.status, sent.body.status, sent.body.detail]).toEqual([201, 'submitted', undefined]);
  });

  it('lets the caseworker read the submitted report and ask for more, with a comment', async () => {
    await caseworker.reload();
    await region(caseworker, 'Til vurdering').getByRole('link', { name: caseNumber, exact: true }).click();
    await caseworker.getByRole('heading', { level: 1, name: new RegExp(`Sak ${caseNumber}`) }).waitFor();
    const report = region(caseworker, 'Rapport fra mottakeren');
    await report.getByRole('button', { name: 'Be om mer' }).waitFor();
    const shown = spaced((await report.textContent()) ?? '');
    for (const part of [
      'Midlene er brukt til programrådgivere og språkopplæring.',
      'Tolv deltakere fikk et ekstra år; sju er i arbeid.',
      'Koordinator og samlinger',
      '300 000,00 kr',
      'Levert, til vurdering',
    ])
      expect(shown).toContain(part);
    await record(caseworker, 'rapport-til-vurdering');

    await report.getByRole('button', { name: 'Be om mer' }).click();
    await report.getByText('Skriv hva mottakeren må sende mer av.').waitFor();
    await expect(caseworker.getByLabel('Kommentar til mottakeren', { exact: true }).getAttribute('aria-invalid')).resolves.toBe('true');
    expect((await call(api.baseUrl, `/cases/${caseId}/report`, { token: applicantToken })).body.status).toBe('submitted');
    await record(caseworker, 'rapport-be-om-mer-uten-kommentar');
    await caseworker.getByLabel('Kommentar til mottakeren', { exact: true }).fill('Send regnskapet signert av styret.');
    await report.getByRole('button', { name: 'Be om mer' }).click();
    await flash(caseworker, 'Mottakeren er bedt om mer').waitFor();
    await report.getByRole('heading', { name: 'IMDi ber om mer' }).waitFor();
    await expect(report.textContent()).resolves.toContain('Send regnskapet signert av styret.');
    expect((await call(api.baseUrl, `/cases/${caseId}/report`, { token: applicantToken })).body).toMatchObject({
      status: 'more_requested',
      reviewComment: 'Send regnskapet signert av styret.',
    });
    await record(caseworker, 'rapport-bedt-om-mer');
  });

  const signedAccounts = Buffer.from('%PDF-1.4\n% Regnskap 2017, signert av styret\n%%EOF\n');

  it('takes the signed accounts and the report again from the recipient (through the API)', async () => {
    const attached = await call(api.baseUrl, `/cases/${caseId}/report/attachments?fileName=regnskap-signert.pdf`, {
      method: 'POST',
      token: applicantToken,
      headers: { 'content-type': 'application/octet-stream' },
      body: signedAccounts,
    });
    expect([attached.status, attached.body.detail]).toEqual([201, undefined]);
    const sent = await asRecipient(`/cases/${caseId}/report`, { ...content, participantsMale: 5 });
    expect([sent.status, sent.body.status]).toEqual([201, 'submitted']);
  });

  it('lets the caseworker open the attachment and approve the report', async () => {
    await caseworker.reload();
    const report = region(caseworker, 'Rapport fra mottakeren');
    await report.getByRole('button', { name: 'Godkjenn rapport' }).waitFor();
    const attachment = await downloadBy(caseworker, () => report.getByRole('link', { name: 'Last ned regnskap-signert.pdf' }).click());
    expect(attachment.content.equals(signedAccounts)).toBe(true);
    await record(caseworker, 'rapport-til-godkjenning');
    await narrow(caseworker, 'rapport-til-godkjenning');
    await report.getByRole('button', { name: 'Godkjenn rapport' }).click();
    await flash(caseworker, 'Rapporten er godkjent.').waitFor();
    await report.getByRole('heading', { name: 'Rapporten er godkjent' }).waitFor();
    await expect(report.getByRole('button', { name: 'Godkjenn rapport' }).count()).resolves.toBe(0);
    const caseworkerToken = await tokenFor({ sub: 'rapport.saksbehandler', roles: ['caseworker'] });
    expect((await call(api.baseUrl, `/cases/${caseId}/report`, { token: caseworkerToken })).body).toMatchObject({
      status: 'approved',
      reviewComment: 'Rapporten er godkjent.',
    });
    await record(caseworker, 'rapport-godkjent');
  });

  let finance: Page;

  it('lets finance run the payout for 496.62, a second finance user approve the batch, and download the payment file', async () => {
    finance = await visitor();
    await logIn(finance, 'fiona.rapport');
    await finance.getByRole('link', { name: 'Utbetalinger', exact: true }).click();
    await finance.getByLabel('Budsjettår', { exact: true }).fill('2017');
    await finance.getByLabel('Kapittel og post', { exact: true }).fill('496.62');
    await finance.getByLabel('Forfall til og med (valgfritt)', { exact: true }).fill('2017-12-31');
    await record(finance, 'okonomi-start-kjoring');
    await finance.getByRole('button', { name: 'Start utbetalingskjøring' }).click();
    await flash(finance, 'Utbetalingskjøringen for 496.62 er startet.').waitFor();
    await finance
      .getByRole('status')
      .filter({ hasText: /^Fullført/ })
      .waitFor({ timeout: 60_000 });
    await record(finance, 'kjoring-fullfort');
    await finance.getByRole('link', { name: 'Åpne betalingsbunten' }).click();
    await finance.getByRole('heading', { level: 1, name: 'Betalingsbunt' }).waitFor();
    const batchUrl = new URL(finance.url()).pathname;
    await finance.getByLabel('Jeg har kontrollert mottakere, kontonumre og beløp').check();
    await finance.getByRole('button', { name: 'Godkjenn bunten' }).click();
    await finance.getByRole('alert').filter({ hasText: 'fire øyne' }).waitFor();
    await record(finance, 'bunt-fire-oyne');

    const second = await visitor();
    await logIn(second, 'frode.rapport');
    await second.goto(batchUrl);
    await second.getByLabel('Jeg har kontrollert mottakere, kontonumre og beløp').check();
    await second.getByRole('button', { name: 'Godkjenn bunten' }).click();
    await flash(second, 'Bunten er godkjent').waitFor();
    await record(second, 'bunt-godkjent');

    const shown = async (term: string): Promise<string> =>
      (await second.locator('dt', { hasText: term }).first().locator('xpath=following-sibling::dd[1]').textContent()) ?? '';
    const shownTotal = (await shown('Sum')).replace(/[\s\u00a0\u202f]|kr/g, '').replace(',', '.');
    const shownCount = Number(await shown('Betalinger'));
    expect(shownCount).toBeGreaterThan(0);
    const file = await downloadBy(second, () => second.getByRole('link', { name: 'Last ned betalingsfil (pain.001, XML)' }).click());
    const xml = file.content.toString('utf8');
    const header = /<GrpHdr>.*?<NbOfTxs>(\d+)<\/NbOfTxs><CtrlSum>([\d.]+)<\/CtrlSum>/s.exec(xml)!;
    expect([Number(header[1]), header[2]]).toEqual([shownCount, shownTotal]);
    const transfers = [...xml.matchAll(/<CdtTrfTxInf>(.*?)<\/CdtTrfTxInf>/gs)].map((match) => match[1]);
    expect(transfers).toHaveLength(shownCount);
    expect(transfers.some((transfer) => transfer.includes(recipient))).toBe(true);
  });

  /** Orders from the reports page and waits on the report's own page until the worker has finished it. */
  async function order(kind: string, fill: () => Promise<void>, name: string): Promise<void> {
    await finance.goto('/');
    await finance.getByRole('link', { name: 'Rapporter', exact: true }).click();
    const ordering = region(finance, 'Bestill rapport');
    await ordering.getByRole('radio', { name: kind }).check();
    await ordering.getByLabel('Budsjettår', { exact: true }).fill('2017');
    await fill();
    await record(finance, `bestill-${name}`);
    await ordering.getByRole('button', { name: 'Bestill rapporten' }).click();
    await flash(finance, `${kind} for 2017 er bestilt.`).waitFor();
    reportIds.push(new URL(finance.url()).pathname.split('/').pop()!);
    // The page asks the API until the worker is done; the live region says how far it has come.
    await finance
      .locator('#rapport-status')
      .filter({ hasText: /^Ferdig/ })
      .waitFor({ timeout: 60_000 });
    await expect(finance.locator('#rapport-fremdrift').getAttribute('value')).resolves.toBe('100');
  }

  it('lets finance order the accounting status, follow it to completion, and read the same figures in the page, the xlsx and the pdf', async () => {
    await order(
      'Regnskapsstatus og prognose per kap./post',
      () => region(finance, 'Bestill rapport').getByLabel('Per dato (valgfritt)', { exact: true }).fill('2017-12-31'),
      'regnskapsstatus',
    );
    await expect(finance.locator('main dl').first().textContent()).resolves.toContain('31.12.2017');

    const status = finance.locator('table', { has: finance.locator('caption', { hasText: 'Regnskapsstatus per kap./post per 31.12.2017, beløp i kroner' }) });
    const headers = (await status.locator('thead th').allTextContents()).map((text) => text.trim());
    const paidColumn = headers.indexOf('Utbetalt (kr)');
    const frameColumn = headers.indexOf('Ramme (kr)');
    expect([paidColumn, frameColumn].every((index) => index > 0)).toBe(true);
    await expect(status.locator('thead th').nth(paidColumn).getAttribute('scope')).resolves.toBe('col');
    const post73 = status.locator('tbody tr', { has: finance.locator('th[scope="row"]', { hasText: '496.73' }) });
    await expect(
      post73
        .locator('th, td')
        .nth(frameColumn)
        .textContent()
        .then((text) => spaced(text ?? '')),
    ).resolves.toBe('14 085 000,00');
    const cell73 = async (label: string): Promise<string> => spaced((await post73.locator('th, td').nth(headers.indexOf(label)).textContent()) ?? '');
    const committedPaidReclaimed73 = [await cell73('Tilsagn (ikke utbetalt) (kr)'), await cell73('Utbetalt (kr)'), await cell73('Tilbakebetalt (kr)')];
    await expect(post73.locator('th, td').nth(paidColumn).getAttribute('class')).resolves.toBe('number');
    const total = async (column: number): Promise<string> => decimalOf((await status.locator('tfoot tr').locator('th, td').nth(column).textContent()) ?? '');
    // The page's totals are the API's, to the øre.
    const budget = (await call(api.baseUrl, '/budget/2017?asOf=2017-12-31', { token: await tokenFor({ sub: 'fiona.rapport', roles: ['finance'] }) })).body;
    const shownFrame = await total(frameColumn);
    expect([shownFrame, await total(paidColumn)]).toEqual([budget.totals.frameNok, budget.totals.paidNok]);
    await record(finance, 'regnskapsstatus-ferdig');
    await narrow(finance, 'regnskapsstatus-ferdig');

    const xlsx = await downloadBy(finance, () => finance.getByRole('link', { name: 'Last ned Excel-fil (xlsx)' }).click());
    expect(xlsx.download.suggestedFilename()).toBe('accounting-status-2017-per-2017-12-31.xlsx');
    expect(xlsx.content.subarray(0, 2).toString('latin1')).toBe('PK');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.content.buffer.slice(xlsx.content.byteOffset, xlsx.content.byteOffset + xlsx.content.length) as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const sheetHeaders = (sheet.getRow(4).values as unknown[]).slice(1);
    const totals = sheet.getRows(5, sheet.rowCount - 4)!.find((row) => row.getCell(1).value === 'Sum')!;
    // The frame total, since it is never 0: exceljs reads a formula's cached result of 0 back as no result.
    const frameTotal = totals.getCell(sheetHeaders.indexOf('Ramme') + 1).value as ExcelJS.CellFormulaValue;
    expect(frameTotal.formula).toMatch(/^SUM\(/);
    expect(String(frameTotal.result)).toBe(asStoredNumber(shownFrame));

    const pdf = await downloadBy(finance, () => finance.getByRole('link', { name: 'Last ned PDF' }).click());
    expect(pdf.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = spaced(await pdfText(pdf.content));
    expect(text).toContain('Regnskapsstatus per kap./post per 31.12.2017');
    // Three neighbouring cells of 496.73 as the page shows them: the PDF's narrow columns cut only ten-digit amounts short.
    expect(text).toContain(`496.73 Tilskudd`);
    expect(text).toContain(committedPaidReclaimed73.map((amount) => `${amount} kr`).join(' '));
  });

  it('lets finance order the half-year pack, whose date is fixed to 30 June', async () => {
    await order(
      'Halvårsrapportering per 30. juni',
      async () => {
        const ordering = region(finance, 'Bestill rapport');
        await expect(ordering.getByLabel('Per dato (valgfritt)', { exact: true }).isVisible()).resolves.toBe(false);
        await ordering.getByText('Rapporten tas per 30.06.2017.').waitFor();
      },
      'halvarsrapportering',
    );
    for (const title of [
      'Regnskapsstatus per kap./post per 30.06.2017',
      'Prognose for resten av året',
      'Søknader, vedtak og rapporter per tilskuddsordning per 30.06.2017',
      'Personer etter kjønn per 30.06.2017',
    ]) {
      await finance.getByRole('heading', { level: 2, name: title }).waitFor();
    }
    const schemes = finance.locator('table', { has: finance.locator('caption', { hasText: 'Søknader, vedtak og rapporter per tilskuddsordning' }) });
    const jobbsjansenC = schemes.locator('tbody tr', { has: finance.locator('th', { hasText: /^Jobbsjansen del C/ }) });
    await expect(jobbsjansenC.locator('td.number').count()).resolves.toBeGreaterThan(0);
    await record(finance, 'halvarsrapportering-ferdig');
  });

  it('shows the ministry the reports that have been ordered', async () => {
    const ministry = await visitor();
    await logIn(ministry, 'aid.rapport');
    await ministry.getByRole('link', { name: 'Rapporter', exact: true }).click();
    const list = region(ministry, 'Bestilte rapporter');
    await list.getByRole('link').first().waitFor();
    for (const [id, name] of [
      [reportIds[0], 'Regnskapsstatus og prognose per kap./post 2017'],
      [reportIds[1], 'Halvårsrapportering per 30. juni 2017'],
    ]) {
      const link = list.locator(`a[href="/rapporter/${id}"]`);
      await expect(link.textContent()).resolves.toBe(name);
      await expect(
        list
          .getByRole('row')
          .filter({ has: ministry.locator(`a[href="/rapporter/${id}"]`) })
          .textContent(),
      ).resolves.toContain('Ferdig');
    }
    await record(ministry, 'departementet-rapporter');
    await narrow(ministry, 'departementet-rapporter');
    await list.locator(`a[href="/rapporter/${reportIds[0]}"]`).click();
    await ministry
      .locator('#rapport-status')
      .filter({ hasText: /^Ferdig/ })
      .waitFor();
    await ministry.getByRole('link', { name: 'Last ned PDF' }).waitFor();
  });
});
