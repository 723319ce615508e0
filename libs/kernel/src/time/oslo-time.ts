import { InvalidValueError } from '../errors/domain.error';

/** Legally relevant dates (deadlines, receipt, decision dates) are Norwegian local time. */
export const OSLO_TIME_ZONE = 'Europe/Oslo';

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: OSLO_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

export interface OsloDateTimeParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** The wall-clock reading in Oslo at an instant. */
export function osloParts(instant: Date): OsloDateTimeParts {
  const parts = Object.fromEntries(partsFormatter.formatToParts(instant).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** "2017-01-31" for the Oslo calendar day of an instant. */
export function osloDate(instant: Date): string {
  const { year, month, day } = osloParts(instant);
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** "2017-01-31T23:59:59" as Oslo wall-clock time for an instant. */
export function osloDateTime(instant: Date): string {
  const { hour, minute, second } = osloParts(instant);
  return `${osloDate(instant)}T${pad(hour)}:${pad(minute)}:${pad(second)}`;
}

/** "2017-03-01T10:15:00+01:00": Oslo wall-clock time with the offset in force at that instant. */
export function osloDateTimeWithOffset(instant: Date): string {
  const { year, month, day, hour, minute, second } = osloParts(instant);
  const wholeSeconds = Math.floor(instant.getTime() / 1000) * 1000;
  const offsetMinutes = Math.round((Date.UTC(year, month - 1, day, hour, minute, second) - wholeSeconds) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  return `${osloDateTime(instant)}${sign}${pad(Math.floor(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`;
}

/** "15.02.2017 kl. 12.00": an instant as a Norwegian reader expects it in a message. */
export function formatOsloDateTime(instant: Date, withSeconds = false): string {
  const { year, month, day, hour, minute, second } = osloParts(instant);
  return `${pad(day)}.${pad(month)}.${year} kl. ${pad(hour)}.${pad(minute)}${withSeconds || second !== 0 ? `.${pad(second)}` : ''}`;
}

/** "15.02.2017" for an Oslo date "2017-02-15" or an instant. */
export function formatOsloDate(date: Date | string): string {
  const [year, month, day] = (typeof date === 'string' ? date : osloDate(date)).split('-');
  return `${day}.${month}.${year}`;
}

/**
 * The instant at which Oslo's clocks show `local` ("YYYY-MM-DDTHH:mm[:ss]"). Across the spring
 * gap the later offset applies; in the autumn overlap the first (summer-time) occurrence is taken.
 */
export function osloLocalToInstant(local: string, field = 'dateTime'): Date {
  const match = LOCAL_DATE_TIME.exec(local);
  if (!match) throw new InvalidValueError(field, 'oslo-local-date-time', `«${field}» må være norsk tid skrevet ÅÅÅÅ-MM-DDTtt:mm:ss, for eksempel 2017-02-15T12:00:00.`);
  const [year, month, day, hour, minute, second = '0'] = match.slice(1).map(Number) as number[];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, Number(second));
  const check = new Date(asUtc);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || Number(second) > 59) {
    throw new InvalidValueError(field, 'valid-date-time', `«${field}» er ikke en dato og et klokkeslett som finnes.`);
  }
  // Oslo is UTC+1 or UTC+2: try summer time first so an ambiguous autumn hour resolves to its first occurrence.
  for (const offsetHours of [2, 1]) {
    const candidate = new Date(asUtc - offsetHours * 3_600_000);
    if (osloDateTime(candidate) === `${local.slice(0, 16)}:${pad(Number(second))}`) return candidate;
  }
  // Inside the spring-forward gap (02:00–03:00 does not exist): the wall time an hour later.
  return new Date(asUtc - 3_600_000);
}

/** The instant, floored to whole seconds: deadlines are kept to the second. */
export function toWholeSecond(instant: Date): Date {
  return new Date(Math.floor(instant.getTime() / 1000) * 1000);
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
