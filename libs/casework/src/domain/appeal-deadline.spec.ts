import { acceptanceDeadline, appealTiming, endOfOsloDay } from './appeal-deadline';

describe(appealTiming.name, () => {
  const sent = new Date('2017-03-15T10:00:00Z');

  it('is on time within three weeks', () => {
    expect(appealTiming(sent, new Date('2017-04-05T09:59:59Z'))).toMatchObject({ late: false, tooLate: false });
  });

  it('is on time until the end of the last Oslo day, not the hour the letter was sent (fvl. § 29/30)', () => {
    // Sent 11:00 Oslo time on 15 March; the last day is 5 April, which ends 23:59:59.999 Oslo summer time (21:59:59.999Z).
    expect(appealTiming(sent, new Date('2017-04-05T21:59:59Z'))).toMatchObject({ late: false });
    expect(appealTiming(sent, new Date('2017-04-05T22:00:00Z'))).toMatchObject({ late: true });
    expect(appealTiming(sent, new Date('2017-04-05T22:00:00Z')).deadlineAt.toISOString()).toBe('2017-04-05T21:59:59.999Z');
  });

  it('is late, but still received, after three weeks', () => {
    expect(appealTiming(sent, new Date('2017-04-06T10:00:00Z'))).toMatchObject({ late: true, tooLate: false });
  });

  it('ends on the next working day when three weeks end in Easter (fvl. § 30)', () => {
    // Sent Thursday 23 March 2017; three weeks end on Maundy Thursday 13 April, so the deadline is Tuesday 18 April.
    const inMarch = new Date('2017-03-23T10:00:00Z');
    expect(appealTiming(inMarch, new Date('2017-04-18T21:59:59Z'))).toMatchObject({ late: false, deadlineAt: new Date('2017-04-18T21:59:59.999Z') });
    expect(appealTiming(inMarch, new Date('2017-04-18T22:00:00Z'))).toMatchObject({ late: true });
  });

  it('moves a deadline ending on a Saturday to the Monday, in the time zone of that Monday', () => {
    // Sent Saturday 7 October 2017 (summer time); three weeks end Saturday 28 October; clocks go back on the 29th.
    expect(appealTiming(new Date('2017-10-07T10:00:00Z'), new Date('2017-10-30T12:00:00Z')).deadlineAt.toISOString()).toBe('2017-10-30T22:59:59.999Z');
  });

  it('is refused after a year', () => {
    expect(appealTiming(sent, new Date('2018-03-16T10:00:00Z'))).toMatchObject({ tooLate: true });
  });
});

describe(acceptanceDeadline.name, () => {
  it('runs 21 days from the Oslo day of the letter to the end of that day', () => {
    // 23:30 Oslo time on 31 January is still 31 January in Oslo, though 22:30Z.
    expect(acceptanceDeadline(new Date('2017-01-31T22:30:00Z'))).toEqual({ lastDay: '2017-02-21', endsAt: new Date('2017-02-21T22:59:59.999Z') });
  });
});

describe(`${acceptanceDeadline.name} on a holiday`, () => {
  it('moves to the next working day when the 21 days end on 17 May or at Christmas', () => {
    // 26 April 2017 + 21 days = Wednesday 17 May; 4 December 2018 + 21 days = Christmas Day (Tuesday).
    expect(acceptanceDeadline(new Date('2017-04-26T10:00:00Z'))).toEqual({ lastDay: '2017-05-18', endsAt: new Date('2017-05-18T21:59:59.999Z') });
    expect(acceptanceDeadline(new Date('2018-12-04T10:00:00Z'))).toEqual({ lastDay: '2018-12-27', endsAt: new Date('2018-12-27T22:59:59.999Z') });
  });
});

describe(endOfOsloDay.name, () => {
  it('ends the day in Oslo time, in winter and in summer', () => {
    expect(endOfOsloDay('2017-01-10').toISOString()).toBe('2017-01-10T22:59:59.999Z');
    expect(endOfOsloDay('2017-07-10').toISOString()).toBe('2017-07-10T21:59:59.999Z');
  });
});
