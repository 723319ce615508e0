import { DateTime, FixedOffsetZone, IANAZone, type Zone } from 'luxon';
import { InvalidValueError } from '../errors/domain.error';

/** Legally relevant dates (deadlines, receipt, decision dates) are Norwegian local time. */
export const OSLO_TIME_ZONE = 'Europe/Oslo';

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

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
  const { year, month, day, hour, minute, second } = inOslo(instant);
  return { year, month, day, hour, minute, second };
}

/** "2017-01-31" for the Oslo calendar day of an instant. */
export function osloDate(instant: Date): string {
  return inOslo(instant).toFormat('yyyy-MM-dd');
}

/** "2017-01-31T23:59:59" as Oslo wall-clock time for an instant. */
export function osloDateTime(instant: Date): string {
  return inOslo(instant).toFormat("yyyy-MM-dd'T'HH:mm:ss");
}

/** "2017-03-01T10:15:00+01:00": Oslo wall-clock time with the offset in force at that instant. */
export function osloDateTimeWithOffset(instant: Date): string {
  return inOslo(toWholeSecond(instant)).toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
}

/** "15.02.2017 kl. 12.00": an instant as a Norwegian reader expects it in a message. */
export function formatOsloDateTime(instant: Date, withSeconds = false): string {
  const time = inOslo(instant);
  return time.toFormat(withSeconds || time.second !== 0 ? "dd.MM.yyyy 'kl.' HH.mm.ss" : "dd.MM.yyyy 'kl.' HH.mm");
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
  if (!match)
    throw new InvalidValueError(field, 'oslo-local-date-time', `«${field}» må være norsk tid skrevet ÅÅÅÅ-MM-DDTtt:mm:ss, for eksempel 2017-02-15T12:00:00.`);
  const time = DateTime.fromISO(local, { zone: OSLO_TIME_ZONE });
  // Luxon reads 24:00 as the next midnight; a wall clock never shows it. Inside the spring gap Luxon moves the time an hour on.
  if (!time.isValid || Number(match[4]) > 23) throw new InvalidValueError(field, 'valid-date-time', `«${field}» er ikke en dato og et klokkeslett som finnes.`);
  // In the autumn overlap Luxon gives the later (winter-time) reading; the earliest instant is the first occurrence.
  const earliest = time.getPossibleOffsets().reduce((first, candidate) => (candidate.toMillis() < first.toMillis() ? candidate : first), time);
  return earliest.toJSDate();
}

/** The instant, floored to whole seconds: deadlines are kept to the second. */
export function toWholeSecond(instant: Date): Date {
  return new Date(Math.floor(instant.getTime() / 1000) * 1000);
}

/** "2017-03-31" plus whole calendar days: "2017-04-21" for 21, whatever clocks do between. */
export function addCalendarDays(date: string, days: number): string {
  return calendarDate(date).plus({ days }).toFormat('yyyy-MM-dd');
}

/** The same day a number of months later, or that month's last day when it has none (31 March + 1 month = 30 April). */
export function addCalendarMonths(date: string, months: number): string {
  return calendarDate(date).plus({ months }).toFormat('yyyy-MM-dd');
}

function inOslo(instant: Date): DateTime<true> {
  const time = DateTime.fromJSDate(instant, { zone: osloZoneAt(instant.getTime()) });
  if (!time.isValid) throw new InvalidValueError('instant', 'valid-date-time', 'Tidspunktet finnes ikke.');
  return time;
}

function calendarDate(date: string): DateTime<true> {
  const day = DateTime.fromISO(date, { zone: 'UTC' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !day.isValid)
    throw new InvalidValueError('date', 'calendar-date', `«${date.slice(0, 20)}» er ikke en dato skrevet ÅÅÅÅ-MM-DD.`);
  return day;
}

const OSLO = IANAZone.create(OSLO_TIME_ZONE);
const HOUR_MS = 3_600_000;
const zoneByUtcHour = new Map<number, Zone>();

/**
 * Oslo's offset at an instant, as a fixed-offset zone for reading the wall clock. Luxon asks Intl for
 * the offset of every instant it is given (a formatToParts call, the largest part of a submit's date
 * work); Oslo's clocks change only on whole UTC hours, so an hour whose first and last millisecond
 * have the same offset is looked up once. An hour with a change in it (none since 1895) is looked up
 * per instant. Only for reading fields and formatting: arithmetic on it would not follow summer time.
 */
function osloZoneAt(epochMs: number): Zone {
  if (!Number.isFinite(epochMs)) return OSLO;
  const hour = Math.floor(epochMs / HOUR_MS);
  let zone = zoneByUtcHour.get(hour);
  if (!zone) {
    const first = OSLO.offset(hour * HOUR_MS);
    if (first !== OSLO.offset(hour * HOUR_MS + HOUR_MS - 1)) return FixedOffsetZone.instance(OSLO.offset(epochMs));
    if (zoneByUtcHour.size >= 10_000) zoneByUtcHour.clear();
    zone = FixedOffsetZone.instance(first);
    zoneByUtcHour.set(hour, zone);
  }
  return zone;
}
