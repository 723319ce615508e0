import { plainToInstance } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsOptional, IsString, IsUrl, Length, Matches, Max, Min, validateSync } from 'class-validator';

const NODE_ENVIRONMENTS = ['development', 'test', 'production'] as const;
export type NodeEnvironment = (typeof NODE_ENVIRONMENTS)[number];

/**
 * Every setting the programs read from the environment. `process.env` is read here and nowhere else;
 * programme data (rates, deadlines, frames) lives in the database, not here.
 */
export class AppConfig {
  @IsIn(NODE_ENVIRONMENTS)
  NODE_ENV: NodeEnvironment = 'development';

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// connection URL' })
  DATABASE_URL: string;

  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// connection URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  @Matches(/^[a-z0-9_-]{1,40}$/, { message: 'QUEUE_PREFIX must be 1-40 of a-z, 0-9, _ or -' })
  QUEUE_PREFIX = 'imdi';

  @IsInt()
  @Min(0)
  @Max(65535)
  API_PORT = 3000;

  @IsString()
  API_HOST = '127.0.0.1';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsString()
  AUTH_ISSUER = 'imdi-tilskudd-local';

  @IsString()
  AUTH_AUDIENCE = 'imdi-tilskudd';

  /** Production: the OpenID Connect provider's key set. When unset, the local issuer's key is used. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['https', 'http'] })
  AUTH_JWKS_URL?: string;

  @IsString()
  AUTH_LOCAL_KEY_DIR = '.local/auth';

  /**
   * The address people reach the service at (https://tilskudd.imdi.no); the providers send them back
   * to its /auth/callback/… . Required in production; in development the request's own origin.
   */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['https', 'http'], require_protocol: true })
  AUTH_PUBLIC_URL?: string;

  /** IMDi staff sign in at the agency's provider (Entra ID-style). */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['https', 'http'], require_protocol: true })
  AUTH_STAFF_ISSUER?: string;

  @IsOptional()
  @IsString()
  AUTH_STAFF_CLIENT_ID?: string;

  @IsOptional()
  @IsString()
  AUTH_STAFF_CLIENT_SECRET?: string;

  @IsString()
  AUTH_STAFF_SCOPES = 'openid profile';

  /** The ID token claim that lists the person's groups (Entra ID: `groups`, or `roles` for app roles). */
  @IsString()
  AUTH_STAFF_GROUP_CLAIM = 'groups';

  /** The claim that identifies a staff member in the audit trail and four-eyes checks (Entra ID: `oid`). */
  @IsString()
  AUTH_STAFF_USER_ID_CLAIM = 'sub';

  /** JSON object from group (claim value) to role; a group not named gives no role. */
  @Matches(/^\{.*\}$/s, { message: 'AUTH_STAFF_ROLE_MAP must be a JSON object from group to role' })
  AUTH_STAFF_ROLE_MAP = JSON.stringify({
    'imdi-tilskudd-saksbehandler': 'caseworker',
    'imdi-tilskudd-godkjenner': 'approver',
    'imdi-tilskudd-okonomi': 'finance',
    'imdi-tilskudd-systemeier': 'admin',
    'aid-tilskudd-departement': 'ministry',
    'imdi-tilskudd-arkiv': 'archivist',
  });

  /**
   * The staff provider's directory of users and their groups (Microsoft Graph-style GET /users with
   * memberOf), read with a client-credentials token of AUTH_STAFF_CLIENT_ID: the admin's list of users and roles.
   */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['https', 'http'], require_protocol: true })
  AUTH_STAFF_DIRECTORY_URL?: string;

  /** The scope of that token (Entra ID: https://graph.microsoft.com/.default); none when unset. */
  @IsOptional()
  @IsString()
  AUTH_STAFF_DIRECTORY_SCOPE?: string;

  /** Applicants sign in as persons at ID-porten (or a provider like it). */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['https', 'http'], require_protocol: true })
  AUTH_APPLICANT_ISSUER?: string;

  @IsOptional()
  @IsString()
  AUTH_APPLICANT_CLIENT_ID?: string;

  @IsOptional()
  @IsString()
  AUTH_APPLICANT_CLIENT_SECRET?: string;

  @IsString()
  AUTH_APPLICANT_SCOPES = 'openid profile';

  /** The assurance level a person must have logged in at (ID-porten: idporten-loa-substantial or idporten-loa-high). */
  @IsString()
  AUTH_APPLICANT_ACR = 'idporten-loa-high';

  /** Altinn-style authorised parties: POST {type, value: national id} → the organisations and resources. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['https', 'http'], require_protocol: true })
  AUTH_REPRESENTATION_URL?: string;

  /** The resource (Altinn) a person must hold for an organisation to act for it here. */
  @IsString()
  AUTH_REPRESENTATION_RESOURCE = 'imdi-tilskudd';

  /** Maskinporten-style issuer of municipalities' system clients (client credentials). */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['https', 'http'], require_protocol: true })
  AUTH_MACHINE_ISSUER?: string;

  @IsString()
  AUTH_MACHINE_AUDIENCE = 'https://tilskudd.imdi.no';

  /** The scope a system must have been given to report per-capita settlement records. */
  @IsString()
  AUTH_MACHINE_SCOPE = 'imdi:tilskudd.bosetting';

  /** A browser session ends after this long without a request… */
  @IsInt()
  @Min(60)
  SESSION_IDLE_SECONDS = 30 * 60;

  /** …and this long after login whatever happens. */
  @IsInt()
  @Min(60)
  SESSION_ABSOLUTE_SECONDS = 8 * 60 * 60;

  @IsInt()
  @Min(100)
  OUTBOX_POLL_MS = 1000;

  /** Connections a process keeps to PostgreSQL (the api starts with fewer, see apps/api/src/main.ts). */
  @IsInt()
  @Min(2)
  DATABASE_POOL_MAX = 20;

  /** AES-256 key (base64, 32 bytes) for personal data at rest; required in production, a local key file otherwise. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'PERSONAL_DATA_KEY must be 32 bytes in base64' })
  PERSONAL_DATA_KEY?: string;

  /** HMAC key (base64, 32 bytes) sealing the audit chain; held outside the database. Required in production, a local key file otherwise. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'AUDIT_CHAIN_KEY must be 32 bytes in base64' })
  AUDIT_CHAIN_KEY?: string;

  /** How long a worker holds a job before another may take it over (a killed worker's jobs resume after this). */
  @IsInt()
  @Min(1000)
  WORKER_LOCK_MS = 30000;

  /**
   * Payments a payout run writes per transaction. Larger pages amortise the per-page work (ledger
   * posting, audit, progress); smaller ones lose less on a crash and let a test stop a run midway.
   */
  @IsInt()
  @Min(1)
  @Max(50000)
  PAYOUT_PAGE_SIZE = 5000;

  /** The paying agency as it appears in ISO 20022 payment files (set to IMDi's own values). */
  @IsString()
  PAYMENT_DEBTOR_NAME = 'Integrerings- og mangfoldsdirektoratet';

  @Matches(/^\d{9}$/, { message: 'PAYMENT_DEBTOR_ORGANISATION_NUMBER must be 9 digits' })
  PAYMENT_DEBTOR_ORGANISATION_NUMBER = '988295388';

  /** The agency's account in the state's group account system (11 digits). */
  @Matches(/^\d{11}$/, { message: 'PAYMENT_DEBTOR_ACCOUNT must be an 11-digit Norwegian account number' })
  PAYMENT_DEBTOR_ACCOUNT = '76940512057';

  @Matches(/^[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?$/, { message: 'PAYMENT_DEBTOR_BIC must be a BIC' })
  PAYMENT_DEBTOR_BIC = 'DNBANOKK';

  /**
   * The SMTP server every e-mail is handed to (smtp:// or smtps://, credentials in the URL).
   * Required in production; elsewhere the local mail catcher `npm start` runs (see smtpUrl).
   */
  @IsOptional()
  @Matches(/^smtps?:\/\/[^\s]+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** The sender of every e-mail; its domain also names each message's stable Message-ID. */
  @Matches(/^(.*<)?[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>?$/, { message: 'MAIL_FROM must be an e-mail address, optionally as "Name <address>"' })
  MAIL_FROM = 'Integrerings- og mangfoldsdirektoratet <ikke-svar@imdi.no>';

  get smtpUrl(): string {
    return this.SMTP_URL ?? 'smtp://127.0.0.1:1025';
  }

  /**
   * eFormidling's integration point (its REST interface, e.g. http://localhost:9093), through which
   * formal letters go to organisations and municipalities as digital post. Unset: letters stay in the
   * portal and the recipient is told by e-mail, as before.
   */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['https', 'http'], require_protocol: true }, { message: 'EFORMIDLING_URL must be an http:// or https:// URL' })
  EFORMIDLING_URL?: string;

  /** How often the worker asks the integration point what became of digital post not yet read. */
  @IsInt()
  @Min(200)
  EFORMIDLING_POLL_MS = 60_000;

  /**
   * Where journal entries are delivered as arkivmelding (the agency's archive system or eFormidling's
   * integration point). Unset: entries wait in the journal, their deliveries shown as failed.
   */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['https', 'http'], require_protocol: true })
  ARCHIVE_URL?: string;

  /** The administrative unit (administrativEnhet) every case file names. */
  @IsString()
  @Length(2, 200)
  JOURNAL_ADMINISTRATIVE_UNIT = 'Avdeling for tilskudd';

  /** The sender in every letter's letterhead, and the contact a recipient is given. */
  @IsString()
  @Length(5, 200)
  AGENCY_NAME = 'Integrerings- og mangfoldsdirektoratet';

  @IsString()
  @Length(2, 20)
  AGENCY_SHORT_NAME = 'IMDi';

  @IsString()
  @Length(5, 200)
  AGENCY_POSTAL_ADDRESS = 'Postboks 8059 Dep, 0031 Oslo';

  @Matches(/^\d{9}$/, { message: 'AGENCY_ORGANISATION_NUMBER must be 9 digits' })
  AGENCY_ORGANISATION_NUMBER = '988295388';

  @IsEmail({}, { message: 'AGENCY_EMAIL must be an e-mail address' })
  AGENCY_EMAIL = 'postmottak@imdi.no';

  @Matches(/^\+?[0-9 ]{8,20}$/, { message: 'AGENCY_PHONE must be a phone number, e.g. "24 16 88 00"' })
  AGENCY_PHONE = '24 16 88 00';

  @IsString()
  @Length(4, 200)
  AGENCY_WEBSITE = 'www.imdi.no';

  get agencyLetterhead(): {
    name: string;
    shortName: string;
    postalAddress: string;
    organisationNumber: string;
    email: string;
    phone: string;
    website: string;
  } {
    return {
      name: this.AGENCY_NAME,
      shortName: this.AGENCY_SHORT_NAME,
      postalAddress: this.AGENCY_POSTAL_ADDRESS,
      organisationNumber: this.AGENCY_ORGANISATION_NUMBER,
      email: this.AGENCY_EMAIL,
      phone: this.AGENCY_PHONE,
      website: this.AGENCY_WEBSITE,
    };
  }

  /**
   * Development and benchmarks only: the clock starts at this instant (ISO 8601 with offset) and runs
   * on from there, so the seeded 2017 programme can be worked through as if it were 2017.
   */
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, {
    message: 'CLOCK_START must be an ISO 8601 instant with offset, e.g. 2017-01-10T09:00:00+01:00',
  })
  CLOCK_START: string | undefined = undefined;

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

const NUMERIC_KEYS: ReadonlySet<string> = new Set([
  'API_PORT',
  'DATABASE_POOL_MAX',
  'OUTBOX_POLL_MS',
  'WORKER_LOCK_MS',
  'PAYOUT_PAGE_SIZE',
  'SESSION_IDLE_SECONDS',
  'SESSION_ABSOLUTE_SECONDS',
  'EFORMIDLING_POLL_MS',
]);

const OPTIONAL_KEYS = [
  'DATABASE_URL',
  'AUTH_JWKS_URL',
  'PERSONAL_DATA_KEY',
  'AUDIT_CHAIN_KEY',
  'SMTP_URL',
  'EFORMIDLING_URL',
  'AUTH_PUBLIC_URL',
  'AUTH_STAFF_ISSUER',
  'AUTH_STAFF_CLIENT_ID',
  'AUTH_STAFF_CLIENT_SECRET',
  'AUTH_STAFF_DIRECTORY_URL',
  'AUTH_STAFF_DIRECTORY_SCOPE',
  'AUTH_APPLICANT_ISSUER',
  'AUTH_APPLICANT_CLIENT_ID',
  'AUTH_APPLICANT_CLIENT_SECRET',
  'AUTH_REPRESENTATION_URL',
  'AUTH_MACHINE_ISSUER',
] as const;

/** What production cannot run without: real providers, never the local one. */
const REQUIRED_IN_PRODUCTION: ReadonlyArray<readonly [keyof AppConfig, string]> = [
  ['AUTH_PUBLIC_URL', 'the address people reach the service at'],
  ['AUTH_STAFF_ISSUER', "the agency's OpenID Connect issuer for staff"],
  ['AUTH_STAFF_CLIENT_ID', 'the client id at the staff issuer'],
  ['AUTH_STAFF_CLIENT_SECRET', 'the client secret at the staff issuer'],
  ['AUTH_APPLICANT_ISSUER', "ID-porten's issuer"],
  ['AUTH_APPLICANT_CLIENT_ID', 'the client id at ID-porten'],
  ['AUTH_APPLICANT_CLIENT_SECRET', 'the client secret at ID-porten'],
  ['AUTH_REPRESENTATION_URL', "Altinn's authorised parties endpoint"],
  ['AUTH_MACHINE_ISSUER', "Maskinporten's issuer"],
];

/** Validates the environment once; throws a ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(new AppConfig())) {
    const value = env[key];
    if (value === undefined || value === '') continue;
    raw[key] = NUMERIC_KEYS.has(key) && /^-?\d+$/.test(value) ? Number(value) : value;
  }
  for (const key of OPTIONAL_KEYS) {
    if (env[key]) raw[key] = env[key];
  }
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { skipMissingProperties: false });
  const problems = errors.flatMap((error) =>
    Object.values(error.constraints ?? {}).map((message) => (message.startsWith(error.property) ? message : `${error.property}: ${message}`)),
  );
  if (config.isProduction && !config.PERSONAL_DATA_KEY) {
    problems.push('PERSONAL_DATA_KEY must be set in production (32 bytes, base64)');
  }
  if (config.isProduction && !config.AUDIT_CHAIN_KEY) {
    problems.push('AUDIT_CHAIN_KEY must be set in production (32 bytes, base64)');
  }
  if (config.isProduction && config.CLOCK_START) {
    problems.push('CLOCK_START must not be set in production: legal deadlines follow the real clock');
  }
  if (config.isProduction && !config.AUTH_JWKS_URL) {
    problems.push('AUTH_JWKS_URL must be set in production (the OpenID Connect key set URL)');
  }
  if (config.isProduction && !config.SMTP_URL) {
    problems.push('SMTP_URL must be set in production (the SMTP server e-mails are handed to, e.g. smtps://user:pass@smtp.example.no:465)');
  }
  if (config.isProduction) {
    for (const [key, meaning] of REQUIRED_IN_PRODUCTION) if (!config[key]) problems.push(`${key} must be set in production (${meaning})`);
    if (!env.AUTH_STAFF_ROLE_MAP) problems.push("AUTH_STAFF_ROLE_MAP must be set in production (the agency's groups mapped to roles)");
    if (config.AUTH_PUBLIC_URL && !config.AUTH_PUBLIC_URL.startsWith('https://'))
      problems.push('AUTH_PUBLIC_URL must be https:// in production (the session cookie is Secure)');
  }
  problems.push(...staffRoleMapProblems(config.AUTH_STAFF_ROLE_MAP));
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

const STAFF_ROLES = ['caseworker', 'approver', 'finance', 'ministry', 'admin', 'archivist'];

function staffRoleMapProblems(value: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return ['AUTH_STAFF_ROLE_MAP must be a JSON object from group to role'];
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return ['AUTH_STAFF_ROLE_MAP must be a JSON object from group to role'];
  return Object.entries(parsed)
    .filter(([, role]) => !STAFF_ROLES.includes(String(role)))
    .map(([group, role]) => `AUTH_STAFF_ROLE_MAP: group ${group} maps to ${String(role)}, which is not one of ${STAFF_ROLES.join(', ')}`);
}

/** The staff role map, checked at start by loadConfig. */
export function staffRoleMap(config: AppConfig): ReadonlyMap<string, string> {
  return new Map(Object.entries(JSON.parse(config.AUTH_STAFF_ROLE_MAP) as Record<string, string>));
}

/** For program entry points: print each bad variable on its own line and exit non-zero. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const problem of error.problems) process.stderr.write(`Configuration error: ${problem}\n`);
      process.exit(78);
    }
    throw error;
  }
}
