import { InvalidValueError } from '../errors/domain.error';
import { mod11CheckDigit } from './mod11.util';

const WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const;

/** A Norwegian bank account number (kontonummer): 11 digits ending in a MOD11 check digit. */
export class AccountNumber {
  private constructor(readonly value: string) {}

  /** Accepts "12345678903", "1234.56.78903" and "1234 56 78903". */
  static of(input: string, field = 'accountNumber'): AccountNumber {
    const digits = input.replace(/[ .\u00A0]/g, '');
    if (!/^\d{11}$/.test(digits)) {
      throw new InvalidValueError(field, 'eleven-digits', `«${field}» må bestå av nøyaktig 11 siffer (mellomrom og punktum mellom gruppene går fint).`);
    }
    if (mod11CheckDigit(digits, WEIGHTS) !== Number(digits[10])) {
      throw new InvalidValueError(field, 'mod11-check-digit', `«${field}» har feil kontrollsiffer. Sjekk at nummeret er skrevet riktig.`);
    }
    return new AccountNumber(digits);
  }

  /** "1234.56.78903": bank register number, account group, customer number and check digit. */
  format(): string {
    return `${this.value.slice(0, 4)}.${this.value.slice(4, 6)}.${this.value.slice(6)}`;
  }

  equals(other: AccountNumber): boolean {
    return this.value === other.value;
  }

  toString(): string {
    return this.value;
  }

  toJSON(): string {
    return this.value;
  }
}
