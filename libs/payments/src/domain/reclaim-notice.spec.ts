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
    expect(reclaimAppealTiming('2017-07-01', '2017-07-22')).toEqual({ deadline: '2017-07-22', late: false, tooLate: false });
    expect(reclaimAppealTiming('2017-07-01', '2017-07-23')).toMatchObject({ late: true, tooLate: false });
    expect(reclaimAppealTiming('2017-07-01', '2018-07-02')).toMatchObject({ tooLate: true });
  });
});
