import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidValueError, Money } from '@imdi/kernel';
import { RateTable } from '../../domain/rate-table';
import { BERGEN, claimForm, OSLO, ratesInKroner } from '../shared/testing/scheme-fixtures';
import { IntegreringstilskuddClaimForm } from './integreringstilskudd.form';
import { integreringstilskudd, integreringstilskuddPerPerson, INTEGRERINGSTILSKUDD_RATE_CODES, type SettledPerson } from './integreringstilskudd.scheme';

// Distinct amounts, so a wrong rate shows in the total.
const rates = ratesInKroner({
  'year1-single-adult': 230_000,
  'year1-adult': 180_000,
  'year1-unaccompanied-minor': 185_000,
  'year1-child': 170_000,
  year2: 200_000,
  year3: 150_000,
  year4: 80_000,
  year5: 70_000,
  elderly: 160_000,
  kindergarten: 25_000,
});

function grantFor(person: SettledPerson, budgetYear = 2017): Money {
  return integreringstilskudd.calculation!.calculate({ budgetYear, persons: [person] }, rates);
}

const adult = (settlementYear: number, age = 35): SettledPerson => ({ settlementYear, category: 'adult', age });

describe('integreringstilskudd', () => {
  it('pays year 1 by category in the settlement year', () => {
    expect(grantFor({ settlementYear: 2017, category: 'single-adult', age: 30 })).toEqual(Money.ofKroner(230_000));
    expect(grantFor(adult(2017))).toEqual(Money.ofKroner(180_000));
    expect(grantFor({ settlementYear: 2017, category: 'unaccompanied-minor', age: 15 })).toEqual(Money.ofKroner(185_000));
    expect(grantFor({ settlementYear: 2017, category: 'child', age: 8 })).toEqual(Money.ofKroner(170_000));
  });

  it('pays years 2–5 by year of settlement: budget year − settlement year + 1', () => {
    expect(grantFor(adult(2016))).toEqual(Money.ofKroner(200_000)); // 2017 − 2016 + 1 = year 2
    expect(grantFor(adult(2015))).toEqual(Money.ofKroner(150_000)); // year 3
    expect(grantFor(adult(2014))).toEqual(Money.ofKroner(80_000)); // year 4
  });

  it('pays year 5 and nothing from year 6', () => {
    expect(grantFor(adult(2013))).toEqual(Money.ofKroner(70_000)); // 2017 − 2013 + 1 = 5
    expect(grantFor(adult(2012))).toEqual(Money.zero()); // 2017 − 2012 + 1 = 6
  });

  it('pays nothing before the settlement year', () => {
    expect(grantFor(adult(2018))).toEqual(Money.zero()); // 2017 − 2018 + 1 = 0
  });

  it('adds eldretilskudd from age 60 at settlement, not at 59', () => {
    expect(grantFor(adult(2017, 60))).toEqual(Money.ofKroner(340_000)); // 180 000 + 160 000
    expect(grantFor(adult(2017, 59))).toEqual(Money.ofKroner(180_000));
  });

  it('adds barnehagetilskudd up to age 5 at settlement, not at 6', () => {
    expect(grantFor({ settlementYear: 2017, category: 'child', age: 5 })).toEqual(Money.ofKroner(195_000)); // 170 000 + 25 000
    expect(grantFor({ settlementYear: 2017, category: 'child', age: 0 })).toEqual(Money.ofKroner(195_000));
    expect(grantFor({ settlementYear: 2017, category: 'child', age: 6 })).toEqual(Money.ofKroner(170_000));
  });

  it('pays the one-off grants in year 1 only', () => {
    expect(grantFor(adult(2016, 65))).toEqual(Money.ofKroner(200_000)); // year 2: no eldretilskudd
    expect(grantFor({ settlementYear: 2016, category: 'child', age: 3 })).toEqual(Money.ofKroner(200_000));
  });

  it('sums a municipality’s persons for the budget year', () => {
    const persons: SettledPerson[] = [
      adult(2017, 35), // 180 000
      { settlementYear: 2017, category: 'child', age: 3 }, // 170 000 + 25 000 = 195 000
      { settlementYear: 2015, category: 'single-adult', age: 40 }, // year 3: 150 000
      { settlementYear: 2012, category: 'unaccompanied-minor', age: 16 }, // year 6: 0
    ];
    // 180 000 + 195 000 + 150 000 + 0 = 525 000
    expect(integreringstilskudd.calculation!.calculate({ budgetYear: 2017, persons }, rates)).toEqual(Money.ofKroner(525_000));
  });

  it('gives the per-person lines a payout records, keeping the caller’s own fields', () => {
    const persons = [
      { ...adult(2017, 62), ref: 'a', specialCriterion: true },
      { ...adult(2012), ref: 'b' },
    ];
    const [first, second] = integreringstilskuddPerPerson({ budgetYear: 2017, persons }, rates);
    expect(first.person.ref).toBe('a');
    expect(first.yearOfSettlement).toBe(1);
    expect(first.lines.map((line) => [line.rateCode, line.amount.toDecimalString()])).toEqual([
      ['year1-adult', '180000.00'],
      ['elderly', '160000.00'],
    ]);
    expect(first.total).toEqual(Money.ofKroner(340_000));
    expect(second).toMatchObject({ yearOfSettlement: 6, lines: [] });
    expect(second.total).toEqual(Money.zero());
  });

  it('refuses an age that is not a whole number of years', () => {
    expect(() => grantFor(adult(2017, -1))).toThrow(InvalidValueError);
    expect(() => grantFor(adult(2017, 4.5))).toThrow(InvalidValueError);
  });

  it('is claimed, not applied for, by the municipality itself', () => {
    const form = claimForm(IntegreringstilskuddClaimForm, { municipalityNumber: '0301', budgetYear: 2017, period: 'q1' });
    expect(integreringstilskudd.requestedAmount(form)).toBeNull();
    expect(integreringstilskudd.checkEligibility(OSLO, form)).toEqual([]);
    expect(integreringstilskudd.checkEligibility(BERGEN, form)).toEqual([expect.objectContaining({ field: 'municipalityNumber', rule: 'own-municipality' })]);
    expect(integreringstilskudd.assessmentCriteria).toEqual([]);
  });

  describe('the provisional 2017 rates in data/schemes/2017.json', () => {
    const data = JSON.parse(readFileSync(join(__dirname, '../../../../../data/schemes/2017.json'), 'utf8')) as {
      schemes: Array<{ code: string; rates?: Array<{ code: string; amountNok: string }> }>;
    };
    const entry = data.schemes.find((scheme) => scheme.code === 'integreringstilskudd')!;
    const yearRates = new RateTable(
      entry.rates!.map((rate) => ({ code: rate.code, amount: Money.parseNok(rate.amountNok), provisional: true, confirmed: false })),
    );
    const fiveYears = (person: SettledPerson): Money =>
      Money.sum([2017, 2018, 2019, 2020, 2021].map((budgetYear) => integreringstilskudd.calculation!.calculate({ budgetYear, persons: [person] }, yearRates)));

    it('has exactly the rate codes the calculation uses', () => {
      expect(entry.rates!.map((rate) => rate.code).sort()).toEqual([...INTEGRERINGSTILSKUDD_RATE_CODES].sort());
    });

    it('reproduce SPEC’s 2014 five-year totals: 669 600 kr per person, 717 600 kr for single adults', () => {
      expect(fiveYears(adult(2017))).toEqual(Money.ofKroner(669_600));
      expect(fiveYears({ settlementYear: 2017, category: 'unaccompanied-minor', age: 16 })).toEqual(Money.ofKroner(669_600));
      expect(fiveYears({ settlementYear: 2017, category: 'child', age: 10 })).toEqual(Money.ofKroner(669_600));
      expect(fiveYears({ settlementYear: 2017, category: 'single-adult', age: 30 })).toEqual(Money.ofKroner(717_600));
    });
  });
});
