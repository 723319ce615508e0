import { Money } from '@imdi/kernel';
import { positionOf } from './budget-position';

describe('positionOf', () => {
  it('takes a reversed payment out of paid and, committed again, keeps what is available unchanged', () => {
    const paid = positionOf(Money.ofKroner(1000), { commit: Money.ofKroner(300), uncommit: Money.ofKroner(300), pay: Money.ofKroner(300) });
    const rejected = positionOf(Money.ofKroner(1000), {
      commit: Money.ofKroner(600),
      uncommit: Money.ofKroner(300),
      pay: Money.ofKroner(300),
      'pay-reversal': Money.ofKroner(300),
    });
    expect([paid.paid.toDecimalString(), paid.committed.toDecimalString(), paid.available.toDecimalString()]).toEqual(['300.00', '0.00', '700.00']);
    expect([rejected.paid.toDecimalString(), rejected.committed.toDecimalString(), rejected.available.toDecimalString()]).toEqual(['0.00', '300.00', '700.00']);
  });
});
