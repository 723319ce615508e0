import { call, startApi, type RunningApi } from '../support/api-harness';

describe('Development login', () => {
  describe('without an OpenID Connect provider (development)', () => {
    let api: RunningApi;
    beforeAll(async () => {
      api = await startApi();
    });
    afterAll(() => api.close());

    it('says the login page may offer the local issuer', async () => {
      expect((await call(api.baseUrl, '/auth/login-options')).body).toEqual({ mode: 'development' });
    });

    it('signs a token for the chosen role and organisation that the api then accepts', async () => {
      const login = await call(api.baseUrl, '/auth/dev-login', { method: 'POST', json: { role: 'applicant', userName: 'kari', displayName: 'Kari Nordmann', organisationNumber: '974 760 673' } });
      expect(login.status).toBe(200);
      const me = await call(api.baseUrl, '/me', { token: login.body.token });
      expect(me.body).toEqual({ userId: 'kari', name: 'Kari Nordmann', roles: ['applicant'], organisationNumbers: ['974760673'] });
    });

    it('gives staff no organisation even if one is sent', async () => {
      const login = await call(api.baseUrl, '/auth/dev-login', { method: 'POST', json: { role: 'caseworker', userName: 'per', organisationNumber: '974760673' } });
      expect((await call(api.baseUrl, '/me', { token: login.body.token })).body).toMatchObject({ roles: ['caseworker'], organisationNumbers: [] });
    });

    it('refuses an applicant without an organisation, or with a wrong check digit, naming the field', async () => {
      const missing = await call(api.baseUrl, '/auth/dev-login', { method: 'POST', json: { role: 'applicant', userName: 'kari' } });
      expect([missing.status, missing.body.errors[0].field]).toEqual([400, 'organisationNumber']);
      const wrong = await call(api.baseUrl, '/auth/dev-login', { method: 'POST', json: { role: 'applicant', userName: 'kari', organisationNumber: '974760674' } });
      expect([wrong.status, wrong.body.errors[0]]).toEqual([400, expect.objectContaining({ field: 'organisationNumber', rule: 'mod11-check-digit' })]);
    });

    it('refuses a role that does not exist', async () => {
      const response = await call(api.baseUrl, '/auth/dev-login', { method: 'POST', json: { role: 'superuser', userName: 'mallory' } });
      expect([response.status, response.body.errors[0].field]).toEqual([400, 'role']);
    });
  });

  describe('with an OpenID Connect provider configured (production)', () => {
    let api: RunningApi;
    beforeAll(async () => {
      // Never fetched: no token is verified in these tests.
      process.env.AUTH_JWKS_URL = 'https://login.example.no/.well-known/jwks.json';
      try {
        api = await startApi();
      } finally {
        delete process.env.AUTH_JWKS_URL;
      }
    });
    afterAll(() => api.close());

    it('does not exist', async () => {
      const response = await call(api.baseUrl, '/auth/dev-login', { method: 'POST', json: { role: 'approver', userName: 'mallory' } });
      expect(response.status).toBe(404);
      expect(response.body).not.toHaveProperty('token');
    });

    it('tells the login page to send people to the issuer', async () => {
      expect((await call(api.baseUrl, '/auth/login-options')).body).toEqual({ mode: 'oidc', issuer: 'imdi-tilskudd-local' });
    });
  });
});
