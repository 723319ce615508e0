import { InvalidValueError } from '../errors/domain.error';
import { mod11CheckDigit } from './mod11.util';

export type NationalIdNumberKind = 'fodselsnummer' | 'd-nummer';
export type Gender = 'female' | 'male';

export interface BirthDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const K1_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2] as const;
const K2_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const;
const D_NUMBER_DAY_OFFSET = 40;
/*
 * Skatteetaten issues synthetic test identities in its test environment (Tenor) with 80 added to
 * the month. We accept them so test data from those environments passes through our own test
 * environments; they can never collide with a real number, whose month is at most 12.
 */
const SYNTHETIC_MONTH_OFFSET = 80;
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/**
 * A Norwegian national identity number: a fødselsnummer or a D-nummer. H-numbers (month + 40)
 * are refused: they are local to health services and never identify an applicant to us.
 *
 * The raw digits are personal data: `toString()`, `toJSON()` and console output give the masked
 * form, so the full number only leaves this object through an explicit read of `value`.
 */
export class NationalIdNumber {
  readonly #digits: string;

  private constructor(
    digits: string,
    readonly kind: NationalIdNumberKind,
    readonly birthDate: BirthDate,
    readonly gender: Gender,
    /** True for Skatteetaten's synthetic test identities (month + 80). */
    readonly isSynthetic: boolean,
  ) {
    this.#digits = digits;
  }

  /** Accepts "01019012345" and "010190 12345". */
  static of(input: string, field = 'nationalIdNumber'): NationalIdNumber {
    // Messages never echo the input: it is personal data and error messages end up in logs.
    const digits = input.replace(/[ \u00A0]/g, '');
    if (!/^\d{11}$/.test(digits)) {
      throw new InvalidValueError(field, 'eleven-digits', `«${field}» må bestå av nøyaktig 11 siffer (mellomrom og punktum mellom gruppene går fint).`);
    }
    if (mod11CheckDigit(digits, K1_WEIGHTS) !== Number(digits[9])) {
      throw new InvalidValueError(field, 'mod11-check-digit', `«${field}» har feil første kontrollsiffer. Sjekk at fødselsnummeret er skrevet riktig.`);
    }
    if (mod11CheckDigit(digits, K2_WEIGHTS) !== Number(digits[10])) {
      throw new InvalidValueError(field, 'mod11-check-digit', `«${field}» har feil andre kontrollsiffer. Sjekk at fødselsnummeret er skrevet riktig.`);
    }

    let day = Number(digits.slice(0, 2));
    let month = Number(digits.slice(2, 4));
    const twoDigitYear = Number(digits.slice(4, 6));
    const individualNumber = Number(digits.slice(6, 9));

    const kind: NationalIdNumberKind = day > D_NUMBER_DAY_OFFSET ? 'd-nummer' : 'fodselsnummer';
    if (kind === 'd-nummer') day -= D_NUMBER_DAY_OFFSET;
    const isSynthetic = month > SYNTHETIC_MONTH_OFFSET;
    if (isSynthetic) month -= SYNTHETIC_MONTH_OFFSET;

    const century = centuryOf(individualNumber, twoDigitYear);
    if (century === null) {
      throw new InvalidValueError(
        field,
        'individual-number-range',
        `«${field}» har et individnummer som ikke gis for fødselsåret. Sjekk at fødselsnummeret er skrevet riktig.`,
      );
    }
    const year = century + twoDigitYear;
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
      throw new InvalidValueError(field, 'valid-birth-date', `«${field}» inneholder ikke en gyldig fødselsdato.`);
    }

    const gender: Gender = Number(digits[8]) % 2 === 0 ? 'female' : 'male';
    return new NationalIdNumber(digits, kind, Object.freeze({ year, month, day }), gender, isSynthetic);
  }

  /** The raw 11 digits. Read deliberately: this is the only way to get the unmasked number. */
  get value(): string {
    return this.#digits;
  }

  /** The birth date as an ISO date, e.g. "1990-01-01". */
  birthDateIso(): string {
    const { year, month, day } = this.birthDate;
    return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
  }

  /** "010190*****": the date part stays, so a caseworker can still tell records apart. */
  masked(): string {
    return `${this.#digits.slice(0, 6)}*****`;
  }

  equals(other: NationalIdNumber): boolean {
    return this.#digits === other.#digits;
  }

  toString(): string {
    return this.masked();
  }

  toJSON(): string {
    return this.masked();
  }

  [INSPECT](): string {
    return `NationalIdNumber(${this.masked()})`;
  }
}

/** The official mapping from individual number (digits 7–9) and two-digit year to century. */
function centuryOf(individualNumber: number, twoDigitYear: number): number | null {
  if (individualNumber <= 499) return 1900;
  if (individualNumber <= 749 && twoDigitYear >= 54) return 1800;
  if (twoDigitYear <= 39) return 2000;
  if (individualNumber >= 900) return 1900;
  return null;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const isLeapYear = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return isLeapYear ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
