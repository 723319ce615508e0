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

describe(endOfOsloDay.name, () => {
  it('ends the day in Oslo time, in winter and in summer', () => {
    expect(endOfOsloDay('2017-01-10').toISOString()).toBe('2017-01-10T22:59:59.999Z');
    expect(endOfOsloDay('2017-07-10').toISOString()).toBe('2017-07-10T21:59:59.999Z');
  });
});
