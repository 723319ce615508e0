/** fvl. § 29: three weeks from the day the decision reached the party. */
export const APPEAL_WEEKS = 3;
/** fvl. § 31 third paragraph: an appeal is not considered more than a year after the decision. */
export const APPEAL_LIMIT_YEARS = 1;

export interface AppealTiming {
  readonly deadlineAt: Date;
  readonly late: boolean;
  readonly tooLate: boolean;
}

/** Late appeals are flagged, not lost (fvl. § 31 lets them be considered); none after a year. */
export function appealTiming(letterSentAt: Date, receivedAt: Date): AppealTiming {
  const deadlineAt = new Date(letterSentAt.getTime() + APPEAL_WEEKS * 7 * 86_400_000);
  const limit = new Date(letterSentAt);
  limit.setUTCFullYear(limit.getUTCFullYear() + APPEAL_LIMIT_YEARS);
  return { deadlineAt, late: receivedAt > deadlineAt, tooLate: receivedAt > limit };
}
