import { InvalidValueError, Money } from '@imdi/kernel';
import { UnknownRateError } from '../../domain/rate-table';
import { ratesInKroner } from '../shared/testing/scheme-fixtures';
import { norskSamfunnskunnskap } from './norsk-samfunnskunnskap.scheme';

const rates = ratesInKroner({ 'year1-person': 60_000, 'year2-person': 75_000, 'year3-person': 35_000, 'result-bonus': 7_000 });

function grantFor(personsByCategory: Record<string, number>): Money {
  return norskSamfunnskunnskap.calculation!.calculate({ personsByCategory }, rates);
}

describe('norsk-samfunnskunnskap', () => {
  it('pays each category’s rate times its count', () => {
    // 10 × 60 000 + 4 × 75 000 + 2 × 35 000 + 3 × 7 000 = 600 000 + 300 000 + 70 000 + 21 000 = 991 000
    expect(grantFor({ 'year1-person': 10, 'year2-person': 4, 'year3-person': 2, 'result-bonus': 3 })).toEqual(Money.ofKroner(991_000));
  });

  it('pays nothing for no persons', () => {
    expect(grantFor({})).toEqual(Money.zero());
    expect(grantFor({ 'year1-person': 0 })).toEqual(Money.zero());
  });

  it('refuses a category the year has no rate for', () => {
    expect(() => grantFor({ 'year4-person': 1 })).toThrow(UnknownRateError);
  });

  it('refuses a count that is not a whole number of persons', () => {
    expect(() => grantFor({ 'year1-person': -1 })).toThrow(InvalidValueError);
    expect(() => grantFor({ 'year1-person': 1.5 })).toThrow(InvalidValueError);
  });
});
