import { InvalidValueError, Money } from '@imdi/kernel';
import { claimForm, OSLO, ratesInKroner } from '../shared/testing/scheme-fixtures';
import { FrivilligeLokaleClaimForm } from './frivillige-lokale.form';
import { frivilligeLokale } from './frivillige-lokale.scheme';

const rates = ratesInKroner({ 'base-per-municipality': 20_000, 'per-settled-person': 500 });

function frameFor(settledLastFiveYears: number): Money {
  return frivilligeLokale.calculation!.calculate({ settledLastFiveYears }, rates);
}

describe('frivillige-lokale', () => {
  it('gives each municipality the base amount plus an amount per settled person', () => {
    expect(frameFor(120)).toEqual(Money.ofKroner(80_000)); // 20 000 + 120 × 500 = 20 000 + 60 000
    expect(frameFor(1)).toEqual(Money.ofKroner(20_500)); // 20 000 + 500
  });

  it('gives the base amount where no one was settled', () => {
    expect(frameFor(0)).toEqual(Money.ofKroner(20_000));
  });

  it('refuses a count that is not a whole number', () => {
    expect(() => frameFor(-3)).toThrow(InvalidValueError);
  });

  it('needs the municipality to accept the oppdragsbrev, and makes it return what it does not grant on', () => {
    const form = (acceptsAssignmentLetter: boolean) =>
      claimForm(FrivilligeLokaleClaimForm, { municipalityNumber: '0301', budgetYear: 2017, acceptsAssignmentLetter });
    expect(frivilligeLokale.checkEligibility(OSLO, form(true))).toEqual([]);
    expect(frivilligeLokale.checkEligibility(OSLO, form(false))).toEqual([expect.objectContaining({ rule: 'assignment-letter' })]);
    expect(frivilligeLokale.returnUnusedFunds).toBe(true);
  });
});
