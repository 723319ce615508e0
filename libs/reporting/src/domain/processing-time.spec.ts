import { processingDays, summariseTenths } from './processing-time';

describe(processingDays.name, () => {
  it('counts tenths of days from receipt to decision', () => {
    expect(processingDays(new Date('2017-02-01T10:00:00Z'), new Date('2017-02-11T22:00:00Z'))).toBe(105);
  });
});

describe(summariseTenths.name, () => {
  it('gives the middle value of an odd count and the mean of the middle two of an even one', () => {
    expect(summariseTenths([300, 100, 200])).toEqual({ median: '20.0', mean: '20.0' });
    expect(summariseTenths([100, 205, 300, 1000])).toEqual({ median: '25.3', mean: '40.1' });
  });

  it('has nothing to say without decisions', () => {
    expect(summariseTenths([])).toEqual({ median: null, mean: null });
  });
});
