import pino, { type Logger } from 'pino';

/**
 * National identity numbers and bank account numbers are both 11 digits (with optional separators):
 * whatever field they hide in, they never reach a log line.
 */
const ELEVEN_DIGITS = /\b\d{6}[ .]?\d{5}\b|\b\d{4}[ .]\d{2}[ .]\d{5}\b/g;
const BEARER = /Bearer\s+[A-Za-z0-9._~+/=-]+/gi;

export function scrubSecrets(text: string): string {
  return text.replace(BEARER, 'Bearer [redacted]').replace(ELEVEN_DIGITS, '[redacted]');
}

function scrubValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubSecrets(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, depth + 1));
  if (value instanceof Error) return { type: value.name, message: scrubSecrets(value.message), stack: value.stack && scrubSecrets(value.stack) };
  // An instance of a class (a request, a response) is not walked: the redaction paths and its own toJSON decide what is written.
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrubValue(item, depth + 1)]));
}

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.headers.authorization',
  '*.headers.cookie',
  '*.token',
  '*.accessToken',
  '*.idToken',
  '*.refreshToken',
  '*.csrfToken',
  '*.sessionId',
  '*.password',
  '*.nationalIdNumber',
  '*.accountNumber',
];

/** Nest's start-up chatter: one line per module and route. */
const QUIET_CONTEXTS: ReadonlySet<string> = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

export function createRootLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: process.env.npm_package_name ?? 'imdi-tilskudd' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      formatters: { log: (object) => scrubValue(object) as Record<string, unknown> },
      hooks: {
        logMethod(args, method, level) {
          // Nest's start-up chatter (one line per module and route) is debug, not info.
          const context: unknown = typeof args[0] === 'object' && args[0] !== null ? (args[0] as { context?: unknown }).context : undefined;
          if (level > this.levels.values.debug && typeof context === 'string' && QUIET_CONTEXTS.has(context)) {
            if (this.isLevelEnabled('debug')) this.debug(...(args as Parameters<typeof method>));
            return;
          }
          method.apply(this, args.map((arg) => scrubValue(arg)) as Parameters<typeof method>);
        },
      },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
