import { norwegianHolidays } from './norwegian-holidays';
import { addCalendarDays } from './oslo-time';

/** Whether a calendar day ("2017-04-13") is a Norwegian public holiday. */
export function isNorwegianPublicHoliday(date: string): boolean {
  // Christmas Eve and New Year's Eve are bank holidays, not days the law puts on a par with a Sunday,
  // so a deadline ending on them stands.
  return norwegianHolidays(Number(addCalendarDays(date, 0).slice(0, 4))).get(date) === 'public';
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
