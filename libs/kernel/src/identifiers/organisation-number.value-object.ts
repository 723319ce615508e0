import { InvalidValueError } from '../errors/domain.error';
import { mod11CheckDigit } from './mod11.util';

/*
 * Brønnøysundregistrene's MOD11. Worked example, 974760673 (Brønnøysundregistrene itself):
 *   9·3 + 7·2 + 4·7 + 7·6 + 6·5 + 0·4 + 6·3 + 7·2 = 27+14+28+42+30+0+18+14 = 173
 *   173 mod 11 = 8, 11 - 8 = 3, which is the ninth digit.
 */
const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const;

/** A Norwegian organisation number (organisasjonsnummer) from Enhetsregisteret. */
export class OrganisationNumber {
  private constructor(readonly value: string) {}

  /** Accepts "974760673" and "974 760 673". */
  static of(input: string, field = 'organisationNumber'): OrganisationNumber {
    const digits = input.replace(/[ \u00A0]/g, '');
    if (!/^\d{9}$/.test(digits)) {
      throw new InvalidValueError(field, 'nine-digits', `«${field}» må bestå av nøyaktig 9 siffer.`);
    }
    if (mod11CheckDigit(digits, WEIGHTS) !== Number(digits[8])) {
      throw new InvalidValueError(field, 'mod11-check-digit', `«${field}» har feil kontrollsiffer. Sjekk at nummeret er skrevet riktig.`);
    }
    return new OrganisationNumber(digits);
  }

  /** "974 760 673", the grouping Brønnøysund uses in print. */
  format(): string {
    return `${this.value.slice(0, 3)} ${this.value.slice(3, 6)} ${this.value.slice(6)}`;
  }

  equals(other: OrganisationNumber): boolean {
    return this.value === other.value;
  }

  toString(): string {
    return this.value;
  }

  toJSON(): string {
    return this.value;
  }
}
