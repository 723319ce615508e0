import { Money } from '@imdi/kernel';
import { RateTable } from '../../domain/rate-table';
import { ratesInKroner } from '../shared/testing/scheme-fixtures';
import { integreringstilskuddPerCapita } from './integreringstilskudd.per-capita';

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

const byQuarter = (budgetYear: number, persons: Parameters<typeof integreringstilskuddPerCapita.entitlementByPeriod>[1]) =>
  integreringstilskuddPerCapita.entitlementByPeriod(budgetYear, persons, rates).map((period) => [period.period, period.amount.toDecimalString()]);

describe('integreringstilskudd per period', () => {
  it('has the four quarters of the year as periods', () => {
    expect(integreringstilskuddPerCapita.periodsOf(2017)).toEqual(['2017-Q1', '2017-Q2', '2017-Q3', '2017-Q4']);
  });

  it('pays year 1 at once, in the quarter of settlement, with eldretilskudd by age at settlement', () => {
    // 60 on the settlement day: 180 000 + 160 000
    expect(byQuarter(2017, [{ birthDate: '1957-05-10', settlementDate: '2017-05-10', category: 'adult' }])).toEqual([
      ['2017-Q1', '0.00'],
      ['2017-Q2', '340000.00'],
      ['2017-Q3', '0.00'],
      ['2017-Q4', '0.00'],
    ]);
    // 59 the day before the 60th birthday: no eldretilskudd
    expect(byQuarter(2017, [{ birthDate: '1957-05-11', settlementDate: '2017-05-10', category: 'adult' }])[1]).toEqual(['2017-Q2', '180000.00']);
  });

  it('pays years 2–5 a quarter of the rate each quarter, to the øre', () => {
    expect(byQuarter(2017, [{ birthDate: '1980-01-01', settlementDate: '2016-12-31', category: 'adult' }])).toEqual([
      ['2017-Q1', '50000.00'],
      ['2017-Q2', '50000.00'],
      ['2017-Q3', '50000.00'],
      ['2017-Q4', '50000.00'],
    ]);
  });

  it('gives the øre that do not divide by four to the earliest quarters, and loses none', () => {
    // 70 000,03 kr = 7 000 003 øre = 1 750 000 × 4 + 3
    const oddRates = new RateTable([{ code: 'year5', amount: Money.parseNok('70000.03'), provisional: false, confirmed: true }]);
    const yearFive = { birthDate: '1980-01-01', settlementDate: '2013-03-01', category: 'adult' };
    const quarters = integreringstilskuddPerCapita.entitlementByPeriod(2017, [yearFive, { ...yearFive, birthDate: '1981-01-01' }], oddRates);
    expect(quarters.map((quarter) => quarter.amount.toDecimalString())).toEqual(['35000.02', '35000.02', '35000.02', '35000.00']);
    expect(Money.sum(quarters.map((quarter) => quarter.amount))).toEqual(Money.parseNok('140000.06'));
    expect(quarters[0].lines).toEqual([{ rateCode: 'year5', persons: 2, amount: Money.parseNok('35000.02') }]);
  });

  it('pays nothing for a person settled after the year, nor from year 6', () => {
    expect(
      byQuarter(2017, [
        { birthDate: '1980-01-01', settlementDate: '2018-01-01', category: 'adult' },
        { birthDate: '1980-01-01', settlementDate: '2012-12-31', category: 'adult' },
      ]).every(([, amount]) => amount === '0.00'),
    ).toBe(true);
  });

  it('gives lines by rate code with person counts', () => {
    const [q1] = integreringstilskuddPerCapita.entitlementByPeriod(
      2017,
      [
        { birthDate: '2015-06-01', settlementDate: '2017-02-01', category: 'child' },
        { birthDate: '1990-06-01', settlementDate: '2016-02-01', category: 'single-adult' },
      ],
      rates,
    );
    expect(q1.lines.map((line) => [line.rateCode, line.persons, line.amount.toDecimalString()])).toEqual([
      ['year1-child', 1, '170000.00'],
      ['kindergarten', 1, '25000.00'],
      ['year2', 1, '50000.00'],
    ]);
    expect(q1.amount).toEqual(Money.ofKroner(245_000));
  });
});
