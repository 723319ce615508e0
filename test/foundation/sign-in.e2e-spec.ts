import { DataSource } from 'typeorm';
import { DEFAULT_TEST_IDENTITIES } from '../../scripts/local-identity-provider/test-identities';
import { call, startApi, type RunningApi } from '../support/api-harness';
import { HttpBrowser, logInOverHttp, loginUntilCallback } from '../support/http-session';
import { startTestIdentityProvider, type RunningTestProvider } from '../support/identity-provider-harness';

const staff = (userName: string) => ({ staff: DEFAULT_TEST_IDENTITIES.staff.find((member) => member.userName === userName)! });
const person = (name: string) => ({ person: DEFAULT_TEST_IDENTITIES.persons.find((candidate) => candidate.name === name)! });
const SESSION = '__Host-imdi-sesjon';

describe('Sign-in through OpenID Connect (backend-for-frontend session)', () => {
  let provider: RunningTestProvider;
  let api: RunningApi;
  beforeAll(async () => {
    provider = await startTestIdentityProvider();
    api = await startApi();
  });
  afterAll(async () => {
    await api?.close();
    await provider?.stop();
  });

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
    const session = JSON.parse((await browser.request(`${api.baseUrl}/auth/session`)).text);
    expect(session).toMatchObject({ authenticated: true, kind: 'staff', principal: { userId: 'kari.saksbehandler', name: 'Kari Saksbehandler', roles: ['caseworker'], organisationNumbers: [] } });
    expect(JSON.parse((await browser.request(`${api.baseUrl}/me`)).text)).toMatchObject({ userId: 'kari.saksbehandler', roles: ['caseworker'] });
  });
});
