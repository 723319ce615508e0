import { plainToInstance } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  Max,
  Min,
  validateSync,
} from 'class-validator';

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

  get agencyLetterhead(): { name: string; shortName: string; postalAddress: string; organisationNumber: string; email: string; phone: string; website: string } {
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

const NUMERIC_KEYS: ReadonlySet<string> = new Set(['API_PORT', 'DATABASE_POOL_MAX', 'OUTBOX_POLL_MS', 'WORKER_LOCK_MS', 'PAYOUT_PAGE_SIZE']);

/** Validates the environment once; throws a ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(new AppConfig())) {
    const value = env[key];
    if (value === undefined || value === '') continue;
    raw[key] = NUMERIC_KEYS.has(key) && /^-?\d+$/.test(value) ? Number(value) : value;
  }
  for (const key of ['DATABASE_URL', 'AUTH_JWKS_URL', 'PERSONAL_DATA_KEY', 'AUDIT_CHAIN_KEY', 'SMTP_URL']) {
    if (env[key]) raw[key] = env[key];
  }
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { skipMissingProperties: false });
  const problems = errors.flatMap((error) =>
    Object.values(error.constraints ?? {}).map((message) =>
      message.startsWith(error.property) ? message : `${error.property}: ${message}`,
    ),
  );
  if (config.isProduction && !config.PERSONAL_DATA_KEY) {
    problems.push('PERSONAL_DATA_KEY must be set in production (32 bytes, base64)');
  }
  if (config.isProduction && !config.AUDIT_CHAIN_KEY) {
    problems.push('AUDIT_CHAIN_KEY must be set in production (32 bytes, base64)');
  }
  if (config.isProduction && !config.AUTH_JWKS_URL) {
    problems.push('AUTH_JWKS_URL must be set in production (the OpenID Connect key set URL)');
  }
  if (config.isProduction && !config.SMTP_URL) {
    problems.push('SMTP_URL must be set in production (the SMTP server e-mails are handed to, e.g. smtps://user:pass@smtp.example.no:465)');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
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
