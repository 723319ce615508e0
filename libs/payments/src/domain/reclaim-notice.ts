import { addCalendarDays, deadlineOnWorkingDay } from '@imdi/kernel';

/**
 * forvaltningsloven § 16: before a decision the party gets notice and a deadline to comment. The
 * act sets no length; two weeks is our floor, so that a municipality or organisation can answer
 * in practice (the notice may give more).
 */
export const MIN_COMMENT_DAYS = 14;
/** fvl. § 29: three weeks to appeal from the day the decision reached the party. */
export const APPEAL_DAYS = 21;
/** fvl. § 31 third paragraph: an appeal is not considered more than a year after the decision. */
export const APPEAL_LIMIT_DAYS = 365;

/** Whether the comment period of a notice is over: the deadline has passed, or the party has commented. */
export function commentPeriodOver(notice: { readonly commentDeadline: string; readonly commented: boolean }, today: string): boolean {
  return notice.commented || today > notice.commentDeadline;
}

/**
 * The last day to appeal a reclaim decision made on `decidedOn`: three weeks on, moved to the next
 * working day when that is a Saturday, a Sunday or a public holiday (fvl. § 30).
 */
export function reclaimAppealDeadline(decidedOn: string): string {
  return deadlineOnWorkingDay(addCalendarDays(decidedOn, APPEAL_DAYS));
}

/** Late appeals are recorded and flagged (fvl. § 31 lets them be considered); none after a year. */
export function reclaimAppealTiming(decidedOn: string, today: string): { readonly deadline: string; readonly late: boolean; readonly tooLate: boolean } {
  const deadline = reclaimAppealDeadline(decidedOn);
  return { deadline, late: today > deadline, tooLate: today > addCalendarDays(decidedOn, APPEAL_LIMIT_DAYS) };
}

export const RECLAIM_NOTICE_TEXT = {
  nb: {
    title: 'Forhåndsvarsel om krav om tilbakebetaling av tilskudd',
    amount: 'Beløp',
    deadline: 'Frist for uttalelse',
    intro: 'IMDi vurderer å kreve tilbake deler av tilskuddet som er utbetalt i saken.',
    why: 'Begrunnelse',
    comment: 'Dere kan uttale dere før vi treffer vedtak. Frist for uttalelse: {date}.',
    law: 'Varselet sendes etter forvaltningsloven § 16. Et eventuelt vedtak om tilbakebetaling er et enkeltvedtak som kan påklages innen tre uker, jf. forvaltningsloven § 29.',
  },
  nn: {
    title: 'Førehandsvarsel om krav om tilbakebetaling av tilskot',
    amount: 'Beløp',
    deadline: 'Frist for uttale',
    intro: 'IMDi vurderer å krevje tilbake delar av tilskotet som er utbetalt i saka.',
    why: 'Grunngiving',
    comment: 'De kan uttale dykk før vi gjer vedtak. Frist for uttale: {date}.',
    law: 'Varselet blir sendt etter forvaltningslova § 16. Eit eventuelt vedtak om tilbakebetaling er eit enkeltvedtak som kan klagast på innan tre veker, jf. forvaltningslova § 29.',
  },
} as const;
