import { BudgetPost, Money } from '@imdi/kernel';
import { assertFourEyes, assertWithinDelegation, outcomeOf, suggestedAmount, weightedScore } from './decision-rules';

describe(outcomeOf.name, () => {
  it('tells full, partial and refused apart', () => {
    expect(outcomeOf(Money.ofKroner(100), Money.ofKroner(100))).toBe('granted');
    expect(outcomeOf(Money.ofKroner(99), Money.ofKroner(100))).toBe('partly_granted');
    expect(outcomeOf(Money.zero(), Money.ofKroner(100))).toBe('refused');
  });

  it('refuses more than was applied for', () => {
    expect(() => outcomeOf(Money.ofKroner(101), Money.ofKroner(100))).toThrow(/større enn det som er søkt om/);
  });
});

describe(assertFourEyes.name, () => {
  it('refuses approval by the proposer', () => {
    expect(() => assertFourEyes('kari', 'kari')).toThrow(/en annen person/);
    expect(() => assertFourEyes('kari', 'per')).not.toThrow();
  });
});

describe(assertWithinDelegation.name, () => {
  const delegations = [{ budgetPost: BudgetPost.parse('496.62'), maxAmount: Money.ofKroner(500000), reference: 'D-1' }];

  it('accepts an amount up to the limit on the delegated post', () => {
    expect(assertWithinDelegation(delegations, BudgetPost.parse('496.62'), Money.ofKroner(500000))?.reference).toBe('D-1');
  });

  it('refuses an amount above the limit, and any other post', () => {
    expect(() => assertWithinDelegation(delegations, BudgetPost.parse('496.62'), Money.ofKroner(500001))).toThrow(/går opp til 500 000,00 kr/);
    expect(() => assertWithinDelegation(delegations, BudgetPost.parse('496.71'), Money.ofKroner(1))).toThrow(/ingen skriftlig delegert fullmakt/);
  });
});

describe(weightedScore.name, () => {
  it('weights each 0–5 score and refuses a missing criterion', () => {
    const criteria = [
      { code: 'a', weight: 60 },
      { code: 'b', weight: 40 },
    ];
    expect(
      weightedScore(
        [
          { criterion: 'a', score: 5, comment: '' },
          { criterion: 'b', score: 2, comment: '' },
        ],
        criteria,
      ),
    ).toBe(380);
    expect(() => weightedScore([{ criterion: 'a', score: 5, comment: '' }], criteria)).toThrow(/mangler: b/);
  });
});

describe(suggestedAmount.name, () => {
  it('scales the amount applied for by the weighted score and rounds down to whole thousands', () => {
    expect(suggestedAmount(Money.ofKroner(100_000), 500)?.toDecimalString()).toBe('100000.00');
    expect(suggestedAmount(Money.ofKroner(100_000), 380)?.toDecimalString()).toBe('76000.00');
    expect(suggestedAmount(Money.ofKroner(99_999), 300)?.toDecimalString()).toBe('59000.00');
  });

  it('suggests a refusal under 250 points and nothing when no amount was applied for', () => {
    expect(suggestedAmount(Money.ofKroner(100_000), 249)?.isZero()).toBe(true);
    expect(suggestedAmount(null, 400)).toBeNull();
  });
});
