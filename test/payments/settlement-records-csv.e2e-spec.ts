import { DataSource } from 'typeorm';
import { call, startApi, tokenFor, type RunningApi } from '../support/api-harness';
import { newNationalIdNumber, newOrganisationNumber, withWrongCheckDigit } from '../support/identifiers';

describe('Settlement records imported as CSV', () => {
  let api: RunningApi;
  let finance: string;

  const importCsv = (scheme: string, csv: string, contentType = 'text/csv; charset=utf-8') =>
    call(api.baseUrl, `/payments/per-capita/${scheme}/records/csv`, { method: 'POST', token: finance, body: csv, headers: { 'content-type': contentType } });
  const storedFor = async (organisationNumber: string): Promise<Array<Record<string, unknown>>> =>
    api.app.get(DataSource).query(`SELECT * FROM settled_person WHERE organisation_number = $1`, [organisationNumber]);

  beforeAll(async () => {
    api = await startApi();
    finance = await tokenFor({ sub: 'fiona', roles: ['finance'] });
  });
  afterAll(() => api.close());

  it('imports a spreadsheet’s semicolon CSV, storing the national ids encrypted only', async () => {
    const municipality = newOrganisationNumber();
    const people = [newNationalIdNumber('1988-02-14', 'female'), newNationalIdNumber('2012-09-09', 'male'), newNationalIdNumber('1950-12-01', 'female')];
    const csv = [
      '\uFEFFnationalIdNumber;organisationNumber;municipalityNumber;settlementDate;category;specialCriterion',
      `${people[0]};${municipality};0301;2017-01-20;single-adult;nei`,
      '# a comment line, skipped',
      `${people[1]};${municipality};0301;2017-01-20;child;`,
      `"${people[2]}";${municipality};0301;2016-11-30;adult;ja`,
      '',
    ].join('\r\n');
    const response = await importCsv('integreringstilskudd', csv);
    expect([response.status, response.body]).toEqual([201, { imported: 3, corrected: 0, unchanged: 0 }]);
    const stored = await storedFor(municipality);
    expect(stored.map((row) => [row.category, row.special_criterion]).sort()).toEqual([
      ['adult', true],
      ['child', false],
      ['single-adult', false],
    ]);
    for (const id of people) expect(JSON.stringify(stored)).not.toContain(id);
    const listed = (await call(api.baseUrl, `/payments/per-capita/integreringstilskudd/records?organisationNumber=${municipality}`, { token: finance })).body;
    expect(listed.map((record: any) => record.nationalIdNumber).sort()).toEqual(people.map((id) => `${id.slice(0, 6)}*****`).sort());

    // The same file again changes nothing; a changed line is a correction with its own revision.
    expect((await importCsv('integreringstilskudd', csv)).body).toEqual({ imported: 0, corrected: 0, unchanged: 3 });
    const changed = csv.replace(`${people[1]};${municipality};0301;2017-01-20`, `${people[1]};${municipality};0301;2017-02-03`);
    expect((await importCsv('integreringstilskudd', changed)).body).toEqual({ imported: 0, corrected: 1, unchanged: 2 });
    const child = (
      await call(api.baseUrl, `/payments/per-capita/integreringstilskudd/records?organisationNumber=${municipality}`, { token: finance })
    ).body.find((record: any) => record.category === 'child');
    const history = (await call(api.baseUrl, `/payments/per-capita/integreringstilskudd/records/${child.id}/history`, { token: finance })).body;
    expect(history.map((entry: any) => [entry.revision, entry.settlementDate, entry.reason])).toEqual([
      [1, '2017-01-20', 'imported'],
      [2, '2017-02-03', 'corrected by a new import'],
    ]);
  });

  it('names every bad line and field, and stores nothing, not even the good lines', async () => {
    const municipality = newOrganisationNumber();
    const good = newNationalIdNumber('1979-05-05', 'male');
    const twice = newNationalIdNumber('1983-07-07', 'female');
    const csv = [
      'nationalIdNumber,organisationNumber,municipalityNumber,settlementDate,category,specialCriterion',
      `${good},${municipality},1520,2017-03-01,adult,false`,
      `${withWrongCheckDigit(newNationalIdNumber('1991-01-01', 'female'))},${municipality},1520,2017-03-01,adult,false`,
      `${twice},${municipality},1520,2017-02-30,adult,false`,
      `${twice},12345678,1520,2017-03-01,grandparent,maybe`,
      `${newNationalIdNumber('1992-02-02', 'male')},${municipality},1520,2017-03-01`,
    ].join('\n');
    const response = await importCsv('integreringstilskudd', csv);
    expect([response.status, response.body.code]).toEqual([400, 'RECORDS_INVALID']);
    expect(response.body.errors.map((error: any) => [error.field, error.rule])).toEqual([
      ['line 3: nationalIdNumber', 'mod11-check-digit'],
      ['line 4: settlementDate', 'date'],
      ['line 5: specialCriterion', 'boolean'],
      ['line 5: organisationNumber', 'nine-digits'],
      ['line 5: category', 'category'],
      ['line 6', 'column-count'],
    ]);
    expect(response.body.errors.find((error: any) => error.field === 'line 3: nationalIdNumber').message).toMatch(/^«line 3: nationalIdNumber» /);
    // Messages never echo a national id.
    expect(JSON.stringify(response.body)).not.toContain(twice);
    expect(await storedFor(municipality)).toEqual([]);
  });

  it('reads a value with a line break in quotes as one value, naming lines as the editor does', async () => {
    const municipality = newOrganisationNumber();
    const people = [newNationalIdNumber('1984-04-04', 'female'), newNationalIdNumber('1986-06-06', 'male'), newNationalIdNumber('1987-07-07', 'female')];
    const csv = [
      '\uFEFFnationalIdNumber;organisationNumber;municipalityNumber;settlementDate;category;specialCriterion',
      `${people[0]};${municipality};0301;2017-01-20;adult;nei`,
      `${people[1]};${municipality};0301;2017-01-20;"adult`,
      'korrigert";nei',
      `"${people[2]}";"${municipality}";0301;2017-01-20;adult`,
    ].join('\r\n');
    const response = await importCsv('integreringstilskudd', csv);
    expect([response.status, response.body.errors?.map((error: any) => [error.field, error.rule])]).toEqual([
      400,
      [
        ['line 3: category', 'category'],
        ['line 5', 'column-count'],
      ],
    ]);
    expect(await storedFor(municipality)).toEqual([]);
  });

  it('names the same person given twice, and a person too old for enslige-mindreaarige', async () => {
    const municipality = newOrganisationNumber();
    const person = newNationalIdNumber('2003-04-04', 'female');
    const response = await importCsv(
      'enslige-mindreaarige',
      [
        'nationalIdNumber;organisationNumber;municipalityNumber;settlementDate',
        `${person};${municipality};1520;2018-05-01`,
        `${person};${municipality};1520;2018-05-01`,
        `${newNationalIdNumber('1997-01-01', 'male')};${municipality};1520;2016-01-01`,
      ].join('\n'),
    );
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: any) => [error.field, error.rule])).toEqual([
      ['line 3: nationalIdNumber', 'duplicate'],
      ['line 4: settlementDate', 'minor-at-settlement'],
    ]);
    expect(await storedFor(municipality)).toEqual([]);
  });

  it('refuses a header without the required columns, and a body that is not CSV', async () => {
    const header = await importCsv('integreringstilskudd', 'nationalIdNumber;organisationNumber;settledOn\n01018512345;964338531;2017-01-01');
    expect(header.status).toBe(400);
    expect(header.body.errors.map((error: any) => [error.field, error.rule])).toEqual([
      ['line 1: column 3', 'unknown-column'],
      ['line 1: municipalityNumber', 'missing-column'],
      ['line 1: settlementDate', 'missing-column'],
    ]);
    const json = await call(api.baseUrl, '/payments/per-capita/integreringstilskudd/records/csv', { method: 'POST', token: finance, json: { records: [] } });
    expect([json.status, json.body.errors[0].field]).toEqual([400, 'body']);
    expect((await importCsv('nedsatt-funksjonsevne', 'nationalIdNumber\n')).status).toBe(400);
  });

  it('is for finance and admin only', async () => {
    const caseworker = await tokenFor({ sub: 'kari', roles: ['caseworker'] });
    const response = await call(api.baseUrl, '/payments/per-capita/integreringstilskudd/records/csv', {
      method: 'POST',
      token: caseworker,
      body: 'nationalIdNumber;organisationNumber;municipalityNumber;settlementDate\n',
      headers: { 'content-type': 'text/csv' },
    });
    expect(response.status).toBe(403);
  });
});
