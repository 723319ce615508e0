import { InvalidValueError } from '../errors/domain.error';
import { deadlineOnWorkingDay, isNorwegianPublicHoliday, isNorwegianWorkingDay } from './working-days';

describe(deadlineOnWorkingDay.name, () => {
  it('keeps a deadline that already ends on a working day', () => {
    expect(deadlineOnWorkingDay('2017-04-05')).toBe('2017-04-05'); // Wednesday
    expect(deadlineOnWorkingDay('2017-12-22')).toBe('2017-12-22'); // Friday before Christmas
  });

  it('moves a Saturday or a Sunday to the Monday', () => {
    expect(deadlineOnWorkingDay('2017-03-18')).toBe('2017-03-20');
    expect(deadlineOnWorkingDay('2017-03-19')).toBe('2017-03-20');
  });

  it('moves a deadline in Easter past Maundy Thursday, Good Friday, the weekend and Easter Monday', () => {
    // Easter 2017: Thursday 13 April to Monday 17 April.
    for (const day of ['2017-04-13', '2017-04-14', '2017-04-15', '2017-04-16', '2017-04-17']) expect(deadlineOnWorkingDay(day)).toBe('2017-04-18');
    expect(deadlineOnWorkingDay('2017-04-12')).toBe('2017-04-12');
  });

  it('moves 17 May to the next working day', () => {
    expect(deadlineOnWorkingDay('2017-05-17')).toBe('2017-05-18'); // Wednesday
    expect(deadlineOnWorkingDay('2019-05-17')).toBe('2019-05-20'); // Friday: over the weekend
  });

  it("moves Christmas Day and Boxing Day, but not Christmas Eve or New Year's Eve", () => {
    expect(deadlineOnWorkingDay('2018-12-25')).toBe('2018-12-27');
    expect(deadlineOnWorkingDay('2018-12-26')).toBe('2018-12-27');
    expect(deadlineOnWorkingDay('2018-12-24')).toBe('2018-12-24');
    expect(deadlineOnWorkingDay('2018-12-31')).toBe('2018-12-31');
    // 2016: Christmas Day on a Sunday, Boxing Day Monday.
    expect(deadlineOnWorkingDay('2016-12-24')).toBe('2016-12-27');
  });

  it('moves over New Year into the next year', () => {
    // 2017-12-30 Saturday, 31 Sunday, 2018-01-01 New Year's Day.
    expect(deadlineOnWorkingDay('2017-12-30')).toBe('2018-01-02');
  });

  it('counts calendar days across the change to summer and winter time', () => {
    // Summer time began Sunday 26 March 2017 and ended Sunday 29 October 2017.
    expect(deadlineOnWorkingDay('2017-03-26')).toBe('2017-03-27');
    expect(deadlineOnWorkingDay('2017-10-28')).toBe('2017-10-30');
  });

  it('refuses what is not a calendar date', () => {
    expect(() => deadlineOnWorkingDay('2017-02-30')).toThrow(InvalidValueError);
    expect(() => isNorwegianWorkingDay('17.05.2017')).toThrow(InvalidValueError);
  });
});

describe(isNorwegianPublicHoliday.name, () => {
  it('knows Ascension Day and Whit Monday, which move with Easter', () => {
    expect(isNorwegianPublicHoliday('2017-05-25')).toBe(true);
    expect(isNorwegianPublicHoliday('2017-06-05')).toBe(true);
    expect(isNorwegianPublicHoliday('2017-06-06')).toBe(false);
  });
});
