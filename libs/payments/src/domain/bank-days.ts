import Holidays from 'date-holidays';
import { addCalendarDays } from '@imdi/kernel';

// Norwegian banks settle neither on public holidays nor on Christmas Eve and New Year's Eve (type 'bank').
const NORWAY = new Holidays('NO', { types: ['public', 'bank'] });
const closedDaysByYear = new Map<number, ReadonlySet<string>>();

function closedDays(year: number): ReadonlySet<string> {
  let days = closedDaysByYear.get(year);
  if (!days) {
    days = new Set(NORWAY.getHolidays(year).map((holiday) => holiday.date.slice(0, 10)));
    closedDaysByYear.set(year, days);
  }
  return days;
}

/** Whether Norwegian banks settle payments on a calendar day ("2017-04-13"). */
export function isNorwegianBankDay(isoDate: string): boolean {
  const weekday = new Date(`${isoDate}T12:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !closedDays(Number(isoDate.slice(0, 4))).has(isoDate);
}

/** The day itself when banks settle on it, otherwise the next day they do. */
export function nextNorwegianBankDay(isoDate: string): string {
  let day = isoDate;
  while (!isNorwegianBankDay(day)) day = addCalendarDays(day, 1);
  return day;
}
