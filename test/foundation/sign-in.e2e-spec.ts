import { AdjustableClock, Clock } from '@imdi/kernel';
import { DataSource } from 'typeorm';
import { DEFAULT_TEST_IDENTITIES, TEST_ORGANISATIONS } from '../../scripts/local-identity-provider/test-identities';
import { call, startApi, tokenFor, type RunningApi } from '../support/api-harness';
import { HttpBrowser, logInOverHttp, loginUntilCallback } from '../support/http-session';
import { newAccountNumber, newNationalIdNumber } from '../support/identifiers';
import { startTestIdentityProvider, type RunningTestProvider } from '../support/identity-provider-harness';

const staff = (userName: string) => ({ staff: DEFAULT_TEST_IDENTITIES.staff.find((member) => member.userName === userName)! });
const person = (name: string) => ({ person: DEFAULT_TEST_IDENTITIES.persons.find((candidate) => candidate.name === name)! });
const SESSION = '__Host-imdi-sesjon';
const json = (text: string): any => JSON.parse(text);

describe('Sign-in through OpenID Connect (backend-for-frontend session)', () => {
  let provider: RunningTestProvider;
  let api: RunningApi;
  let dataSource: DataSource;
  beforeAll(async () => {
    provider = await startTestIdentityProvider();
    api = await startApi();
    dataSource = api.app.get(DataSource);
  });
  afterAll(async () => {
    await api?.close();
    await provider?.stop();
  });

  /** Logs in and returns the browser with its session and the CSRF token the session gives. */
  async function loggedIn(kind: 'staff' | 'applicant', someone: Parameters<typeof logInOverHttp>[3]): Promise<{ browser: HttpBrowser; csrf: string }> {
    const browser = new HttpBrowser();
    const landed = await logInOverHttp(browser, api.baseUrl, kind, someone);
    expect(landed.status).toBe(302);
    return { browser, csrf: json((await browser.request(`${api.baseUrl}/auth/session`)).text).csrfToken };
  }

  it('logs a caseworker in through the provider and gives the browser only an httpOnly, Secure, SameSite cookie', async () => {
    const browser = new HttpBrowser();
    const callback = await loginUntilCallback(browser, api.baseUrl, 'staff', staff('kari.saksbehandler'), '/saksbehandling');
    const landed = await browser.request(callback);
    expect([landed.status, landed.location]).toEqual([302, `${api.baseUrl}/saksbehandling`]);
    const setCookie = landed.headers.getSetCookie().find((line) => line.startsWith(`${SESSION}=`))!;
    expect(setCookie).toMatch(/; HttpOnly/i);
    expect(setCookie).toMatch(/; Secure/i);
    expect(setCookie).toMatch(/; SameSite=Lax/i);
    expect(setCookie).toMatch(/; Path=\//i);
    expect(setCookie).not.toMatch(/Domain=/i);
    expect(browser.cookie(api.baseUrl, SESSION)).toMatch(/^[\w-]{43}$/);
    const session = json((await browser.request(`${api.baseUrl}/auth/session`)).text);
    expect(session).toMatchObject({
      authenticated: true,
      kind: 'staff',
      principal: { userId: 'kari.saksbehandler', name: 'Kari Saksbehandler', roles: ['caseworker'], organisationNumbers: [] },
    });
    expect(json((await browser.request(`${api.baseUrl}/me`)).text)).toMatchObject({ userId: 'kari.saksbehandler', roles: ['caseworker'] });
    // Nothing the browser holds is a token: the stored id is a hash of the cookie, the ID token is encrypted.
    const [row] = await dataSource.query(
      `SELECT id_hash, id_token_sealed FROM web_session WHERE user_id = 'kari.saksbehandler' ORDER BY created_at DESC LIMIT 1`,
    );
    expect(row.id_hash).not.toBe(browser.cookie(api.baseUrl, SESSION));
    expect(row.id_token_sealed).toMatch(/^v1:/);
  });

  it('refuses a replayed callback, one with a forged state, one from another browser, and a code for another PKCE verifier', async () => {
    const victim = new HttpBrowser();
    const callback = await loginUntilCallback(victim, api.baseUrl, 'staff', staff('per.godkjenner'));
    const forged = new URL(callback);
    forged.searchParams.set('state', 'forfalsket');
    const attemptCookie = victim.cookie(api.baseUrl, '__Host-imdi-innlogging')!;
    expect((await victim.request(forged.href)).status).toBe(400);
    // The forged answer used the attempt up: not even the genuine answer works after it.
    victim.setCookie(api.baseUrl, '__Host-imdi-innlogging', attemptCookie);
    expect((await victim.request(callback)).status).toBe(400);

    const once = new HttpBrowser();
    const genuine = await loginUntilCallback(once, api.baseUrl, 'staff', staff('per.godkjenner'));
    const stranger = new HttpBrowser();
    const fromElsewhere = await stranger.request(genuine);
    expect([fromElsewhere.status, fromElsewhere.text]).toEqual([400, expect.stringContaining('Innloggingen kunne ikke fullføres')]);
    expect((await once.request(genuine)).status).toBe(302);
    const replay = await once.request(genuine);
    expect(replay.status).toBe(400);

    // Mallory's code (and state) delivered into Alice's login: Alice's PKCE verifier does not fit the code.
    const alice = new HttpBrowser();
    const aliceStart = await alice.request(`${api.baseUrl}/auth/login/staff`);
    const aliceState = new URL(aliceStart.location!).searchParams.get('state')!;
    const mallory = new HttpBrowser();
    const malloryCallback = new URL(await loginUntilCallback(mallory, api.baseUrl, 'staff', staff('ada.systemeier')));
    malloryCallback.searchParams.set('state', aliceState);
    const mixed = await alice.request(malloryCallback.href);
    expect(mixed.status).toBe(400);
    expect(alice.cookie(api.baseUrl, SESSION)).toBeUndefined();
  });

  it('never keeps a session id the browser had before login (no fixation), and the old one stops working', async () => {
    const planted = await loggedIn('staff', staff('fiona.okonomi'));
    const plantedId = planted.browser.cookie(api.baseUrl, SESSION)!;
    const victim = new HttpBrowser();
    victim.setCookie(api.baseUrl, SESSION, plantedId);
    await logInOverHttp(victim, api.baseUrl, 'staff', staff('frode.okonomi'));
    const fresh = victim.cookie(api.baseUrl, SESSION)!;
    expect(fresh).not.toBe(plantedId);
    expect(json((await victim.request(`${api.baseUrl}/auth/session`)).text).principal.userId).toBe('frode.okonomi');
    expect(json((await planted.browser.request(`${api.baseUrl}/auth/session`)).text).authenticated).toBe(false);
    const attacker = new HttpBrowser();
    attacker.setCookie(api.baseUrl, SESSION, 'valgt-av-angriperen');
    await logInOverHttp(attacker, api.baseUrl, 'staff', staff('frode.okonomi'));
    expect(attacker.cookie(api.baseUrl, SESSION)).not.toBe('valgt-av-angriperen');
  });

  it('refuses a change made with the cookie but without the CSRF token, and accepts it with the token', async () => {
    const { browser, csrf } = await loggedIn('applicant', person('Kari Nordmann'));
    const organisationNumber = TEST_ORGANISATIONS.fjordvikKommune.organisationNumber;
    const without = await browser.request(`${api.baseUrl}/auth/organisation`, { method: 'POST', json: { organisationNumber } });
    expect([without.status, json(without.text).code]).toEqual([403, 'CSRF_TOKEN_INVALID']);
    const wrong = await browser.request(`${api.baseUrl}/auth/organisation`, {
      method: 'POST',
      json: { organisationNumber },
      headers: { 'x-csrf-token': 'gjettet' },
    });
    expect(wrong.status).toBe(403);
    const draft = await browser.request(`${api.baseUrl}/applications`, {
      method: 'POST',
      json: { organisationNumber, schemeCode: 'jobbsjansen-a', budgetYear: 2017, form: {} },
    });
    expect([draft.status, json(draft.text).code]).toEqual([403, 'CSRF_TOKEN_INVALID']);
    const logout = await browser.request(`${api.baseUrl}/auth/logout`, { method: 'POST' });
    expect(logout.status).toBe(403);
    const chosen = await browser.request(`${api.baseUrl}/auth/organisation`, {
      method: 'POST',
      json: { organisationNumber },
      headers: { 'x-csrf-token': csrf },
    });
    expect([chosen.status, json(chosen.text).actingFor]).toEqual([200, organisationNumber]);
  });

  it('ends an idle session: the api answers 401, and a new login returns to the page wanted', async () => {
    const { browser } = await loggedIn('staff', staff('fiona.okonomi'));
    expect((await browser.request(`${api.baseUrl}/me`)).status).toBe(200);
    await dataSource.query(`UPDATE web_session SET last_seen_at = now() - interval '31 minutes' WHERE user_id = 'fiona.okonomi'`);
    const expired = await browser.request(`${api.baseUrl}/me`);
    expect([expired.status, json(expired.text).code]).toEqual([401, 'NOT_SIGNED_IN']);
    // The provider still knows her: no login page, straight back.
    const start = await browser.request(`${api.baseUrl}/auth/login/staff?neste=${encodeURIComponent('/okonomi/kjoringer')}`);
    const back = await browser.follow(start.location!, `${api.baseUrl}/auth/callback`);
    const landed = await browser.request(back.exchange.location!);
    expect([landed.status, landed.location]).toEqual([302, `${api.baseUrl}/okonomi/kjoringer`]);
    const absolute = await loggedIn('staff', staff('frode.okonomi'));
    await dataSource.query(`UPDATE web_session SET expires_at = now() - interval '1 second' WHERE user_id = 'frode.okonomi'`);
    expect((await absolute.browser.request(`${api.baseUrl}/me`)).status).toBe(401);
  });

  it('lets a person act only for an organisation Altinn gives her the right for: 404 for another organisation and its cases', async () => {
    const clock = api.app.get(Clock) as AdjustableClock;
    const window = (await call(api.baseUrl, '/schemes/jobbsjansen-a?year=2017')).body.window;
    clock.set(new Date(new Date(window.opensAt).getTime() + 86_400_000));
    try {
      const fjordvik = TEST_ORGANISATIONS.fjordvikKommune.organisationNumber;
      const system = await tokenFor({ sub: 'fjordvik-oppsett', roles: ['applicant'], organisationNumbers: [fjordvik] });
      const registered = await call(api.baseUrl, '/organisations', {
        method: 'POST',
        token: system,
        json: {
          organisationNumber: fjordvik,
          name: 'Fjordvik kommune',
          kind: 'kommune',
          municipalityNumber: '3005',
          accountNumber: newAccountNumber(),
          writtenStandard: 'nb',
          contactName: 'Kari Nordmann',
          contactEmail: 'kari@example.no',
        },
      });
      expect([201, 409]).toContain(registered.status);
      const draft = (
        await call(api.baseUrl, '/applications', {
          method: 'POST',
          token: system,
          json: { organisationNumber: fjordvik, schemeCode: 'jobbsjansen-a', budgetYear: 2017, form: {} },
        })
      ).body;

      // Ola is listed for Fjordvik in the register, but for another agency's service only.
      const { browser, csrf } = await loggedIn('applicant', person('Ola Nordmann'));
      const session = json((await browser.request(`${api.baseUrl}/auth/session`)).text);
      expect(session.representations).toEqual([{ organisationNumber: TEST_ORGANISATIONS.nordvikKommune.organisationNumber, name: 'Nordvik kommune' }]);
      const refused = await browser.request(`${api.baseUrl}/auth/organisation`, {
        method: 'POST',
        json: { organisationNumber: fjordvik },
        headers: { 'x-csrf-token': csrf },
      });
      expect([refused.status, json(refused.text).code, json(refused.text).errors[0].field]).toEqual([
        404,
        'ORGANISATION_NOT_REPRESENTED',
        'organisationNumber',
      ]);
      // Before a choice he acts for no one; after choosing Nordvik, still not for Fjordvik.
      expect((await browser.request(`${api.baseUrl}/applications/${draft.id}`)).status).toBe(404);
      await browser.request(`${api.baseUrl}/auth/organisation`, {
        method: 'POST',
        json: { organisationNumber: TEST_ORGANISATIONS.nordvikKommune.organisationNumber },
        headers: { 'x-csrf-token': csrf },
      });
      expect((await browser.request(`${api.baseUrl}/applications/${draft.id}`)).status).toBe(404);
      const sneaky = await browser.request(`${api.baseUrl}/applications`, {
        method: 'POST',
        json: { organisationNumber: fjordvik, schemeCode: 'jobbsjansen-a', budgetYear: 2017, form: {} },
        headers: { 'x-csrf-token': csrf },
      });
      expect(sneaky.status).toBeGreaterThanOrEqual(403);
      expect(sneaky.status).toBeLessThan(500);

      // Kari may: her act is audited as the person for the organisation.
      const kari = await loggedIn('applicant', person('Kari Nordmann'));
      await kari.browser.request(`${api.baseUrl}/auth/organisation`, {
        method: 'POST',
        json: { organisationNumber: fjordvik },
        headers: { 'x-csrf-token': kari.csrf },
      });
      const saved = await kari.browser.request(`${api.baseUrl}/applications/${draft.id}/form`, {
        method: 'PUT',
        json: { form: {} },
        headers: { 'x-csrf-token': kari.csrf },
      });
      expect(saved.status).toBeLessThan(300);
      const [chosen] = await dataSource.query(
        `SELECT actor_id FROM audit_entry WHERE action = 'user.acting-for-organisation' AND entity_id = $1 ORDER BY id DESC LIMIT 1`,
        [fjordvik],
      );
      expect(chosen.actor_id).toMatch(new RegExp(`^person:[0-9a-f]{32} for ${fjordvik}$`));
      // Never the national identity number itself.
      const [login] = await dataSource.query(
        `SELECT actor_id, after FROM audit_entry WHERE action = 'user.logged-in' AND actor_id = $1 ORDER BY id DESC LIMIT 1`,
        [chosen.actor_id.split(' ')[0]],
      );
      expect(JSON.stringify(login)).not.toContain(DEFAULT_TEST_IDENTITIES.persons[0].nationalIdNumber);
      expect(login.after).toMatchObject({ provider: 'applicant', assuranceLevel: 'idporten-loa-high' });
    } finally {
      clock.set(undefined);
    }
  });

  it('shows a staff member whose groups give no role a clear page in Norwegian, and no session', async () => {
    const browser = new HttpBrowser();
    const page = await logInOverHttp(browser, api.baseUrl, 'staff', staff('truls.kantine'));
    expect([page.status, page.headers.get('content-type')]).toEqual([403, 'text/html; charset=utf-8']);
    expect(page.text).toContain('<html lang="nb">');
    expect(page.text).toContain('Du har ikke tilgang til tilskuddsforvaltningen');
    expect(page.text).toContain('Truls Kantine');
    expect(browser.cookie(api.baseUrl, SESSION)).toBeUndefined();
  });

  it('logs out here and at the provider, and audits login and logout', async () => {
    const { browser, csrf } = await loggedIn('staff', staff('dina.departement'));
    const logout = await browser.request(`${api.baseUrl}/auth/logout`, { method: 'POST', headers: { 'x-csrf-token': csrf } });
    const redirectTo = new URL(json(logout.text).redirectTo);
    expect(`${redirectTo.origin}${redirectTo.pathname}`).toBe(`${provider.staffIssuer}/session/end`);
    expect(redirectTo.searchParams.get('id_token_hint')).toBeTruthy();
    expect(redirectTo.searchParams.get('post_logout_redirect_uri')).toBe(`${api.baseUrl}/logget-ut`);
    expect(browser.cookie(api.baseUrl, SESSION)).toBeUndefined();
    // The provider's page submits its logout form by itself (script); here the form is sent as the script would.
    const confirm = await browser.request(redirectTo.href);
    const action = /<form[^>]*action="([^"]+)"/.exec(confirm.text)![1];
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(confirm.text)![1];
    const ended = await browser.request(new URL(action, redirectTo).href, { method: 'POST', form: { xsrf, logout: 'yes' } });
    expect(ended.location).toBe(`${api.baseUrl}/logget-ut`);
    const again = await browser.request(`${api.baseUrl}/auth/login/staff`);
    const atProvider = await browser.follow(again.location!, api.baseUrl);
    expect(atProvider.exchange.text).toContain('Velg hvem du vil logge inn som');
    const actions = await dataSource.query(`SELECT action FROM audit_entry WHERE actor_id = 'dina.departement' ORDER BY id`);
    expect(actions.map((row: { action: string }) => row.action)).toEqual(['user.logged-in', 'user.logged-out']);
  });

  it('opens the queue board and /docs to the browser session, the board to admins only', async () => {
    const admin = await loggedIn('staff', staff('ada.systemeier'));
    expect((await admin.browser.request(`${api.baseUrl}/admin/queues`)).status).toBe(200);
    const finance = await loggedIn('staff', staff('fiona.okonomi'));
    expect((await finance.browser.request(`${api.baseUrl}/admin/queues`)).status).toBe(403);
    expect((await new HttpBrowser().request(`${api.baseUrl}/admin/queues`)).status).toBe(401);
    expect((await finance.browser.request(`${api.baseUrl}/docs`)).status).toBe(200);
  });

  it('still accepts bearer tokens for system clients, without a CSRF token', async () => {
    const token = await tokenFor({ sub: 'system', roles: ['admin'] });
    expect((await call(api.baseUrl, '/admin/audit/verify', { token })).status).toBe(200);
  });

  it("lets a municipality's system report settlement records with client credentials, for its own organisation only", async () => {
    const client = DEFAULT_TEST_IDENTITIES.machineClients[0];
    const issued = await fetch(`${provider.machineIssuer}/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: client.scopes.join(' ') }),
    });
    const token = ((await issued.json()) as { access_token: string }).access_token;
    const record = (organisationNumber: string) => ({
      nationalIdNumber: newNationalIdNumber('1990-04-02', 'female'),
      organisationNumber,
      municipalityNumber: '3005',
      settlementDate: '2017-03-01',
      category: 'single-adult',
      specialCriterion: false,
    });
    const own = await call(api.baseUrl, '/payments/per-capita/integreringstilskudd/records', {
      method: 'POST',
      token,
      json: { records: [record(client.organisationNumber)] },
    });
    expect([own.status, own.body.imported]).toEqual([201, 1]);
    const other = await call(api.baseUrl, '/payments/per-capita/integreringstilskudd/records', {
      method: 'POST',
      token,
      json: { records: [record(TEST_ORGANISATIONS.nordvikKommune.organisationNumber)] },
    });
    expect([other.status, other.body.errors?.[0]?.field, other.body.errors?.[0]?.rule]).toEqual([400, 'records.0.organisationNumber', 'own-organisation']);
    // The system reaches nothing else: not an applicant's or IMDi's routes.
    expect((await call(api.baseUrl, '/applications', { token })).status).toBe(403);
    const tampered = `${token.slice(0, -4)}AAAA`;
    expect((await call(api.baseUrl, '/me', { token: tampered })).status).toBe(401);
  });
});
