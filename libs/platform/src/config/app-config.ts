import { plainToInstance } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
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
   * Development and benchmarks only: the clock starts at this instant (ISO 8601 with offset) and runs
   * on from there, so the seeded 2017 programme can be worked through as if it were 2017.
   */
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, { message: 'CLOCK_START must be an ISO 8601 instant with offset, e.g. 2017-01-10T09:00:00+01:00' })
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

const NUMERIC_KEYS: ReadonlySet<string> = new Set(['API_PORT', 'DATABASE_POOL_MAX', 'OUTBOX_POLL_MS', 'WORKER_LOCK_MS', 'PAYOUT_PAGE_SIZE']);

/** Validates the environment once; throws a ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(new AppConfig())) {
    const value = env[key];
    if (value === undefined || value === '') continue;
    raw[key] = NUMERIC_KEYS.has(key) && /^-?\d+$/.test(value) ? Number(value) : value;
  }
  for (const key of ['DATABASE_URL', 'AUTH_JWKS_URL', 'PERSONAL_DATA_KEY']) {
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
  if (config.isProduction && config.CLOCK_START) {
    problems.push('CLOCK_START must not be set in production: legal deadlines follow the real clock');
  }
  if (config.isProduction && !config.AUTH_JWKS_URL) {
    problems.push('AUTH_JWKS_URL must be set in production (the OpenID Connect key set URL)');
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
