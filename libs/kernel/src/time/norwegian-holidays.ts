import { gregorianEaster } from 'date-easter';
import { addCalendarDays } from './oslo-time';

/**
 * 'public': a day the law puts on a par with a Sunday. 'bank': a weekday banks do not settle on
 * although it is no public holiday (Christmas Eve and New Year's Eve).
 */
export type NorwegianHolidayKind = 'public' | 'bank';

/**
 * The holidays of lov om helligdager og helligdagsfred § 1 (New Year's Day, Maundy Thursday, Good
 * Friday, Easter Day and Easter Monday, Ascension Day, Whit Sunday and Whit Monday, Christmas Day and
 * Boxing Day), the two of lov om 1. og 17. mai som høgtidsdager, and the two days banks close besides.
 * Easter comes from the maintained date-easter package. This list is the whole of Norway's rules; it
 * replaces the date-holidays package at run time, whose parser loads every country's calendars (5 MB
 * of heap and some 20 MB of resident memory in each process). norwegian-holidays.spec.ts checks it against date-holidays' Norway, year by
 * year, so a change there shows up as a failing test.
 */
const FIXED: readonly (readonly [monthDay: string, kind: NorwegianHolidayKind])[] = [
  ['01-01', 'public'],
  ['05-01', 'public'],
  ['05-17', 'public'],
  ['12-24', 'bank'],
  ['12-25', 'public'],
  ['12-26', 'public'],
  ['12-31', 'bank'],
];
/** Maundy Thursday, Good Friday, Easter Day, Easter Monday, Ascension Day, Whit Sunday, Whit Monday. */
const DAYS_FROM_EASTER: readonly number[] = [-3, -2, 0, 1, 39, 49, 50];

const holidaysByYear = new Map<number, ReadonlyMap<string, NorwegianHolidayKind>>();

/** Norway's holidays in a calendar year, by day ("2017-04-13"). */
export function norwegianHolidays(year: number): ReadonlyMap<string, NorwegianHolidayKind> {
  let days = holidaysByYear.get(year);
  if (!days) {
    const easter = gregorianEaster(year);
    const easterDay = `${year}-${String(easter.month).padStart(2, '0')}-${String(easter.day).padStart(2, '0')}`;
    const all = new Map<string, NorwegianHolidayKind>(FIXED.map(([monthDay, kind]) => [`${year}-${monthDay}`, kind]));
    for (const offset of DAYS_FROM_EASTER) all.set(addCalendarDays(easterDay, offset), 'public');
    days = all;
    holidaysByYear.set(year, days);
  }
  return days;
}
