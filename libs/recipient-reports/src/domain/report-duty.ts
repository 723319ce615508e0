import { addCalendarDays, addCalendarMonths, Money } from '@imdi/kernel';

/** Grants of 400 000 kr or more need accounts confirmed by an auditor (the grant letter says so). */
export const AUDITOR_THRESHOLD = Money.ofKroner(400_000);

/**
 * The report is due at the latest a number of months after the project ends (three unless the
 * scheme says otherwise); a grant without a project period runs for its budget year.
 */
export function reportDueOn(periodEnd: string | null, budgetYear: number, monthsAfter: number): string {
  const end = periodEnd && /^\d{4}-\d{2}-\d{2}$/.test(periodEnd) ? periodEnd : `${budgetYear}-12-31`;
  return addCalendarMonths(end, monthsAfter);
}

export function auditorRequired(granted: Money): boolean {
  return !granted.lessThan(AUDITOR_THRESHOLD);
}

/** When reminders go out: two weeks before the deadline, and the day after it has passed. */
export const REMIND_DAYS_BEFORE = 14;

export type ReminderKind = 'before-deadline' | 'overdue';

export function reminderDue(dueOn: string, today: string): ReminderKind | null {
  if (today > dueOn) return 'overdue';
  const remindFrom = addCalendarDays(dueOn, -REMIND_DAYS_BEFORE);
  return today >= remindFrom ? 'before-deadline' : null;
}
