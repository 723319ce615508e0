import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { projectRoot } from '@imdi/platform';
import { ImportSchemeYear, type SchemeYearDocument } from '@imdi/schemes';
import { DataSource } from 'typeorm';
import { RunPayoutsHandler } from '../../libs/payments/src/application/run-payouts.handler';
import { call, startApi, tokenFor, type RunningApi } from '../support/api-harness';
import { newAccountNumber, newNationalIdNumber, newOrganisationNumber } from '../support/identifiers';
import { validatePain001 } from '../support/pain001-schema';
import { eventually, startWorker } from '../support/worker-harness';

/** A budget year of this test's own (2020: past, so settlement dates are real, and no other test's). */
const YEAR = 2020;

/** The rates this test sets and confirms, in kroner: every amount below is computed by hand from them. */
const INTEGRERINGSTILSKUDD: Record<string, string> = {
  'year1-single-adult': '230000',
  'year1-adult': '180000',
  'year1-unaccompanied-minor': '185000',
  'year1-child': '170000',
  year2: '220000',
  year3: '160000',
  year4: '80000',
  year5: '70000',
  elderly: '165000',
  kindergarten: '25000',
};
const ENSLIGE_MINDREAARIGE: Record<string, string> = { 'age-0-16': '200000', 'age-17-20': '150000' };

describe('Per-capita payouts by period', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let dataSource: DataSource;
  let admin: string;
  let finance: string;
  let financeB: string;
  const municipality = newOrganisationNumber();
  const people = {
    // Birth dates no other test uses: the same date, gender and counter would make the same person.
    singleAdult: newNationalIdNumber('1990-04-12', 'female'),
    adultInYearTwo: newNationalIdNumber('1985-11-29', 'male'),
    child: newNationalIdNumber('2017-03-01', 'female'),
    elderly: newNationalIdNumber('1958-04-01', 'male'),
    adultInYearSix: newNationalIdNumber('1971-03-04', 'male'),
  };
  const record = (nationalIdNumber: string, settlementDate: string, category: string) => ({
    nationalIdNumber,
    organisationNumber: municipality,
    municipalityNumber: '1520',
    settlementDate,
    category,
  });
  const post = (path: string, token: string, json: object = {}) => call(api.baseUrl, path, { method: 'POST', token, json });

  async function setRates(scheme: string, rates: Record<string, string>, confirm: boolean): Promise<void> {
    for (const [code, amountNok] of Object.entries(rates)) {
      expect(
        (
          await call(api.baseUrl, `/admin/schemes/${scheme}/versions/${YEAR}/rates/${code}`, {
            method: 'PUT',
            token: admin,
            json: { amountNok, source: 'test' },
          })
        ).status,
      ).toBe(200);
      if (confirm) expect((await post(`/admin/schemes/${scheme}/versions/${YEAR}/rates/${code}/confirm`, admin)).status).toBe(200);
    }
  }

  /** Starts a per-capita run and waits until the worker has finished it. */
  async function run(schemeCode: string, period: string): Promise<any> {
    const started = await post('/payments/per-capita/runs', finance, { schemeCode, budgetYear: YEAR, period, asOf: `${YEAR}-12-15` });
    expect([started.status, started.body.errors]).toEqual([202, undefined]);
    return eventually(async () => {
      const view = (await call(api.baseUrl, `/payments/runs/${started.body.id}`, { token: finance })).body;
      return view.status === 'completed' || view.status === 'refused' ? view : undefined;
    }, 30000);
  }

  const paymentsOf = async (runId: string): Promise<Array<{ amount: string; reference: string }>> =>
    dataSource.query(`SELECT amount_ore::text AS amount, reference FROM payment WHERE run_id = $1 AND organisation_number = $2 ORDER BY reference`, [
      runId,
      municipality,
    ]);

  const paidOnPost = async (budgetPost: string): Promise<string> =>
    (await call(api.baseUrl, `/budget/${YEAR}`, { token: finance })).body.posts.find((entry: any) => entry.budgetPost === budgetPost).paidNok;

  const settlements = async (scheme = 'integreringstilskudd') =>
    (await call(api.baseUrl, `/payments/per-capita/${scheme}/${YEAR}/${municipality}/settlements`, { token: finance })).body;

  const recordId = async (scheme: string, birthDate: string): Promise<string> =>
    (await call(api.baseUrl, `/payments/per-capita/${scheme}/records?organisationNumber=${municipality}`, { token: finance })).body.find(
      (entry: any) => entry.birthDate === birthDate,
    ).id;

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker();
    dataSource = api.app.get(DataSource);
    admin = await tokenFor({ sub: 'ada', roles: ['admin'] });
    finance = await tokenFor({ sub: 'fiona', roles: ['finance'] });
    financeB = await tokenFor({ sub: 'frode', roles: ['finance'] });
    // The year's frames and scheme data, through the same checked imports the 2017 seed uses.
    const letter = JSON.parse(readFileSync(join(projectRoot(), 'data', 'allocation-letters', '2017.json'), 'utf8'));
    expect((await post('/admin/budget/allocation-letters', admin, { ...letter, budgetYear: YEAR, source: `test ${YEAR}` })).status).toBe(201);
    const schemes = JSON.parse(readFileSync(join(projectRoot(), 'data', 'schemes', '2017.json'), 'utf8')) as SchemeYearDocument;
    await api.app.get(ImportSchemeYear).execute({ ...schemes, budgetYear: YEAR, source: `test ${YEAR}` }, { userId: 'ada', roles: ['admin'] });
    const applicant = await tokenFor({ sub: 'kommune-okonomi', roles: ['applicant'], organisationNumbers: [municipality] });
    const registered = await post('/organisations', applicant, {
      organisationNumber: municipality,
      name: 'Småby kommune',
      kind: 'kommune',
      municipalityNumber: '1520',
      accountNumber: newAccountNumber(),
      writtenStandard: 'nn',
      contactName: 'Kari',
      contactEmail: 'kari@example.no',
    });
    expect(registered.status).toBe(201);
    const imported = await post('/payments/per-capita/integreringstilskudd/records', finance, {
      records: [
        record(people.singleAdult, '2020-02-10', 'single-adult'),
        record(people.adultInYearTwo, '2019-06-01', 'adult'),
        record(people.child, '2020-05-05', 'child'),
        record(people.elderly, '2020-01-15', 'adult'),
        record(people.adultInYearSix, '2015-01-01', 'adult'),
      ],
    });
    expect(imported.body).toEqual({ imported: 5, corrected: 0, unchanged: 0 });
  });

  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  it('refuses a run while any of the year’s rates is unconfirmed, naming them, and writes nothing', async () => {
    await setRates('integreringstilskudd', INTEGRERINGSTILSKUDD, false);
    const refused = await post('/payments/per-capita/runs', finance, { schemeCode: 'integreringstilskudd', budgetYear: YEAR, period: `${YEAR}-Q1` });
    expect([refused.status, refused.body.code]).toEqual([409, 'RATES_NOT_CONFIRMED']);
    expect(refused.body.unconfirmed).toEqual(expect.arrayContaining(Object.keys(INTEGRERINGSTILSKUDD)));
    expect(refused.body.detail).toContain('year1-single-adult');

    // A run already queued when a rate lost its confirmation is refused by the worker, with the same names.
    const [queued] = await dataSource.query(
      `INSERT INTO payout_run (kind, scheme_code, period, budget_year, chapter, post, as_of, status, requested_by) VALUES ('per-capita', 'integreringstilskudd', $1, $2, '496', '60', $3, 'queued', 'fiona') RETURNING id`,
      [`${YEAR}-Q1`, YEAR, `${YEAR}-03-31`],
    );
    await worker.get(RunPayoutsHandler).handle({ runId: queued.id }, { jobId: 'test', attempt: 1, updateProgress: async () => undefined });
    const view = (await call(api.baseUrl, `/payments/runs/${queued.id}`, { token: finance })).body;
    expect(view).toMatchObject({ status: 'refused', paymentsCreated: 0, refused: { code: 'RATES_NOT_CONFIRMED' } });
    expect(view.refused.unconfirmed).toEqual(expect.arrayContaining(['year2', 'elderly', 'kindergarten']));
    expect((await dataSource.query(`SELECT count(*)::int AS n FROM per_capita_payout WHERE organisation_number = $1`, [municipality]))[0].n).toBe(0);
  });

  it('pays each quarter the amounts the confirmed rates imply, computed by hand, and books them as paid on 496.60', async () => {
    await setRates('integreringstilskudd', INTEGRERINGSTILSKUDD, true);
    const paidBefore = await paidOnPost('496.60');

    // Q1: single adult settled 10 Feb, year 1                       230 000
    //     adult settled 2019, year 2: 220 000 / 4                     55 000
    //     adult settled 15 Jan at 61: year 1 180 000 + elderly 165 000  345 000
    //     child settled 5 May: year 1 falls in Q2; adult settled 2015: year 6, nothing
    const q1 = await run('integreringstilskudd', `${YEAR}-Q1`);
    expect(q1).toMatchObject({ status: 'completed', kind: 'per-capita', budgetPost: '496.60' });
    // Other tests' municipalities have records but no registered account: they are listed, not paid.
    expect(q1.skipped.map((entry: any) => entry.organisationNumber)).not.toContain(municipality);
    expect(await paymentsOf(q1.id)).toEqual([{ amount: String((230000 + 55000 + 345000) * 100), reference: `${YEAR}-Q1` }]);

    // Q2: Q1 is unchanged; adult in year 2 55 000 + child settled at 3: year 1 170 000 + kindergarten 25 000
    const q2 = await run('integreringstilskudd', `${YEAR}-Q2`);
    expect(await paymentsOf(q2.id)).toEqual([{ amount: String((55000 + 170000 + 25000) * 100), reference: `${YEAR}-Q2` }]);

    const paidAfter = await paidOnPost('496.60');
    expect(BigInt(paidAfter.replace('.', '')) - BigInt(paidBefore.replace('.', ''))).toBe(BigInt((630000 + 250000) * 100));
    expect((await settlements()).lines.map((line: any) => [line.period, line.sequence, line.owedNok, line.paidNok])).toEqual([
      [`${YEAR}-Q1`, 1, '630000.00', '630000.00'],
      [`${YEAR}-Q2`, 1, '250000.00', '250000.00'],
    ]);
  });

  it('pays nothing new when a period is run again', async () => {
    const again = await run('integreringstilskudd', `${YEAR}-Q2`);
    expect(again).toMatchObject({ status: 'completed' });
    expect(await paymentsOf(again.id)).toEqual([]);
    expect((await settlements()).lines).toHaveLength(2);
  });

  it('pays exactly the difference a corrected record makes, in the next run, keeping what was paid', async () => {
    // The elderly man was settled alone: single adult, 50 000 more in year 1 than an adult in a family.
    const id = await recordId('integreringstilskudd', '1958-04-01');
    const corrected = await call(api.baseUrl, `/payments/per-capita/integreringstilskudd/records/${id}`, {
      method: 'PATCH',
      token: finance,
      json: { category: 'single-adult', reason: 'Bosatt alene, ikke i familie (rettet etter melding fra kommunen)' },
    });
    expect(corrected.body).toMatchObject({ category: 'single-adult', revision: 2, nationalIdNumber: `${people.elderly.slice(0, 6)}*****` });
    const history = (await call(api.baseUrl, `/payments/per-capita/integreringstilskudd/records/${id}/history`, { token: finance })).body;
    expect(history.map((entry: any) => [entry.revision, entry.category])).toEqual([
      [1, 'adult'],
      [2, 'single-adult'],
    ]);

    const next = await run('integreringstilskudd', `${YEAR}-Q2`);
    expect(await paymentsOf(next.id)).toEqual([{ amount: String(50000 * 100), reference: `${YEAR}-Q1 korreksjon 1` }]);
    expect((await settlements()).lines.map((line: any) => [line.period, line.sequence, line.owedNok, line.differenceNok, line.paidNok])).toEqual([
      [`${YEAR}-Q1`, 1, '630000.00', '630000.00', '630000.00'],
      [`${YEAR}-Q1`, 2, '680000.00', '50000.00', '50000.00'],
      [`${YEAR}-Q2`, 1, '250000.00', '250000.00', '250000.00'],
    ]);
  });

  it('forecasts what the year’s runs still owe: current records’ entitlement less the latest line of each period settled by the cut-off', async () => {
    const perCapitaRestOfYear = async (asOf: string): Promise<bigint> => {
      const requested = await post('/reports', finance, { kind: 'accounting-status', budgetYear: YEAR, budgetPost: '496.60', asOf });
      expect([requested.status, requested.body.errors]).toEqual([202, undefined]);
      type ReportRun = {
        status: string;
        error?: string;
        report: { sections: Array<{ key: string; table: { rows: Array<{ budgetPost: string; perCapitaRestOfYear: string }> } }> };
      };
      const done = await eventually(async () => {
        const view = (await call(api.baseUrl, `/reports/${requested.body.id}`, { token: finance })).body as ReportRun;
        if (view.status === 'failed') throw new Error(view.error);
        return view.status === 'completed' ? view : undefined;
      }, 30000);
      const [forecast] = done.report.sections.filter((section) => section.key === 'forecast');
      const [post60] = forecast.table.rows.filter((row) => row.budgetPost === '496.60');
      return BigInt(post60.perCapitaRestOfYear.replace('.', ''));
    };
    // The year by the corrected records: Q1 680 000, then 55 000 (year 2) + 195 000 (child) in Q2, 55 000 in Q3 and Q4.
    const entitlement = (await call(api.baseUrl, `/payments/per-capita/integreringstilskudd/${YEAR}/${municipality}`, { token: finance })).body;
    expect(entitlement.totalNok).toBe('1040000.00');
    // Every run so far was made per 15 December: the day before, nothing had been settled.
    const before = await perCapitaRestOfYear(`${YEAR}-12-14`);
    expect(before >= BigInt(1040000 * 100)).toBe(true);
    // Per 15 December Q1 is settled at its last owed amount (680 000, the corrected line, not both lines) and Q2 at 250 000.
    expect(before - (await perCapitaRestOfYear(`${YEAR}-12-15`))).toBe(BigInt((680000 + 250000) * 100));
  });

  it('never pays a negative difference: it is held as credit, set off against the next quarter, and the rest listed for reclaim', async () => {
    const paidBefore = await paidOnPost('496.60');
    // The child was never settled here: the record is voided, not deleted.
    const id = await recordId('integreringstilskudd', '2017-03-01');
    const voided = await call(api.baseUrl, `/payments/per-capita/integreringstilskudd/records/${id}`, {
      method: 'PATCH',
      token: finance,
      json: { voided: true, reason: 'Feilregistrert: barnet ble bosatt i en annen kommune' },
    });
    expect(voided.body).toMatchObject({ voided: true, revision: 2 });

    // Q2 owed drops by 195 000 (year 1 child + kindergarten); Q3 owes 55 000 (year 2), all set off.
    const q3 = await run('integreringstilskudd', `${YEAR}-Q3`);
    expect(q3).toMatchObject({ status: 'completed' });
    expect(await paymentsOf(q3.id)).toEqual([]);
    const after = await settlements();
    expect(after.lines.slice(3).map((line: any) => [line.period, line.sequence, line.differenceNok, line.offsetNok, line.paidNok])).toEqual([
      [`${YEAR}-Q2`, 2, '-195000.00', '0.00', '0.00'],
      [`${YEAR}-Q3`, 1, '55000.00', '55000.00', '0.00'],
    ]);
    expect(after.creditNok).toBe('140000.00');
    expect((await call(api.baseUrl, `/payments/per-capita/integreringstilskudd/${YEAR}/outstanding-credit`, { token: finance })).body).toContainEqual({
      organisationNumber: municipality,
      creditNok: '140000.00',
    });
    expect(await paidOnPost('496.60')).toBe(paidBefore);
    const [{ negative }] = await dataSource.query(`SELECT count(*)::int AS negative FROM payment WHERE amount_ore <= 0`);
    expect(negative).toBe(0);
  });

  it('pays once when two runs of the same period start at the same moment', async () => {
    const id = await recordId('integreringstilskudd', '1990-04-12');
    await call(api.baseUrl, `/payments/per-capita/integreringstilskudd/records/${id}`, {
      method: 'PATCH',
      token: finance,
      json: { voided: true, reason: 'Flyttet før bosetting, registrert ved en feil' },
    });
    await call(api.baseUrl, `/payments/per-capita/integreringstilskudd/records/${id}`, {
      method: 'PATCH',
      token: finance,
      json: { voided: false, reason: 'Bosettingen var riktig likevel' },
    });
    // Undoing the void changes nothing owed; a new person settled in Q4 does: 180 000 for year 1 as an adult.
    const newcomer = newNationalIdNumber('1992-08-08', 'female');
    expect(
      (await post('/payments/per-capita/integreringstilskudd/records', finance, { records: [record(newcomer, '2020-10-01', 'adult')] })).body,
    ).toMatchObject({ imported: 1 });
    const [first, second] = await Promise.all([run('integreringstilskudd', `${YEAR}-Q4`), run('integreringstilskudd', `${YEAR}-Q4`)]);
    const payments = [...(await paymentsOf(first.id)), ...(await paymentsOf(second.id))];
    // Q4 owes 55 000 (year 2) + 180 000 (newcomer) = 235 000; the credit of 140 000 is set off first.
    expect(payments).toEqual([{ amount: String(95000 * 100), reference: `${YEAR}-Q4` }]);
    expect((await settlements()).creditNok).toBe('0.00');
  });

  it('exports the per-capita batch as pain.001 that validates, and as a payment basis with the period as reference', async () => {
    const [batch] = await dataSource.query(
      `SELECT b.id FROM payment_batch b JOIN payment p ON p.batch_id = b.id WHERE p.organisation_number = $1 AND p.reference = $2`,
      [municipality, `${YEAR}-Q1 korreksjon 1`],
    );
    const approved = await post(`/payments/batches/${batch.id}/approve`, financeB);
    expect(approved.body).toMatchObject({ status: 'approved', numberOfPayments: 1, totalNok: '50000.00' });
    const xml = ((await call(api.baseUrl, `/payments/batches/${batch.id}/pain001.xml`, { token: finance })).body as Buffer).toString('utf8');
    await validatePain001(xml);
    expect(xml).toContain(`<Ustrd>integreringstilskudd ${YEAR}-Q1 korreksjon 1 kap/post 496.60</Ustrd>`);
    expect(xml).toContain('Småby kommune');
    const csv = ((await call(api.baseUrl, `/payments/batches/${batch.id}/utbetalingsgrunnlag.csv`, { token: finance })).body as Buffer)
      .toString('utf8')
      .trim()
      .split('\n');
    expect(csv[1].split(';').slice(3)).toEqual(['496', '60', 'integreringstilskudd', municipality, '', '50000.00', `${YEAR}-Q1 korreksjon 1`]);
    expect(csv.at(-1)).toBe('SUM;1;;;;;;;50000.00;');
  });

  describe('enslige-mindreaarige', () => {
    it('refuses a person who was an adult when settled, naming the record and rule', async () => {
      const response = await post('/payments/per-capita/enslige-mindreaarige/records', finance, {
        records: [
          {
            nationalIdNumber: newNationalIdNumber('1998-03-01', 'male'),
            organisationNumber: municipality,
            municipalityNumber: '1520',
            settlementDate: '2016-03-01',
          },
        ],
      });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'records.0.settlementDate', rule: 'minor-at-settlement' })]);
    });

    it('pays a year per person by the age band of the year the person turns, up to the year they turn 20', async () => {
      const imported = await post('/payments/per-capita/enslige-mindreaarige/records', finance, {
        records: [
          {
            nationalIdNumber: newNationalIdNumber('2004-05-01', 'female'),
            organisationNumber: municipality,
            municipalityNumber: '1520',
            settlementDate: '2019-08-01',
          },
          {
            nationalIdNumber: newNationalIdNumber('2002-02-01', 'male'),
            organisationNumber: municipality,
            municipalityNumber: '1520',
            settlementDate: '2018-03-01',
          },
          {
            nationalIdNumber: newNationalIdNumber('1999-07-01', 'male'),
            organisationNumber: municipality,
            municipalityNumber: '1520',
            settlementDate: '2016-01-01',
          },
        ],
      });
      expect(imported.body).toEqual({ imported: 3, corrected: 0, unchanged: 0 });
      await setRates('enslige-mindreaarige', ENSLIGE_MINDREAARIGE, true);
      const paidBefore = await paidOnPost('496.61');
      // 2020: born 2004 turns 16: 200 000; born 2002 turns 18: 150 000; born 1999 turns 21: nothing
      const year = await run('enslige-mindreaarige', String(YEAR));
      expect(year).toMatchObject({ status: 'completed', budgetPost: '496.61' });
      expect(await paymentsOf(year.id)).toEqual([{ amount: String(350000 * 100), reference: String(YEAR) }]);
      const paidAfter = await paidOnPost('496.61');
      expect(BigInt(paidAfter.replace('.', '')) - BigInt(paidBefore.replace('.', ''))).toBe(BigInt(350000 * 100));
      expect(await paymentsOf((await run('enslige-mindreaarige', String(YEAR))).id)).toEqual([]);
    });
  });
});
