import { Money } from '@imdi/kernel';

export interface Rate {
  readonly code: string;
  readonly amount: Money;
  readonly provisional: boolean;
  readonly confirmed: boolean;
}

export class UnknownRateError extends Error {
  constructor(readonly rateCode: string) {
    super(`no rate "${rateCode}" in this year's rate table`);
  }
}

/** A year's rates of one scheme, looked up by code. */
export class RateTable {
  private readonly byCode: ReadonlyMap<string, Rate>;

  constructor(rates: readonly Rate[]) {
    this.byCode = new Map(rates.map((rate) => [rate.code, rate]));
  }

  amount(code: string): Money {
    const rate = this.byCode.get(code);
    if (!rate) throw new UnknownRateError(code);
    return rate.amount;
  }

  /** Rates an admin has not yet confirmed: a payout run must refuse to use them. */
  unconfirmed(): string[] {
    return [...this.byCode.values()].filter((rate) => !rate.confirmed).map((rate) => rate.code);
  }
}
