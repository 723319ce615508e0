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

  it('refuses production without a key for the audit chain, and a key that is not 32 bytes', () => {
    const production = {
      ...valid,
      NODE_ENV: 'production',
      AUTH_JWKS_URL: 'https://login.example.no/jwks',
      PERSONAL_DATA_KEY: Buffer.alloc(32, 1).toString('base64'),
      SMTP_URL: 'smtp://mail.example.no:587',
      AUTH_PUBLIC_URL: 'https://tilskudd.imdi.no',
      AUTH_STAFF_ISSUER: 'https://login.microsoftonline.com/tenant/v2.0',
      AUTH_STAFF_CLIENT_ID: 'tilskudd',
      AUTH_STAFF_CLIENT_SECRET: 'hemmelig',
      AUTH_APPLICANT_ISSUER: 'https://idporten.no',
      AUTH_APPLICANT_CLIENT_ID: 'tilskudd',
      AUTH_APPLICANT_CLIENT_SECRET: 'hemmelig',
      AUTH_REPRESENTATION_URL: 'https://platform.altinn.no/authorization/api/v1/parties',
      AUTH_MACHINE_ISSUER: 'https://maskinporten.no/',
      AUTH_STAFF_ROLE_MAP: '{"grp-saksbehandler":"caseworker"}',
    };
    expect(() => loadConfig(production)).toThrow(/AUDIT_CHAIN_KEY/);
    expect(() => loadConfig({ ...production, AUDIT_CHAIN_KEY: Buffer.alloc(16, 1).toString('base64') })).toThrow(/AUDIT_CHAIN_KEY must be 32 bytes/);
    expect(loadConfig({ ...production, AUDIT_CHAIN_KEY: Buffer.alloc(32, 2).toString('base64') }).AUDIT_CHAIN_KEY).toBe(Buffer.alloc(32, 2).toString('base64'));
  });

  it('refuses production without an SMTP server, and a bad SMTP URL anywhere', () => {
    expect(() =>
      loadConfig({ ...valid, NODE_ENV: 'production', AUTH_JWKS_URL: 'https://id.example.no/jwks', PERSONAL_DATA_KEY: `${'A'.repeat(43)}=` }),
    ).toThrow(/SMTP_URL must be set in production/);
    expect(() => loadConfig({ ...valid, SMTP_URL: 'http://mail.example.no' })).toThrow(/SMTP_URL must be an smtp/);
    expect(loadConfig({ ...valid, SMTP_URL: 'smtp://127.0.0.1:2525' }).smtpUrl).toBe('smtp://127.0.0.1:2525');
  });

  it('takes an integration point for digital post as an http(s) URL, and none at all (letters stay in the portal)', () => {
    expect(loadConfig(valid).EFORMIDLING_URL).toBeUndefined();
    expect(loadConfig({ ...valid, EFORMIDLING_URL: 'http://127.0.0.1:9093', EFORMIDLING_POLL_MS: '500' })).toMatchObject({
      EFORMIDLING_URL: 'http://127.0.0.1:9093',
      EFORMIDLING_POLL_MS: 500,
    });
    expect(() => loadConfig({ ...valid, EFORMIDLING_URL: 'integrasjonspunkt:9093' })).toThrow(/EFORMIDLING_URL must be an http/);
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
