import { Money } from '@imdi/kernel';
import { forecastYearEnd } from './accounting-forecast';

const nok = (value: string) => Money.parseNok(value);

describe(forecastYearEnd.name, () => {
  it('adds what is due, planned and expected per capita to what is paid, and leaves the rest of the frame', () => {
    const forecast = forecastYearEnd({
      frame: nok('1000000'),
      paid: nok('250000.50'),
      reclaimed: nok('10000'),
      dueUnpaid: nok('50000'),
      plannedRestOfYear: nok('300000.25'),
      perCapitaRestOfYear: nok('100000'),
    });
    expect(forecast.expectedRestOfYear.toDecimalString()).toBe('450000.25');
    expect(forecast.paidByYearEnd.toDecimalString()).toBe('700000.75');
    expect(forecast.unusedAtYearEnd.toDecimalString()).toBe('309999.25');
  });

  it('shows an expected overspend of an estimate post as a negative remainder', () => {
    const forecast = forecastYearEnd({
      frame: nok('100'),
      paid: nok('90'),
      reclaimed: Money.zero(),
      dueUnpaid: Money.zero(),
      plannedRestOfYear: nok('30'),
      perCapitaRestOfYear: Money.zero(),
    });
    expect(forecast.unusedAtYearEnd.toDecimalString()).toBe('-20.00');
  });
});
