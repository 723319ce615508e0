import Holidays from 'date-holidays';
import { addCalendarDays } from './oslo-time';

/**
 * Norway's public holidays (helligdager and 1 and 17 May) as the maintained date-holidays package
 * publishes them, type 'public' only: Christmas Eve and New Year's Eve are bank holidays, not days the
 * law puts on a par with a Sunday, so a deadline ending on them stands.
 */
const NORWAY = new Holidays('NO', { types: ['public'] });
const holidaysByYear = new Map<number, ReadonlySet<string>>();

function publicHolidays(year: number): ReadonlySet<string> {
  let days = holidaysByYear.get(year);
  if (!days) {
    days = new Set(NORWAY.getHolidays(year).map((holiday) => holiday.date.slice(0, 10)));
    holidaysByYear.set(year, days);
  }
  return days;
}

/** Whether a calendar day ("2017-04-13") is a Norwegian public holiday. */
export function isNorwegianPublicHoliday(date: string): boolean {
  return publicHolidays(Number(addCalendarDays(date, 0).slice(0, 4))).has(date);
}

/** Whether a calendar day is a working day in Norway: not a Saturday, a Sunday or a public holiday. */
export function isNorwegianWorkingDay(date: string): boolean {
  const weekday = new Date(`${addCalendarDays(date, 0)}T12:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isNorwegianPublicHoliday(date);
}

/**
 * The last day of a deadline counted in days, weeks or months whose counted last day is `date`
 * (forvaltningsloven § 30): the day itself when it is a working day, otherwise the next working day.
 */
export function deadlineOnWorkingDay(date: string): string {
  let day = date;
  while (!isNorwegianWorkingDay(day)) day = addCalendarDays(day, 1);
  return day;
}
