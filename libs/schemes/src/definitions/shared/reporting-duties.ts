import type { ReportContent, ReportingDuty } from '../../domain/scheme-definition';

// SPEC §4: due at the latest three months after the project ends, unless the letter says otherwise.
const DEFAULT_MONTHS_AFTER_PERIOD = 3;

export function reportAfterPeriod(contents: readonly ReportContent[], note?: { readonly nb: string; readonly nn: string }): ReportingDuty {
  return note === undefined
    ? { dueMonthsAfterPeriodEnd: DEFAULT_MONTHS_AFTER_PERIOD, contents }
    : { dueMonthsAfterPeriodEnd: DEFAULT_MONTHS_AFTER_PERIOD, contents, note };
}

export const PROJECT_REPORT = reportAfterPeriod(['use-of-funds', 'results', 'accounts']);

/** Projects whose results are people: counts of participants and where they went. */
export const PARTICIPANT_PROJECT_REPORT = reportAfterPeriod(['use-of-funds', 'results', 'participants', 'accounts']);
