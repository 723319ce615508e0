import { Money } from '@imdi/kernel';
import { forecastPost, sumForecasts } from './budget-forecast';

describe(forecastPost.name, () => {
  const inputs = {
    frame: Money.parseNok('1000000.00'),
    paid: Money.parseNok('250000.10'),
    reclaimed: Money.parseNok('10000.00'),
    dueUnpaid: Money.parseNok('50000.01'),
    plannedRestOfYear: Money.parseNok('50000.00'),
    perCapitaRestOfYear: Money.parseNok('165000.00'),
    heldBack: Money.parseNok('25000.12'),
  };

  it('adds what is due, planned and expected per capita to what is paid, and leaves held-back money out', () => {
    const forecast = forecastPost(inputs);
    expect(forecast.expectedRestOfYear.toDecimalString()).toBe('265000.01');
    expect(forecast.paidByYearEnd.toDecimalString()).toBe('515000.11');
    // 1 000 000,00 − 515 000,11 + 10 000,00 repaid
    expect(forecast.remainingAtYearEnd.toDecimalString()).toBe('494999.89');
  });

  it('shows an expected overspend as a negative remainder', () => {
    expect(forecastPost({ ...inputs, perCapitaRestOfYear: Money.parseNok('900000.00') }).remainingAtYearEnd.toDecimalString()).toBe('-240000.11');
  });

  it('sums posts figure by figure', () => {
    const total = sumForecasts([forecastPost(inputs), forecastPost(inputs)]);
    expect([total.paidByYearEnd.toDecimalString(), total.heldBack.toDecimalString()]).toEqual(['1030000.22', '50000.24']);
  });
});
