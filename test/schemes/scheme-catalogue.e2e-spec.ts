import { ImportSchemeYear, SchemeCatalogueQuery } from '@imdi/schemes';
import { SchemeVersionRepository } from '../../libs/schemes/src/infrastructure/scheme-version.repository';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { call, startApi, tokenFor, type RunningApi } from '../support/api-harness';
import { eventually } from '../support/eventually';

/** SPEC §2, the table of the 18 schemes: code, kap./post and kind. */
const SPEC_SCHEMES: ReadonlyArray<[string, string, string]> = [
  ['integreringstilskudd', '496.60', 'rettighet'],
  ['enslige-mindreaarige', '496.61', 'rettighet'],
  ['nedsatt-funksjonsevne', '496.60', 'sokbar'],
  ['norsk-samfunnskunnskap', '497.60', 'rettighet'],
  ['norsk-asylmottak', '497.60', 'rettighet'],
  ['jobbsjansen-a', '496.62', 'sokbar'],
  ['jobbsjansen-b', '496.62', 'sokbar'],
  ['jobbsjansen-c', '496.62', 'sokbar'],
  ['kommunale-utviklingsmidler', '496.62', 'sokbar'],
  ['etablerersentre', '496.62', 'sokbar'],
  ['frivillige-lokale', '496.71', 'rettighet'],
  ['nasjonale-ressursmiljoer', '496.71', 'sokbar'],
  ['frivillige-regionale', '496.71', 'sokbar'],
  ['mentor-trainee', '496.73', 'sokbar'],
  ['integreringsmottak', '496.73', 'sokbar'],
  ['gronland', '496.62', 'navngitt'],
  ['omradesatsing-oslo', '496.62', 'navngitt'],
  ['bosettingsordningen-ks', '496.70', 'navngitt'],
];

describe('The scheme catalogue', () => {
  let api: RunningApi;
  let admin: string;

  beforeAll(async () => {
    api = await startApi();
    admin = await tokenFor({ sub: 'ada', roles: ['admin'] });
  });
  afterAll(() => api.close());

  it('lists exactly the 18 schemes of 2017 with the kap./post and kind of SPEC §2, without a login', async () => {
    const response = await call(api.baseUrl, '/schemes?year=2017');
    expect(response.status).toBe(200);
    expect(response.body.map((scheme: any) => [scheme.code, scheme.budgetPost, scheme.kind])).toEqual(SPEC_SCHEMES);
  });

  it('says which schemes need ministry pre-notification: søkbar only', async () => {
    const schemes = (await call(api.baseUrl, '/schemes?year=2017')).body;
    for (const scheme of schemes) {
      expect(scheme.requiresMinistryPreNotification).toBe(scheme.kind === 'sokbar');
    }
  });

  it('gives each scheme its names in bokmål and nynorsk, who may apply, its appeal route and its form schema', async () => {
    const response = await call(api.baseUrl, '/schemes/jobbsjansen-a?year=2017');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      code: 'jobbsjansen-a',
      name: { nb: expect.stringContaining('Jobbsjansen'), nn: expect.stringContaining('Jobbsjansen') },
      applicantTypes: expect.arrayContaining(['kommune']),
      appealRoute: expect.stringMatching(/enkeltvedtak|renewed-assessment/),
      earmarkCodes: ['jobbsjansen'],
    });
    expect(response.body.formSchema.properties).toEqual(expect.objectContaining({ projectTitle: expect.any(Object), requestedAmountNok: expect.any(Object) }));
    expect(response.body.formSchema.required).toEqual(expect.arrayContaining(['projectTitle', 'requestedAmountNok']));
  });

  it("keeps KUM's 2017 deadline of 31 January, in Oslo time", async () => {
    const kum = (await call(api.baseUrl, '/schemes/kommunale-utviklingsmidler?year=2017')).body;
    expect(kum.window.deadline).toMatch(/^2017-01-31T/);
    expect(kum.window.deadlineAt).toBe(new Date(`${kum.window.deadline}+01:00`).toISOString());
  });

  it('labels every 2017 rate provisional and unconfirmed', async () => {
    const schemes = (await call(api.baseUrl, '/schemes?year=2017')).body;
    const rates = schemes.flatMap((scheme: any) => scheme.rates);
    expect(rates.length).toBeGreaterThan(0);
    for (const rate of rates) expect(rate).toMatchObject({ provisional: true, confirmed: false });
    for (const scheme of schemes) expect(scheme.rates.length > 0).toBe(scheme.kind === 'rettighet');
  });

  it('answers 404 for a scheme that does not exist', async () => {
    const response = await call(api.baseUrl, '/schemes/no-such-scheme');
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('SCHEME_NOT_FOUND');
  });

  describe("next year's data", () => {
    it("is created by an admin from this year's, with the window a year later and rates awaiting confirmation", async () => {
      const created = await call(api.baseUrl, '/admin/schemes/enslige-mindreaarige/versions/2017/next-year', { method: 'POST', token: admin });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ budgetYear: 2018, budgetPost: '496.61', frozen: false });
      expect(created.body.rates.every((rate: any) => rate.provisional && !rate.confirmed)).toBe(true);

      const kum = await call(api.baseUrl, '/admin/schemes/kommunale-utviklingsmidler/versions/2017/next-year', { method: 'POST', token: admin });
      expect(kum.body.window.deadline).toMatch(/^2018-01-31T/);
      const again = await call(api.baseUrl, '/admin/schemes/kommunale-utviklingsmidler/versions/2017/next-year', { method: 'POST', token: admin });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('SCHEME_VERSION_EXISTS');
    });

    it('answers 409, not 500, when another copy of the year commits between the look and the insert', async () => {
      // The look-then-insert of two admins at once: the second insert meets the first one's committed row.
      const repository = api.app.get(SchemeVersionRepository);
      const manager = api.app.get(DataSource).manager;
      const source = (await repository.find(manager, 'etablerersentre', 2017))!;
      const first = await repository.insert(manager, { ...source, budgetYear: 2019 });
      expect(first).toEqual(expect.any(String));
      await expect(repository.insert(manager, { ...source, budgetYear: 2019 })).resolves.toBeUndefined();
    });

    it('takes a changed window and a set-then-confirmed rate', async () => {
      const rateCode = (await call(api.baseUrl, '/schemes/enslige-mindreaarige?year=2018')).body.rates[0].code;
      const amended = await call(api.baseUrl, '/admin/schemes/kommunale-utviklingsmidler/versions/2018', {
        method: 'PATCH',
        token: admin,
        json: { window: { opens: '2017-11-01T00:00:00', deadline: '2018-02-01T12:00:00' } },
      });
      expect(amended.status).toBe(200);
      expect(amended.body.window).toMatchObject({ opens: '2017-11-01T00:00:00', deadline: '2018-02-01T12:00:00' });

      const set = await call(api.baseUrl, `/admin/schemes/enslige-mindreaarige/versions/2018/rates/${rateCode}`, {
        method: 'PUT',
        token: admin,
        json: { amountNok: '210000', source: 'Prop. 1 S (2017–2018)' },
      });
      expect(set.status).toBe(200);
      expect(set.body.rates.find((rate: any) => rate.code === rateCode)).toMatchObject({ amountNok: '210000.00', provisional: false, confirmed: false });
      const confirmed = await call(api.baseUrl, `/admin/schemes/enslige-mindreaarige/versions/2018/rates/${rateCode}/confirm`, {
        method: 'POST',
        token: admin,
      });
      expect(confirmed.body.rates.find((rate: any) => rate.code === rateCode)).toMatchObject({ confirmed: true });
    });

    it('refuses bad input naming the field', async () => {
      const response = await call(api.baseUrl, '/admin/schemes/kommunale-utviklingsmidler/versions/2018', {
        method: 'PATCH',
        token: admin,
        json: { window: { opens: '1. november', deadline: '2018-02-01T12:00:00' }, applicantTypes: ['privatperson'] },
      });
      expect(response.status).toBe(400);
      expect(response.body.errors.map((error: any) => error.field)).toEqual(expect.arrayContaining(['window.opens', 'applicantTypes']));
    });

    it('refuses every change to a version once a decision has used it', async () => {
      const dataSource = api.app.get(DataSource);
      await dataSource.query(
        `UPDATE scheme_version SET frozen_at = now(), frozen_by_reason = 'test decision' WHERE scheme_code = 'kommunale-utviklingsmidler' AND budget_year = 2018`,
      );
      const response = await call(api.baseUrl, '/admin/schemes/kommunale-utviklingsmidler/versions/2018', {
        method: 'PATCH',
        token: admin,
        json: { notes: 'too late' },
      });
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('SCHEME_VERSION_FROZEN');
      await expect(
        dataSource.query(`UPDATE scheme_version SET notes = 'behind the api' WHERE scheme_code = 'kommunale-utviklingsmidler' AND budget_year = 2018`),
      ).rejects.toThrow(/frozen/);
    });

    it('is for admins only', async () => {
      const caseworker = await tokenFor({ sub: 'kari', roles: ['caseworker'] });
      const response = await call(api.baseUrl, '/admin/schemes/jobbsjansen-a/versions/2017/next-year', { method: 'POST', token: caseworker });
      expect(response.status).toBe(403);
    });
  });
});

describe('Importing a year of scheme data', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('refuses data that misses schemes, names an unknown one or a post without a frame, and stores nothing', async () => {
    const entry: Parameters<ImportSchemeYear['execute']>[0]['schemes'][number] = {
      code: 'jobbsjansen-a',
      name: { nb: 'Jobbsjansen del A', nn: 'Jobbsjansen del A' },
      kind: 'sokbar',
      budgetPost: '496.99',
      earmarkCodes: [],
      applicantTypes: ['kommune'],
      appealRoute: 'enkeltvedtak',
      window: { opens: '2017-02-30T00:00:00', deadline: '2017-03-01T12:00:00' },
      legalBasis: 'test',
      purpose: { nb: 'x', nn: 'x' },
    };
    const error = (await api.app
      .get(ImportSchemeYear)
      .execute(
        { budgetYear: 2017, source: 'test', schemes: [entry, { ...entry, code: 'no-such-scheme', budgetPost: '496.62' }] },
        { userId: 'ada', roles: ['admin'] },
      )
      .catch((caught: unknown) => caught)) as { code: string; details: { errors: Array<{ rule: string }> } };
    expect(error.code).toBe('SCHEME_DATA_INVALID');
    const rules = error.details.errors.map((problem: any) => problem.rule);
    expect(rules.filter((rule: string) => rule === 'every-scheme')).toHaveLength(17);
    expect(rules).toEqual(expect.arrayContaining(['known-scheme', 'post-in-budget', 'valid-date-time']));
  });
});

describe('Scheme versions kept in memory for submissions', () => {
  let api: RunningApi;
  let catalogue: SchemeCatalogueQuery;
  let elsewhere: Client;

  beforeAll(async () => {
    api = await startApi();
    catalogue = api.app.get(SchemeCatalogueQuery);
    const admin = await tokenFor({ sub: 'ada', roles: ['admin'] });
    expect((await call(api.baseUrl, '/admin/schemes/gronland/versions/2017/next-year', { method: 'POST', token: admin })).status).toBe(201);
    // Another process: a connection of its own, outside the api.
    elsewhere = new Client({ connectionString: process.env.DATABASE_URL });
    await elsewhere.connect();
  });
  afterAll(async () => {
    await elsewhere.end();
    await api.close();
  });

  it('serves the version from memory until a change is committed anywhere, then reads the change', async () => {
    const first = await catalogue.committedVersion('gronland', 2018);
    expect(await catalogue.committedVersion('gronland', 2018)).toBe(first);

    await elsewhere.query(`UPDATE scheme_version SET notes = 'endret av en annen prosess' WHERE scheme_code = 'gronland' AND budget_year = 2018`);

    await eventually(async () => ((await catalogue.committedVersion('gronland', 2018)).notes === 'endret av en annen prosess' ? true : undefined));
  });

  it('keeps nothing in memory while its listening connection is lost, and caches again once it is back', async () => {
    await elsewhere.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'imdi-tilskudd scheme cache' AND datname = current_database()`,
    );
    await eventually(async () =>
      (await catalogue.committedVersion('gronland', 2018)) !== (await catalogue.committedVersion('gronland', 2018)) ? true : undefined,
    );
    await elsewhere.query(`UPDATE scheme_version SET notes = 'endret mens lytteren var borte' WHERE scheme_code = 'gronland' AND budget_year = 2018`);
    expect((await catalogue.committedVersion('gronland', 2018)).notes).toBe('endret mens lytteren var borte');

    await eventually(async () =>
      (await catalogue.committedVersion('gronland', 2018)) === (await catalogue.committedVersion('gronland', 2018)) ? true : undefined,
    );
    expect((await catalogue.committedVersion('gronland', 2018)).notes).toBe('endret mens lytteren var borte');
  });
});
