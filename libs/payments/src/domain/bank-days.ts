import { addCalendarDays, norwegianHolidays } from '@imdi/kernel';

/** Whether Norwegian banks settle payments on a calendar day ("2017-04-13"). */
export function isNorwegianBankDay(isoDate: string): boolean {
  const weekday = new Date(`${isoDate}T12:00:00Z`).getUTCDay();
  // Norwegian banks settle neither on public holidays nor on Christmas Eve and New Year's Eve.
  return weekday !== 0 && weekday !== 6 && !norwegianHolidays(Number(isoDate.slice(0, 4))).has(isoDate);
}

/** The day itself when banks settle on it, otherwise the next day they do. */
export function nextNorwegianBankDay(isoDate: string): string {
  let day = isoDate;
  while (!isNorwegianBankDay(day)) day = addCalendarDays(day, 1);
  return day;
}
