import { AdjustableClock, Clock } from '@imdi/kernel';
import { DataSource } from 'typeorm';
import { call, startApi, tokenFor, type RunningApi } from '../support/api-harness';

const VERSION = '/admin/schemes/jobbsjansen-a/versions/2017';

describe('An admin editing a scheme version', () => {
  let api: RunningApi;
  let admin: string;
  let clock: AdjustableClock;
  let dataSource: DataSource;
  let original: { name: { nb: string; nn: string }; purpose: { nb: string; nn: string }; applicantTypes: string[]; window: { opensAt: string } };

  beforeAll(async () => {
    api = await startApi();
    admin = await tokenFor({ sub: 'ada', roles: ['admin'] });
    clock = api.app.get(Clock) as AdjustableClock;
    dataSource = api.app.get(DataSource);
    const scheme = (await call(api.baseUrl, '/schemes/jobbsjansen-a?year=2017')).body;
    original = { name: scheme.name, purpose: scheme.purpose, applicantTypes: scheme.applicantTypes, window: scheme.window };
  });

  afterAll(async () => {
    // Put back what the tests changed; before the window opened, so the circle may narrow again.
    clock.set(new Date(opensAt().getTime() - 60_000));
    await call(api.baseUrl, VERSION, {
      method: 'PATCH',
      token: admin,
      json: { name: original.name, purpose: original.purpose, applicantTypes: original.applicantTypes },
    });
    clock.set(undefined);
    await api.close();
  });

  const opensAt = () => new Date(original.window.opensAt);

  it('changes the texts in bokmål and nynorsk, and the trail records who changed what from what', async () => {
    const name = { nb: 'Jobbsjansen del A (endret)', nn: 'Jobbsjansen del A (endra)' };
    const response = await call(api.baseUrl, VERSION, { method: 'PATCH', token: admin, json: { name } });
    expect(response.status).toBe(200);
    expect(response.body.name).toEqual(name);
    expect((await call(api.baseUrl, '/schemes/jobbsjansen-a?year=2017')).body.name).toEqual(name);

    const [entry] = await dataSource.query(
      `SELECT actor_id, before, after FROM audit_entry WHERE entity_type = 'scheme_version' AND action = 'scheme.version-amended' ORDER BY id DESC LIMIT 1`,
    );
    expect(entry).toMatchObject({ actor_id: 'ada', before: { code: 'jobbsjansen-a', budgetYear: 2017, name: original.name }, after: { name } });
  });

  it('refuses an empty nynorsk text naming the field, and changes nothing', async () => {
    const response = await call(api.baseUrl, VERSION, { method: 'PATCH', token: admin, json: { purpose: { nb: 'Et nytt formål', nn: '' } } });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'purpose.nn', message: expect.stringMatching(/minst 1 tegn/) })]),
    );
    expect((await call(api.baseUrl, '/schemes/jobbsjansen-a?year=2017')).body.purpose).toEqual(original.purpose);
  });

  it('may narrow who can apply before the window opens, but not once it has opened (409), and may still widen it', async () => {
    expect(original.applicantTypes).toEqual(expect.arrayContaining(['kommune', 'fylkeskommune']));
    clock.set(new Date(opensAt().getTime() - 60_000));
    const before = await call(api.baseUrl, VERSION, { method: 'PATCH', token: admin, json: { applicantTypes: ['kommune', 'fylkeskommune'] } });
    expect(before.status).toBe(200);

    clock.set(opensAt());
    const narrowed = await call(api.baseUrl, VERSION, { method: 'PATCH', token: admin, json: { applicantTypes: ['kommune'] } });
    expect(narrowed.status).toBe(409);
    expect(narrowed.body).toMatchObject({ code: 'SCHEME_WINDOW_OPENED', detail: expect.stringMatching(/snevres inn.*fylkeskommune/) });
    expect((await call(api.baseUrl, '/schemes/jobbsjansen-a?year=2017')).body.applicantTypes).toEqual(['kommune', 'fylkeskommune']);

    const widened = await call(api.baseUrl, VERSION, { method: 'PATCH', token: admin, json: { applicantTypes: ['kommune', 'fylkeskommune', 'organisasjon'] } });
    expect(widened.status).toBe(200);
    expect(widened.body.applicantTypes).toEqual(['kommune', 'fylkeskommune', 'organisasjon']);
  });

  it('is for admins only: a caseworker gets 403 and the texts stay', async () => {
    const caseworker = await tokenFor({ sub: 'kari', roles: ['caseworker'] });
    const current = (await call(api.baseUrl, '/schemes/jobbsjansen-a?year=2017')).body.name;
    const response = await call(api.baseUrl, VERSION, { method: 'PATCH', token: caseworker, json: { name: { nb: 'Kapret', nn: 'Kapra' } } });
    expect(response.status).toBe(403);
    expect((await call(api.baseUrl, '/schemes/jobbsjansen-a?year=2017')).body.name).toEqual(current);
  });
});
