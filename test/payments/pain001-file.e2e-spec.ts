import { AdjustableClock, Clock } from '@imdi/kernel';
import { DataSource } from 'typeorm';
import { call, startApi, tokenFor, type RunningApi } from '../support/api-harness';
import { newAccountNumber, newOrganisationNumber } from '../support/identifiers';
import { validatePain001 } from '../support/pain001-schema';

/**
 * What the bank reads in a pain.001 file: the creation time with Oslo's offset, an execution date
 * the bank can settle on, and names it can read, whatever the database holds.
 */
describe('The pain.001 file for the bank', () => {
  let api: RunningApi;
  let dataSource: DataSource;
  let clock: AdjustableClock;
  let financeB: string;
  let batchId: string;
  const organisationNumber = newOrganisationNumber();

  beforeAll(async () => {
    api = await startApi();
    dataSource = api.app.get(DataSource);
    clock = api.app.get(Clock) as AdjustableClock;
    financeB = await tokenFor({ sub: 'pain-frode', roles: ['finance'] });
    // Legacy data, written before names were checked: a control character (BEL) inside the name.
    await dataSource.query(
      `INSERT INTO organisation (organisation_number, name, kind, account_number, written_standard, contact_name, contact_email) VALUES ($1, $2, 'organisasjon', $3, 'nb', 'Kari', 'kari@example.no')`,
      [organisationNumber, 'Venneforeningen\u0007 Ål & Café', newAccountNumber()],
    );
    const [run] = await dataSource.query(
      `INSERT INTO payout_run (budget_year, chapter, post, as_of, status, requested_by) VALUES (2017, '496', '73', '2017-05-17', 'completed', 'pain-fiona') RETURNING id`,
    );
    const [batch] = await dataSource.query(
      `INSERT INTO payment_batch (run_id, budget_year, chapter, post, status, prepared_by) VALUES ($1, 2017, '496', '73', 'prepared', 'pain-fiona') RETURNING id`,
      [run.id],
    );
    batchId = batch.id;
    // Maundy Thursday, Constitution Day and an ordinary Wednesday.
    for (const [index, executionDate] of ['2017-04-13', '2017-05-17', '2017-03-01'].entries()) {
      await dataSource.query(
        `INSERT INTO payment (instalment_id, run_id, batch_id, amount_ore, execution_date, budget_year, chapter, post, scheme_code, case_number, organisation_number, account_number)
         VALUES (gen_random_uuid(), $1, $2, $3, $4, 2017, '496', '73', 'mentor-trainee', $5, $6, $7)`,
        [run.id, batch.id, 100_000 + index, executionDate, `2017/9${String(index).padStart(4, '0')}`, organisationNumber, newAccountNumber()],
      );
    }
    expect((await call(api.baseUrl, `/payments/batches/${batchId}/approve`, { method: 'POST', token: financeB })).status).toBe(200);
  });
  afterAll(async () => {
    clock.set(undefined);
    await api.close();
  });

  const pain001 = async (): Promise<string> => {
    const response = await call(api.baseUrl, `/payments/batches/${batchId}/pain001.xml`, { token: financeB });
    expect(response.status).toBe(200);
    return (response.body as Buffer).toString('utf8');
  };

  it('gives the creation time in Oslo time with its offset, winter and summer', async () => {
    clock.set(new Date('2017-03-01T09:15:00Z'));
    expect(await pain001()).toContain('<CreDtTm>2017-03-01T10:15:00+01:00</CreDtTm>');
    clock.set(new Date('2017-06-01T09:15:00Z'));
    expect(await pain001()).toContain('<CreDtTm>2017-06-01T11:15:00+02:00</CreDtTm>');
  });

  it('asks for the next Norwegian bank day when a payment falls on a public holiday', async () => {
    const requested = [...(await pain001()).matchAll(/<ReqdExctnDt>([\d-]+)<\/ReqdExctnDt>/g)].map((match) => match[1]);
    // 13 April 2017 is Skjærtorsdag, then Langfredag, Easter and Easter Monday; 17 May is Grunnlovsdagen.
    expect(requested).toEqual(['2017-03-01', '2017-04-18', '2017-05-18']);
  });

  it('writes a file the schema accepts when a name holds a control character, with the name the bank can read', async () => {
    const xml = await pain001();
    // eslint-disable-next-line no-control-regex -- the test asserts that no control character reaches the file
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    await validatePain001(xml);
    expect(xml).toContain('<Cdtr><Nm>Venneforeningen Ål + Cafe</Nm></Cdtr>');
  });
});
