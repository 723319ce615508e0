import { DataSource } from 'typeorm';
import { call, startApi, tokenFor, type RunningApi } from '../support/api-harness';
import { newNationalIdNumber, newOrganisationNumber, withWrongCheckDigit } from '../support/identifiers';

/** The rates this test sets and confirms, in kroner, so every amount below is computed by hand. */
const RATES: Record<string, number> = {
  'year1-single-adult': 230000,
  'year1-adult': 180000,
  'year1-unaccompanied-minor': 180000,
  'year1-child': 180000,
  year2: 220000,
  year3: 160000,
  year4: 80000,
  year5: 70000,
  elderly: 165000,
  kindergarten: 25000,
};

describe('Per-capita integreringstilskudd for a small municipality', () => {
  let api: RunningApi;
  let admin: string;
  let finance: string;
  const municipality = newOrganisationNumber();
  const people = {
    singleAdult: newNationalIdNumber('1985-04-12', 'female'),
    adultInYearTwo: newNationalIdNumber('1979-11-30', 'male'),
    child: newNationalIdNumber('2015-06-01', 'female'),
    elderly: newNationalIdNumber('1951-01-20', 'male'),
    adultInYearSix: newNationalIdNumber('1970-03-03', 'male'),
  };
  const record = (nationalIdNumber: string, settlementDate: string, category: string, specialCriterion = false) => ({
    nationalIdNumber,
    organisationNumber: municipality,
    municipalityNumber: '1520',
    settlementDate,
    category,
    specialCriterion,
  });

  beforeAll(async () => {
    api = await startApi();
    admin = await tokenFor({ sub: 'ada', roles: ['admin'] });
    finance = await tokenFor({ sub: 'fiona', roles: ['finance'] });
    // A year of its own, so confirming rates here changes nothing other tests read of 2017.
    expect((await call(api.baseUrl, '/admin/schemes/integreringstilskudd/versions/2017/next-year', { method: 'POST', token: admin })).status).toBe(201);
  });
  afterAll(() => api.close());

  it('refuses records with an invalid national id number, naming the record and field, and imports nothing', async () => {
    const response = await call(api.baseUrl, '/payments/per-capita/integreringstilskudd/records', {
      method: 'POST',
      token: finance,
      json: { records: [record(people.singleAdult, '2017-03-01', 'single-adult'), record(withWrongCheckDigit(people.adultInYearTwo), '2016-05-01', 'adult')] },
    });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'records.1.nationalIdNumber', rule: 'mod11-check-digit' })]);
    const [{ n }] = await api.app.get(DataSource).query(`SELECT count(*)::int AS n FROM settled_person WHERE organisation_number = $1`, [municipality]);
    expect(n).toBe(0);
  });

  it('stores the national id numbers encrypted, never in the clear', async () => {
    const response = await call(api.baseUrl, '/payments/per-capita/integreringstilskudd/records', {
      method: 'POST',
      token: finance,
      json: {
        records: [
          record(people.singleAdult, '2018-03-01', 'single-adult'),
          record(people.adultInYearTwo, '2017-05-01', 'adult', true),
          record(people.child, '2018-02-01', 'child'),
          record(people.elderly, '2018-01-10', 'adult'),
          record(people.adultInYearSix, '2013-08-15', 'adult'),
        ],
      },
    });
    expect(response.body).toEqual({ imported: 5, corrected: 0, unchanged: 0 });
    const rows = await api.app.get(DataSource).query(`SELECT * FROM settled_person WHERE organisation_number = $1`, [municipality]);
    const stored = JSON.stringify(rows);
    for (const id of Object.values(people)) expect(stored).not.toContain(id);
  });

  it('refuses to compute with rates no admin has confirmed, and names them', async () => {
    const response = await call(api.baseUrl, `/payments/per-capita/integreringstilskudd/2018/${municipality}`, { token: finance });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('RATES_NOT_CONFIRMED');
    expect(response.body.unconfirmed).toEqual(expect.arrayContaining(['year1-single-adult', 'year2', 'elderly']));
  });

  it('gives the amounts the confirmed rates imply, computed by hand', async () => {
    for (const [code, kroner] of Object.entries(RATES)) {
      const set = await call(api.baseUrl, `/admin/schemes/integreringstilskudd/versions/2018/rates/${code}`, {
        method: 'PUT',
        token: admin,
        json: { amountNok: String(kroner), source: 'test' },
      });
      expect(set.status).toBe(200);
      expect(
        (await call(api.baseUrl, `/admin/schemes/integreringstilskudd/versions/2018/rates/${code}/confirm`, { method: 'POST', token: admin })).status,
      ).toBe(200);
    }
    const response = await call(api.baseUrl, `/payments/per-capita/integreringstilskudd/2018/${municipality}`, { token: finance });
    expect(response.status).toBe(200);
    // For 2018:
    // single adult settled 2018: year 1 single adult                      230 000
    // adult settled 2017: year 2                                           220 000
    // child settled 2018 at 2: year 1 child + barnehagetilskudd 180 000 + 25 000 = 205 000
    // adult settled 2018 at 66: year 1 adult + eldretilskudd 180 000 + 165 000 = 345 000
    // adult settled 2013: year 6, nothing
    expect(response.body).toMatchObject({
      persons: 4,
      totalNok: String(230000 + 220000 + 205000 + 345000) + '.00',
      byRate: {
        'year1-single-adult': { persons: 1, amountNok: '230000.00' },
        year2: { persons: 1, amountNok: '220000.00' },
        'year1-child': { persons: 1, amountNok: '180000.00' },
        'year1-adult': { persons: 1, amountNok: '180000.00' },
        elderly: { persons: 1, amountNok: '165000.00' },
        kindergarten: { persons: 1, amountNok: '25000.00' },
      },
      byGender: { female: 2, male: 2 },
      specialCriterionPersons: 1,
    });
  });
});
