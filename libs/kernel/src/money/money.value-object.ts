import { InvalidValueError } from '../errors/domain.error';

/** What `Money.ofOre` / `Money.ofKroner` accept: anything that is exactly an integer. */
export type IntegerInput = bigint | number | string;

const ORE_PER_KRONE = 100n;
const INTEGER_PATTERN = /^-?\d+$/;
/*
 * Accepts the shapes people and spreadsheets actually produce: "1234.5", "1 234 567,89", "-12,00",
 * "1 234,00 kr". Thousands separators may be a space, a no-break space (U+00A0) or a narrow
 * no-break space (U+202F), and the minus may be U+2212, because Intl.NumberFormat('nb-NO') and
 * Word emit those. Dots and commas are only ever the decimal mark: "1.234" is 1,234 kroner or
 * 1 krone and 234 thousandths depending on who wrote it, so we refuse to guess at grouping with them.
 */
const NOK_PATTERN = /^([-\u2212])?(\d{1,3}(?:[ \u00A0\u202F]\d{3})+|\d+)(?:[.,](\d+))?(?:[ \u00A0]?kr)?$/;

/** An amount of Norwegian kroner, held exactly as an integer number of øre. */
export class Money {
  private constructor(private readonly ore: bigint) {}

  static zero(): Money {
    return new Money(0n);
  }

  static ofOre(value: IntegerInput, field = 'amount'): Money {
    return new Money(toBigInt(value, field));
  }

  static ofKroner(value: IntegerInput, field = 'amount'): Money {
    return new Money(toBigInt(value, field) * ORE_PER_KRONE);
  }

  /** Parses a decimal NOK string exactly (never via floating point). */
  static parseNok(input: string, field = 'amount'): Money {
    const match = NOK_PATTERN.exec(input.trim());
    if (!match) {
      throw new InvalidValueError(field, 'nok-format', `«${field}» må være et beløp i kroner, for eksempel "1234.50" eller "1 234,50".`);
    }
    const [, sign, integerPart, fraction = ''] = match;
    if (fraction.length > 2) {
      throw new InvalidValueError(field, 'max-two-decimals', `«${field}» kan ha høyst to desimaler (hele øre).`);
    }
    const kroner = BigInt(integerPart.replace(/\D/g, ''));
    const ore = kroner * ORE_PER_KRONE + BigInt(fraction.padEnd(2, '0'));
    return new Money(sign ? -ore : ore);
  }

  static sum(amounts: readonly Money[]): Money {
    return new Money(amounts.reduce((total, amount) => total + amount.ore, 0n));
  }

  plus(other: Money): Money {
    return new Money(this.ore + other.ore);
  }

  minus(other: Money): Money {
    return new Money(this.ore - other.ore);
  }

  negate(): Money {
    return new Money(-this.ore);
  }

  times(factor: bigint | number): Money {
    if (typeof factor === 'number' && !Number.isSafeInteger(factor)) {
      throw new InvalidValueError('factor', 'safe-integer', 'Faktoren må være et helt tall; del opp med allocate() i stedet.');
    }
    return new Money(this.ore * BigInt(factor));
  }

  /**
   * Splits the amount into one part per ratio, in whole øre, summing exactly to this amount.
   * Leftover øre go one at a time to the parts with the largest remainders (ties: earliest part),
   * so e.g. 100 kr over [1, 1, 1] gives 33,34 + 33,33 + 33,33.
   */
  allocate(ratios: readonly number[]): Money[] {
    const weights = toExactWeights(ratios);
    const weightSum = weights.reduce((total, weight) => total + weight, 0n);
    if (weightSum === 0n) {
      throw new InvalidValueError('ratios', 'positive-ratio-sum', 'Fordelingsnøklene kan ikke alle være 0.');
    }
    // Work on the magnitude so a negative amount splits as the mirror image of a positive one.
    const magnitude = this.ore < 0n ? -this.ore : this.ore;
    const parts = weights.map((weight) => (magnitude * weight) / weightSum);
    const remainders = weights.map((weight) => (magnitude * weight) % weightSum);
    let leftover = magnitude - parts.reduce((total, part) => total + part, 0n);
    const byLargestRemainder = remainders
      .map((remainder, index) => ({ remainder, index }))
      .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
    for (const { index } of byLargestRemainder) {
      if (leftover === 0n) break;
      parts[index] += 1n;
      leftover -= 1n;
    }
    return parts.map((part) => new Money(this.ore < 0n ? -part : part));
  }

  isZero(): boolean {
    return this.ore === 0n;
  }

  isNegative(): boolean {
    return this.ore < 0n;
  }

  isPositive(): boolean {
    return this.ore > 0n;
  }

  compare(other: Money): -1 | 0 | 1 {
    if (this.ore === other.ore) return 0;
    return this.ore < other.ore ? -1 : 1;
  }

  equals(other: Money): boolean {
    return this.ore === other.ore;
  }

  greaterThan(other: Money): boolean {
    return this.ore > other.ore;
  }

  lessThan(other: Money): boolean {
    return this.ore < other.ore;
  }

  toOre(): bigint {
    return this.ore;
  }

  toOreString(): string {
    return this.ore.toString();
  }

  /** "1234567.89", "-0.50": machine format for APIs, CSV and database numeric columns. */
  toDecimalString(): string {
    const { sign, kroner, ore } = this.split();
    return `${sign}${kroner}.${ore}`;
  }

  /**
   * "1 234 567,89 kr", "-1 234,00 kr". The thousands separator is a plain space (U+0020), not the
   * no-break space Intl uses: letter templates, search and Excel imports need one predictable
   * character, and parseNok accepts the other variants anyway.
   */
  formatNok(): string {
    const { sign, kroner, ore } = this.split();
    return `${sign}${kroner.replace(/\B(?=(\d{3})+$)/g, ' ')},${ore} kr`;
  }

  toString(): string {
    return this.toDecimalString();
  }

  /** JSON.stringify throws on bigint, so serialise as the exact decimal string instead. */
  toJSON(): string {
    return this.toDecimalString();
  }

  private split(): { sign: string; kroner: string; ore: string } {
    const magnitude = this.ore < 0n ? -this.ore : this.ore;
    return {
      sign: this.ore < 0n ? '-' : '',
      kroner: (magnitude / ORE_PER_KRONE).toString(),
      ore: (magnitude % ORE_PER_KRONE).toString().padStart(2, '0'),
    };
  }
}

function toBigInt(value: IntegerInput, field: string): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) {
      throw new InvalidValueError(
        field,
        'safe-integer',
        `«${field}» må være et helt tall innenfor det trygge tallområdet; bruk bigint eller tekst for større tall.`,
      );
    }
    return BigInt(value);
  }
  if (!INTEGER_PATTERN.test(value)) {
    throw new InvalidValueError(field, 'integer-digits', `«${field}» må bestå av sifre.`);
  }
  return BigInt(value);
}

/**
 * Turns ratios into integer weights exactly. A ratio such as 0.7 is not exactly representable in
 * binary, so we take its shortest round-trip decimal ("0.7"), which is what the caller wrote, and
 * scale all ratios to a common number of decimals.
 */
function toExactWeights(ratios: readonly number[]): bigint[] {
  if (ratios.length === 0) {
    throw new InvalidValueError('ratios', 'at-least-one-ratio', 'Det må være minst én fordelingsnøkkel.');
  }
  const decimals = ratios.map((ratio) => {
    if (!Number.isFinite(ratio) || ratio < 0) {
      throw new InvalidValueError('ratios', 'non-negative-ratios', 'Fordelingsnøklene må være endelige tall og ikke negative.');
    }
    return toScaledDecimal(ratio);
  });
  const scale = Math.max(...decimals.map((decimal) => decimal.scale));
  return decimals.map((decimal) => decimal.units * 10n ** BigInt(scale - decimal.scale));
}

function toScaledDecimal(ratio: number): { units: bigint; scale: number } {
  // Number#toString of a finite non-negative number always has this shape, e.g. "1.5e-7".
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(ratio.toString());
  if (!match) throw new RangeError(`Unexpected number format: ${ratio}`);
  const [, integerPart, fraction = '', exponent = '0'] = match;
  const power = Number(exponent) - fraction.length;
  const units = BigInt(integerPart + fraction);
  return power >= 0 ? { units: units * 10n ** BigInt(power), scale: 0 } : { units, scale: -power };
}
