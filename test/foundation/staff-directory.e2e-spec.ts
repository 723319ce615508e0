import { DEFAULT_TEST_IDENTITIES, LOCAL_STAFF_GROUPS } from '../../scripts/local-identity-provider/test-identities';
import { call, startApi, tokenFor, type RunningApi } from '../support/api-harness';
import { startTestIdentityProvider, type RunningTestProvider } from '../support/identity-provider-harness';

jest.setTimeout(120_000);

interface DirectoryUser {
  readonly id: string;
  readonly name: string;
  readonly userName: string;
  readonly groups: string[];
  readonly roles: string[];
}

/*
 * The admin's list of users and roles comes from the staff provider's directory (Graph-style
 * /users with their groups), read by the api with its own client-credentials token, and the groups
 * mapped to roles as the sign-in maps them.
 */
describe('The staff directory on the admin page', () => {
  let provider: RunningTestProvider;
  let api: RunningApi;
  let admin: string;
  // More people than one page of the directory holds (100), so the api must follow @odata.nextLink.
  const extra = Array.from({ length: 105 }, (_, index) => ({
    userName: `vikar.${String(index).padStart(3, '0')}`,
    name: `Vikar ${String(index).padStart(3, '0')}`,
    groups: index === 104 ? [LOCAL_STAFF_GROUPS.approver, LOCAL_STAFF_GROUPS.finance] : ['imdi-alle-ansatte'],
  }));

  beforeAll(async () => {
    provider = await startTestIdentityProvider({ staff: extra });
    api = await startApi();
    admin = await tokenFor({ sub: 'ada.systemeier', roles: ['admin'] });
  });

  afterAll(async () => {
    await api.close();
    await provider.stop();
  });

  async function directory(): Promise<DirectoryUser[]> {
    const response = await call(api.baseUrl, '/admin/access', { token: admin });
    expect(response.status).toBe(200);
    expect(response.body.directory.state).toBe('listed');
    return response.body.directory.users;
  }

  it('lists every user of the provider with name, groups and the roles the groups map to', async () => {
    const users = await directory();
    expect(users).toHaveLength(DEFAULT_TEST_IDENTITIES.staff.length + extra.length);
    expect(users.find((user) => user.id === 'kari.saksbehandler')).toEqual({
      id: 'kari.saksbehandler',
      name: 'Kari Saksbehandler',
      userName: 'kari.saksbehandler@imdi.no',
      groups: [LOCAL_STAFF_GROUPS.caseworker, 'imdi-alle-ansatte'],
      roles: ['caseworker'],
    });
    expect(users.find((user) => user.id === 'ada.systemeier')?.roles).toEqual(['admin']);
    expect(users.find((user) => user.id === 'vikar.104')?.roles).toEqual(['approver', 'finance']);
  });

  it('shows a person whose groups map to no role with no roles (the sign-in would turn them away)', async () => {
    const users = await directory();
    expect(users.find((user) => user.id === 'truls.kantine')).toMatchObject({ groups: ['imdi-alle-ansatte'], roles: [] });
    expect(users.find((user) => user.id === 'vikar.000')).toMatchObject({ roles: [] });
  });

  it('is for admins only', async () => {
    const caseworker = await tokenFor({ sub: 'kari.saksbehandler', roles: ['caseworker'] });
    expect((await call(api.baseUrl, '/admin/access', { token: caseworker })).status).toBe(403);
    expect((await call(api.baseUrl, '/admin/access')).status).toBe(401);
  });

  it('keeps the directory closed to callers without a client-credentials token of the staff client', async () => {
    const url = provider.staffDirectoryUrl;
    expect(process.env.AUTH_STAFF_DIRECTORY_URL).toBe(url);
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: `Bearer ${admin}` } })).status).toBe(401);
  });

  it('says the directory is unavailable, and still shows the role map, when the provider does not answer', async () => {
    await provider.stop();
    const response = await call(api.baseUrl, '/admin/access', { token: admin });
    expect(response.status).toBe(200);
    expect(response.body.directory).toEqual({ state: 'unavailable' });
    expect(response.body.roleMap).toEqual(expect.arrayContaining([{ group: LOCAL_STAFF_GROUPS.admin, role: 'admin' }]));
  });
});
