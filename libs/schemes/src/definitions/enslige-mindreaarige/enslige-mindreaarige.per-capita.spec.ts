import { ratesInKroner } from '../shared/testing/scheme-fixtures';
import { ensligeMindreaarigePerCapita } from './enslige-mindreaarige.per-capita';

const rates = ratesInKroner({ 'age-0-16': 200_000, 'age-17-20': 150_000 });
const person = (birthDate: string, settlementDate = '2016-03-01') => ({ birthDate, settlementDate, category: 'unaccompanied-minor' });

describe('enslige-mindreaarige per period', () => {
  it('has one period per budget year', () => {
    expect(ensligeMindreaarigePerCapita.periodsOf(2017)).toEqual(['2017']);
  });

  it('pays by the age band the person reaches in the year, up to and including the year they turn 20', () => {
    const [year] = ensligeMindreaarigePerCapita.entitlementByPeriod(
      2017,
      [
        person('2001-12-31'), // turns 16: 200 000
        person('2000-01-01'), // turns 17: 150 000
        person('1997-06-30', '2014-05-01'), // turns 20: 150 000
        person('1996-06-30', '2013-05-01'), // turns 21: nothing
      ],
      rates,
    );
    expect(year.amount.toDecimalString()).toBe('500000.00');
    expect(year.lines.map((line) => [line.rateCode, line.persons, line.amount.toDecimalString()])).toEqual([
      ['age-0-16', 1, '200000.00'],
      ['age-17-20', 2, '300000.00'],
    ]);
  });

  it('pays nothing for a person settled after the year', () => {
    expect(ensligeMindreaarigePerCapita.entitlementByPeriod(2017, [person('2005-01-01', '2018-01-02')], rates)[0].amount.isZero()).toBe(true);
  });

  it('refuses a record of a person who was 18 or older when settled', () => {
    expect(ensligeMindreaarigePerCapita.checkRecord(person('1998-03-01', '2016-03-01'))).toEqual([
      expect.objectContaining({ field: 'settlementDate', rule: 'minor-at-settlement' }),
    ]);
    expect(ensligeMindreaarigePerCapita.checkRecord(person('1998-03-02', '2016-03-01'))).toEqual([]);
  });
});
