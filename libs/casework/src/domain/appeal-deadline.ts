import { addCalendarDays, deadlineOnWorkingDay, osloDate, osloLocalToInstant } from '@imdi/kernel';

/** fvl. § 29: three weeks from the day the decision reached the party. */
export const APPEAL_WEEKS = 3;
/** fvl. § 31 third paragraph: an appeal is not considered more than a year after the decision. */
export const APPEAL_LIMIT_YEARS = 1;
/** How long the recipient has to accept a grant (the letter states the date). */
export const ACCEPT_WITHIN_DAYS = 21;

/**
 * The last instant of an Oslo calendar day ("2017-04-05" → 23:59:59.999 Oslo time). A deadline
 * counted in days runs to the end of its last day (fvl. § 30: in time when handed in before it ends).
 */
export function endOfOsloDay(date: string): Date {
  return new Date(osloLocalToInstant(`${addCalendarDays(date, 1)}T00:00:00`).getTime() - 1);
}

/**
 * A deadline of whole days counted from the Oslo day of an instant: its last day and when that day ends.
 * A last day on a Saturday, a Sunday or a public holiday moves to the next working day (fvl. § 30).
 */
export function deadlineDaysAfter(from: Date, days: number): { readonly lastDay: string; readonly endsAt: Date } {
  const lastDay = deadlineOnWorkingDay(addCalendarDays(osloDate(from), days));
  return { lastDay, endsAt: endOfOsloDay(lastDay) };
}

/** The acceptance deadline of a grant letter produced at an instant. */
export function acceptanceDeadline(letterProducedAt: Date): { readonly lastDay: string; readonly endsAt: Date } {
  return deadlineDaysAfter(letterProducedAt, ACCEPT_WITHIN_DAYS);
}

export interface AppealTiming {
  readonly deadlineAt: Date;
  readonly late: boolean;
  readonly tooLate: boolean;
}

/** Late appeals are flagged, not lost (fvl. § 31 lets them be considered); none after a year. */
export function appealTiming(letterSentAt: Date, receivedAt: Date): AppealTiming {
  const deadlineAt = deadlineDaysAfter(letterSentAt, APPEAL_WEEKS * 7).endsAt;
  const limit = new Date(letterSentAt);
  limit.setUTCFullYear(limit.getUTCFullYear() + APPEAL_LIMIT_YEARS);
  return { deadlineAt, late: receivedAt > deadlineAt, tooLate: receivedAt > limit };
}
