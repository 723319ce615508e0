import Holidays from 'date-holidays';
import { norwegianHolidays } from './norwegian-holidays';

describe(norwegianHolidays.name, () => {
  it("names the same days, of the same kind, as date-holidays' Norway from 1950 to 2150", () => {
    // date-holidays is the maintained calendar; it is a development dependency only, because its parser
    // loads every country's rules into each process that imports it.
    const reference = new Holidays('NO', { types: ['public', 'bank'] });
    for (let year = 1950; year <= 2150; year += 1) {
      const expected = new Map(reference.getHolidays(year).map((holiday) => [holiday.date.slice(0, 10), holiday.type]));
      expect([year, new Map(norwegianHolidays(year))]).toEqual([year, expected]);
    }
  });

  it('moves Easter, Ascension Day and Pentecost with the date of Easter', () => {
    const days = (year: number) => [...norwegianHolidays(year)].filter(([, kind]) => kind === 'public').map(([day]) => day);
    // Easter Day 2017: 16 April; 2019: 21 April.
    expect(days(2017)).toEqual(expect.arrayContaining(['2017-04-13', '2017-04-14', '2017-04-16', '2017-04-17', '2017-05-25', '2017-06-04', '2017-06-05']));
    expect(days(2019)).toEqual(expect.arrayContaining(['2019-04-18', '2019-04-19', '2019-05-30', '2019-06-10']));
    expect(norwegianHolidays(2018).get('2018-12-24')).toBe('bank');
    expect(norwegianHolidays(2018).get('2018-12-27')).toBeUndefined();
  });
});
