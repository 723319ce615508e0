import { addCalendarDays as addDays } from '@imdi/kernel';
import { commentPeriodOver, reclaimAppealTiming } from './reclaim-notice';

describe('reclaim notice and appeal deadlines', () => {
  it('counts calendar days across months and years', () => {
    expect(addDays('2017-12-20', 14)).toBe('2018-01-03');
    expect(addDays('2017-02-20', 14)).toBe('2017-03-06');
  });

  it('keeps the comment period open to the end of the deadline day, unless the party has commented', () => {
    expect(commentPeriodOver({ commentDeadline: '2017-06-30', commented: false }, '2017-06-30')).toBe(false);
    expect(commentPeriodOver({ commentDeadline: '2017-06-30', commented: false }, '2017-07-01')).toBe(true);
    expect(commentPeriodOver({ commentDeadline: '2017-06-30', commented: true }, '2017-06-10')).toBe(true);
  });

  it('gives three weeks to appeal, flags a late appeal and refuses one after a year', () => {
    expect(reclaimAppealTiming('2017-07-03', '2017-07-24')).toEqual({ deadline: '2017-07-24', late: false, tooLate: false });
    expect(reclaimAppealTiming('2017-07-03', '2017-07-25')).toMatchObject({ late: true, tooLate: false });
    expect(reclaimAppealTiming('2017-07-03', '2018-07-04')).toMatchObject({ tooLate: true });
  });

  it('moves an appeal deadline that ends on a weekend or public holiday to the next working day (fvl. § 30)', () => {
    // Three weeks from Saturday 1 July 2017 is Saturday 22 July: the appeal may come on Monday 24 July.
    expect(reclaimAppealTiming('2017-07-01', '2017-07-24')).toEqual({ deadline: '2017-07-24', late: false, tooLate: false });
    expect(reclaimAppealTiming('2017-07-01', '2017-07-25')).toMatchObject({ late: true });
    // Three weeks from 26 April 2017 is 17 May, Constitution Day: the deadline is Thursday 18 May.
    expect(reclaimAppealTiming('2017-04-26', '2017-05-18')).toMatchObject({ deadline: '2017-05-18', late: false });
  });
});
