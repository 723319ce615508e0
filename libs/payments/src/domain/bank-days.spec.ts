import { isNorwegianBankDay, nextNorwegianBankDay } from './bank-days';

describe(nextNorwegianBankDay.name, () => {
  it('keeps an ordinary weekday', () => {
    expect(nextNorwegianBankDay('2017-03-01')).toBe('2017-03-01');
  });

  it('moves a weekend to the Monday', () => {
    expect(nextNorwegianBankDay('2017-03-04')).toBe('2017-03-06');
    expect(nextNorwegianBankDay('2017-03-05')).toBe('2017-03-06');
  });

  it('moves over Easter, from Maundy Thursday to the Tuesday after Easter Monday', () => {
    expect(nextNorwegianBankDay('2017-04-13')).toBe('2017-04-18');
    expect(nextNorwegianBankDay('2018-03-29')).toBe('2018-04-03');
  });

  it('moves 1 May, 17 May, Ascension Day and Whit Monday to the next bank day', () => {
    expect(nextNorwegianBankDay('2017-05-01')).toBe('2017-05-02');
    expect(nextNorwegianBankDay('2017-05-17')).toBe('2017-05-18');
    expect(nextNorwegianBankDay('2017-05-25')).toBe('2017-05-26');
    expect(nextNorwegianBankDay('2017-06-05')).toBe('2017-06-06');
  });

  it('moves Christmas and New Year, when banks are closed, into the next year', () => {
    expect(nextNorwegianBankDay('2017-12-22')).toBe('2017-12-22');
    expect(nextNorwegianBankDay('2017-12-25')).toBe('2017-12-27');
    expect(nextNorwegianBankDay('2018-12-24')).toBe('2018-12-27');
    expect(nextNorwegianBankDay('2018-12-31')).toBe('2019-01-02');
  });
});

describe(isNorwegianBankDay.name, () => {
  it('knows the Easter days of a year from the date of Easter', () => {
    expect(['2019-04-18', '2019-04-19', '2019-04-22'].map(isNorwegianBankDay)).toEqual([false, false, false]);
    expect(isNorwegianBankDay('2019-04-23')).toBe(true);
  });
});
