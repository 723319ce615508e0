import { osloDate } from '@imdi/kernel';
import { DataSource } from 'typeorm';
import { runDemonstrationSeeds } from '../../scripts/seed';
import { call, startApi, tokenFor, type RunningApi } from '../support/api-harness';
import { newAccountNumber, newOrganisationNumber } from '../support/identifiers';
import { mentorTraineeForm } from '../support/mentor-application';

/** What `npm start` on the embedded default gives a newcomer: a year whose windows are open today. */
describe('The demonstration year', () => {
  let api: RunningApi;
  const year = Number(osloDate(new Date()).slice(0, 4));

  beforeAll(async () => {
    await runDemonstrationSeeds();
    api = await startApi();
  });
  afterAll(() => api?.close());

  it('is the current year, labelled as demonstration data, with søkbar schemes open today, two upcoming and two closed', async () => {
    const schemes = (await call(api.baseUrl, `/schemes?year=${year}`)).body as Array<{ code: string; window: { status: string } }>;
    expect(schemes).toHaveLength(18);
    const byState = (wanted: string) =>
      schemes
        .filter((scheme) => scheme.window.status === wanted)
        .map((scheme) => scheme.code)
        .sort();
    expect(byState('upcoming')).toEqual(['integreringsmottak', 'jobbsjansen-b']);
    expect(byState('closed')).toEqual(['etablerersentre', 'nasjonale-ressursmiljoer']);
    expect(byState('open')).toEqual(expect.arrayContaining(['jobbsjansen-a', 'kommunale-utviklingsmidler', 'mentor-trainee']));
    const [budget] = await api.app.get(DataSource).query('SELECT source FROM allocation_import WHERE budget_year = $1', [year]);
    expect(budget.source).toMatch(/^DEMONSTRASJONSDATA/);
    expect(byState('continuous')).toEqual(['enslige-mindreaarige', 'frivillige-lokale', 'integreringstilskudd', 'norsk-asylmottak', 'norsk-samfunnskunnskap']);
  });

  it("answers to today's ministry, not the 2017 letter's, for appeals and pre-notifications", async () => {
    const finance = await tokenFor({ sub: 'demo-finance', roles: ['finance'] });
    expect((await call(api.baseUrl, `/budget/${year}/ministry`, { token: finance })).body).toMatchObject({
      name: 'Arbeids- og inkluderingsdepartementet',
      shortName: 'AID',
    });
    expect((await call(api.baseUrl, '/budget/2017/ministry', { token: finance })).body).toMatchObject({ shortName: 'JD' });
  });

  it('takes an application today, on the real clock', async () => {
    const organisationNumber = newOrganisationNumber();
    const token = await tokenFor({ sub: 'demo-soker', roles: ['applicant'], organisationNumbers: [organisationNumber] });
    const registered = await call(api.baseUrl, '/organisations', {
      method: 'POST',
      token,
      json: {
        organisationNumber,
        name: 'Demoforeningen',
        kind: 'organisasjon',
        accountNumber: newAccountNumber(),
        writtenStandard: 'nb',
        contactName: 'Kari Demo',
        contactEmail: 'kari@example.no',
      },
    });
    expect(registered.status).toBe(201);
    const form = await mentorTraineeForm(api.baseUrl, '150000', year);
    const created = await call(api.baseUrl, '/applications', {
      method: 'POST',
      token,
      json: { organisationNumber, schemeCode: 'mentor-trainee', budgetYear: year, form },
    });
    expect([created.status, created.body.errors]).toEqual([201, undefined]);
    const submitted = await call(api.baseUrl, `/applications/${created.body.id}/submit`, {
      method: 'POST',
      token,
      headers: { 'idempotency-key': `demo-${created.body.id}` },
    });
    expect(submitted.status).toBe(201);
    expect(submitted.body.caseNumber).toMatch(new RegExp(`^${year}/`));
  });

  it('is seeded once: a second start adds nothing', async () => {
    expect(await runDemonstrationSeeds()).toBe(`demonstration seed: year ${year} is there already`);
  });
});
