import { InvalidValueError, Money } from '@imdi/kernel';
import { ratesInKroner } from '../shared/testing/scheme-fixtures';
import { ensligeMindreaarige, ensligeMindreaarigeRateCode } from './enslige-mindreaarige.scheme';

// Distinct amounts for the two bands, so a wrong band shows.
const rates = ratesInKroner({ 'age-0-16': 200_000, 'age-17-20': 150_000 });

function grantFor(birthYears: number[], budgetYear = 2017): Money {
  return ensligeMindreaarige.calculation!.calculate({ budgetYear, persons: birthYears.map((birthYear) => ({ birthYear })) }, rates);
}

describe('enslige-mindreaarige', () => {
  it('uses the 0–16 band up to the year the person turns 16', () => {
    expect(ensligeMindreaarigeRateCode(2017, 2001)).toBe('age-0-16'); // turns 16
    expect(ensligeMindreaarigeRateCode(2017, 2017)).toBe('age-0-16'); // born this year
    expect(grantFor([2001])).toEqual(Money.ofKroner(200_000));
  });

  it('uses the 17–20 band from the year the person turns 17', () => {
    expect(ensligeMindreaarigeRateCode(2017, 2000)).toBe('age-17-20');
    expect(grantFor([2000])).toEqual(Money.ofKroner(150_000));
  });

  it('pays up to and including the year the person turns 20, not 21', () => {
    expect(grantFor([1997])).toEqual(Money.ofKroner(150_000)); // 2017 − 1997 = 20
    expect(ensligeMindreaarigeRateCode(2017, 1996)).toBeNull(); // 2017 − 1996 = 21
    expect(grantFor([1996])).toEqual(Money.zero());
  });

  it('sums the persons of a municipality', () => {
    // 200 000 (16) + 150 000 (17) + 150 000 (20) + 0 (21) = 500 000
    expect(grantFor([2001, 2000, 1997, 1996])).toEqual(Money.ofKroner(500_000));
    expect(grantFor([])).toEqual(Money.zero());
  });

  it('refuses a person born after the budget year', () => {
    expect(() => grantFor([2018])).toThrow(InvalidValueError);
  });
});
