import { appealTiming } from './appeal-deadline';

describe(appealTiming.name, () => {
  const sent = new Date('2017-03-15T10:00:00Z');

  it('is on time within three weeks', () => {
    expect(appealTiming(sent, new Date('2017-04-05T09:59:59Z'))).toMatchObject({ late: false, tooLate: false });
  });

  it('is late, but still received, after three weeks', () => {
    expect(appealTiming(sent, new Date('2017-04-06T10:00:00Z'))).toMatchObject({ late: true, tooLate: false });
  });

  it('is refused after a year', () => {
    expect(appealTiming(sent, new Date('2018-03-16T10:00:00Z'))).toMatchObject({ tooLate: true });
  });
});
