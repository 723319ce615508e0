import { InvalidValueError } from '../errors/domain.error';

/** A Norwegian municipality number (kommunenummer), e.g. "0301" for Oslo. */
export class MunicipalityNumber {
  // Kept as a string: as a number "0301" would lose its leading zero and no longer match SSB's codes.
  private constructor(readonly value: string) {}

  static of(input: string, field = 'municipalityNumber'): MunicipalityNumber {
    const value = input.trim();
    if (!/^\d{4}$/.test(value)) {
      throw new InvalidValueError(field, 'four-digits', `«${field}» må bestå av nøyaktig 4 siffer.`);
    }
    if (value.startsWith('00')) {
      throw new InvalidValueError(field, 'county-not-zero', `«${field}» må begynne med et fylkesnummer, ikke 00.`);
    }
    return new MunicipalityNumber(value);
  }

  /** The first two digits: the county (fylke) the number was issued under. */
  get countyNumber(): string {
    return this.value.slice(0, 2);
  }

  equals(other: MunicipalityNumber): boolean {
    return this.value === other.value;
  }

  toString(): string {
    return this.value;
  }

  toJSON(): string {
    return this.value;
  }
}
