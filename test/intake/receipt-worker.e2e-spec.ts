import type { INestApplicationContext } from '@nestjs/common';
import { AdjustableClock, Clock } from '@imdi/kernel';
import { DataSource } from 'typeorm';
import { call, startApi, tokenFor, type RunningApi } from '../support/api-harness';
import { newAccountNumber, newOrganisationNumber } from '../support/identifiers';
import { pdfText } from '../support/pdf-text';
import { eventually, startWorker } from '../support/worker-harness';

describe('After a submission commits', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let receipt: { pdf: Buffer; organisationNumber: string } | undefined;

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker();
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  it('the worker issues the receipt through the outbox, once', async () => {
    const organisationNumber = newOrganisationNumber();
    const token = await tokenFor({ sub: 'ola', name: 'Ola Nordmann', roles: ['applicant'], organisationNumbers: [organisationNumber] });
    await call(api.baseUrl, '/organisations', {
      method: 'POST',
      token,
      json: {
        organisationNumber,
        name: 'Bokmål kommune',
        kind: 'kommune',
        municipalityNumber: '0301',
        accountNumber: newAccountNumber(),
        writtenStandard: 'nb',
        contactName: 'Ola',
        contactEmail: 'ola@example.no',
      },
    });
    const scheme = (await call(api.baseUrl, '/schemes/kommunale-utviklingsmidler?year=2017')).body;
    (api.app.get(Clock) as AdjustableClock).set(new Date(new Date(scheme.window.opensAt).getTime() + 3600_000));
    const form = {
      projectTitle: 'Kvalifisering for tilflyttere',
      description: 'Et utviklingsprosjekt som skal gi tilflyttere med høyere utdanning et bedre tilbud.',
      periodStart: '2017-03-01',
      periodEnd: '2017-12-31',
      budget: [{ description: 'Prosjektleder', amountNok: '400000' }],
      requestedAmountNok: '400000',
      contactName: 'Ola',
      contactEmail: 'ola@example.no',
      subGoal: 'higher-education-from-abroad',
    };
    const created = await call(api.baseUrl, '/applications', {
      method: 'POST',
      token,
      json: { organisationNumber, schemeCode: 'kommunale-utviklingsmidler', budgetYear: 2017, form },
    });
    expect(created.status).toBe(201);
    const submitted = await call(api.baseUrl, `/applications/${created.body.id}/submit`, {
      method: 'POST',
      token,
      headers: { 'idempotency-key': 'worker-receipt-1' },
    });
    expect([submitted.status, submitted.body.errors]).toEqual([201, undefined]);

    const dataSource = api.app.get(DataSource);
    const sha256 = await eventually(async () => {
      const [row] = await dataSource.query('SELECT receipt_sha256 FROM application WHERE id = $1', [created.body.id]);
      return row.receipt_sha256 ?? undefined;
    });
    const download = await call(api.baseUrl, `/applications/${created.body.id}/receipt`, { token });
    expect(download.headers.get('x-content-sha256')).toBe(sha256);
    (api.app.get(Clock) as AdjustableClock).set(undefined);
    receipt = { pdf: download.body as Buffer, organisationNumber };
  });

  it("lists the answers by the form's Norwegian labels, in Norwegian formats, with no JSON keys", async () => {
    const text = await pdfText(receipt!.pdf);
    expect(text).toContain(`Bokmål kommune (org.nr. ${receipt!.organisationNumber.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3')})`);
    expect(text).toMatch(/Mottatt \d{2}\.\d{2}\.20\d{2} kl\. \d{2}:\d{2}:\d{2}/);
    expect(text).toContain('Sendt inn av Ola Nordmann');
    expect(text).toContain('Prosjektets navn Kvalifisering for tilflyttere');
    expect(text).toContain('Prosjektet starter 01.03.2017');
    expect(text).toContain('Prosjektet slutter 31.12.2017');
    expect(text).toMatch(/Budsjettlinje 1 Hva pengene skal brukes til Prosjektleder Beløp 400 000 kr/);
    expect(text).toContain('Omsøkt beløp 400 000 kr');
    expect(text).toContain('Kontaktperson Ola');
    for (const key of [
      'projectTitle',
      'periodStart',
      'budget[1]',
      'amountNok',
      'requestedAmountNok',
      'contactEmail',
      'subGoal',
      'budgetYear',
      'higher-education-from-abroad',
    ]) {
      expect(text).not.toContain(key);
    }
  });
});
