import { parseArgs } from 'node:util';
import { isRole, LocalIssuer, type Role } from '@imdi/auth';
import { loadConfigOrExit } from '@imdi/platform';

/** Prints a development token from the local issuer: npm run token -- --role caseworker --sub kari */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true },
      sub: { type: 'string' },
      org: { type: 'string', multiple: true },
      name: { type: 'string' },
      ttl: { type: 'string', default: '8h' },
    },
  });
  const roles = values.role ?? [];
  const unknown = roles.filter((role) => !isRole(role));
  if (roles.length === 0 || unknown.length > 0) {
    throw new Error(
      `--role must be one or more of applicant, caseworker, approver, finance, ministry, admin${unknown.length ? ` (not: ${unknown.join(', ')})` : ''}`,
    );
  }
  if (!values.sub) throw new Error('--sub (the user id) is required');
  process.env.DATABASE_URL ??= 'postgres://unused@127.0.0.1/unused';
  const config = loadConfigOrExit();
  const issuer = await LocalIssuer.open(config.AUTH_LOCAL_KEY_DIR, config.AUTH_ISSUER, config.AUTH_AUDIENCE);
  const token = await issuer.sign({
    sub: values.sub,
    roles: roles as Role[],
    organisationNumbers: values.org ?? [],
    name: values.name,
    expiresIn: values.ttl,
  });
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
