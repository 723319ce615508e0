import { ConfigError, loadConfig } from './app-config';

describe(loadConfig.name, () => {
  const valid = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/imdi' };

  it('fills the documented defaults', () => {
    const config = loadConfig(valid);
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.API_PORT).toBe(3000);
    expect(config.NODE_ENV).toBe('development');
  });

  it('names every bad variable at once', () => {
    expect.assertions(4);
    try {
      loadConfig({ DATABASE_URL: 'mysql://x', REDIS_URL: 'http://nope', API_PORT: '99999' });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toContain('DATABASE_URL');
      expect(problems).toContain('REDIS_URL');
      expect(problems).toContain('API_PORT');
    }
  });

  it('refuses a missing DATABASE_URL', () => {
    expect(() => loadConfig({})).toThrow(/DATABASE_URL/);
  });

  it('refuses production without an OpenID Connect key set', () => {
    expect(() => loadConfig({ ...valid, NODE_ENV: 'production' })).toThrow(/AUTH_JWKS_URL/);
  });

  it('refuses production without the real sign-in providers, naming each setting', () => {
    expect.assertions(3);
    try {
      loadConfig({ ...valid, NODE_ENV: 'production', AUTH_JWKS_URL: 'https://login.example.no/jwks', PERSONAL_DATA_KEY: 'A'.repeat(43) + '=' });
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      for (const key of ['AUTH_STAFF_ISSUER', 'AUTH_APPLICANT_CLIENT_SECRET', 'AUTH_STAFF_ROLE_MAP']) expect(problems).toContain(key);
    }
  });

  it('refuses a staff role map that names a role that does not exist', () => {
    expect(() => loadConfig({ ...valid, AUTH_STAFF_ROLE_MAP: '{"grp-sjef":"superuser"}' })).toThrow(/grp-sjef maps to superuser/);
  });
});
