import { inspect } from 'util';
import { InvalidValueError } from '../errors/domain.error';
import { NationalIdNumber } from './national-id-number.value-object';

const K1_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/** Independent oracle: the raw 11 - (sum mod 11), so 10 and 11 stay visible to the test. */
function rawCheck(digits: string, weights: number[]): number {
  const sum = weights.reduce((total, weight, index) => total + weight * Number(digits[index]), 0);
  return 11 - (sum % 11);
}

const toDigit = (raw: number): number => (raw === 11 ? 0 : raw);
const pad = (value: number, length: number): string => String(value).padStart(length, '0');

/** Appends k1 and k2 to a 9-digit prefix, or returns null when either would be 10. */
function withCheckDigits(prefix: string): string | null {
  const k1 = rawCheck(prefix, K1_WEIGHTS);
  if (k1 === 10) return null;
  const withK1 = `${prefix}${toDigit(k1)}`;
  const k2 = rawCheck(withK1, K2_WEIGHTS);
  if (k2 === 10) return null;
  return `${withK1}${toDigit(k2)}`;
}

/**
 * Builds a number with valid check digits from the six date digits as written (day + 40 for a
 * D-nummer, month + 80 for synthetic) and the first individual number in [from, to] that works.
 */
function build(dateDigits: string, from: number, to: number, accept = (_: string) => true): string {
  for (let individual = from; individual <= to; individual += 1) {
    const number = withCheckDigits(`${dateDigits}${pad(individual, 3)}`);
    if (number !== null && accept(number)) return number;
  }
  throw new Error(`no valid number for ${dateDigits} in ${from}–${to}`);
}

/** Finds a 9-digit prefix on the given date whose raw k1 is `raw`. */
function prefixWithRawK1(dateDigits: string, raw: number): string {
  for (let individual = 0; individual <= 499; individual += 1) {
    const prefix = `${dateDigits}${pad(individual, 3)}`;
    if (rawCheck(prefix, K1_WEIGHTS) === raw) return prefix;
  }
  throw new Error(`no prefix with raw k1 ${raw}`);
}

/** Finds a 10-digit prefix (valid k1) on the given date whose raw k2 is `raw`. */
function prefixWithRawK2(dateDigits: string, raw: number): string {
  for (let individual = 0; individual <= 499; individual += 1) {
    const prefix = `${dateDigits}${pad(individual, 3)}`;
    const k1 = rawCheck(prefix, K1_WEIGHTS);
    if (k1 === 10) continue;
    const withK1 = `${prefix}${toDigit(k1)}`;
    if (rawCheck(withK1, K2_WEIGHTS) === raw) return withK1;
  }
  throw new Error(`no prefix with raw k2 ${raw}`);
}

function refusal(action: () => unknown): InvalidValueError {
  try {
    action();
  } catch (error: unknown) {
    if (error instanceof InvalidValueError) return error;
    throw error;
  }
  throw new Error('expected an InvalidValueError');
}

describe(NationalIdNumber.name, () => {
  describe('fødselsnummer', () => {
    const raw = build('010190', 0, 499);

    it('accepts a valid fødselsnummer born 01.01.1990', () => {
      const id = NationalIdNumber.of(raw);
      expect(id.kind).toBe('fodselsnummer');
      expect(id.birthDate).toEqual({ year: 1990, month: 1, day: 1 });
      expect(id.birthDateIso()).toBe('1990-01-01');
      expect(id.isSynthetic).toBe(false);
      expect(id.value).toBe(raw);
    });

    it('accepts spaces between the date and the personal number', () => {
      expect(NationalIdNumber.of(`${raw.slice(0, 6)} ${raw.slice(6)}`).value).toBe(raw);
    });

    it('accepts the 9th digit as gender: even is female, odd is male', () => {
      const female = build('150385', 0, 499, (n) => Number(n[8]) % 2 === 0);
      const male = build('150385', 0, 499, (n) => Number(n[8]) % 2 === 1);
      expect(NationalIdNumber.of(female).gender).toBe('female');
      expect(NationalIdNumber.of(male).gender).toBe('male');
    });

    it('accepts a frozen birth date', () => {
      expect(Object.isFrozen(NationalIdNumber.of(raw).birthDate)).toBe(true);
    });
  });

  describe('masking', () => {
    const raw = build('010190', 0, 499);
    const id = NationalIdNumber.of(raw);

    it('accepts masked() as the date digits followed by five stars', () => {
      expect(id.masked()).toBe('010190*****');
    });

    it('refuses to reveal the raw digits through toString, templates, JSON or inspect', () => {
      expect(id.toString()).toBe('010190*****');
      expect(`${id}`).toBe('010190*****');
      expect(JSON.stringify({ applicant: id })).toBe('{"applicant":"010190*****"}');
      expect(inspect(id)).not.toContain(raw);
      expect(inspect({ nested: { id } }, { depth: 5 })).not.toContain(raw);
    });

    it('refuses to echo the input in error messages', () => {
      const wrong = `${raw.slice(0, 10)}${(Number(raw[10]) + 1) % 10}`;
      expect(refusal(() => NationalIdNumber.of(wrong)).message).not.toContain(wrong);
    });
  });

  describe('D-nummer', () => {
    it('accepts day + 40 (41) as a D-nummer born on the 1st', () => {
      const id = NationalIdNumber.of(build('410190', 0, 499));
      expect(id.kind).toBe('d-nummer');
      expect(id.birthDate).toEqual({ year: 1990, month: 1, day: 1 });
      expect(id.masked()).toBe('410190*****');
    });

    it('accepts day 71 as the 31st', () => {
      expect(NationalIdNumber.of(build('711299', 0, 499)).birthDate).toEqual({
        year: 1999,
        month: 12,
        day: 31,
      });
    });

    it.each(['720190', '400190', '700290'])('refuses impossible D-nummer date %s', (date) => {
      expect(refusal(() => NationalIdNumber.of(build(date, 0, 499))).rule).toBe('valid-birth-date');
    });
  });

  describe('synthetic test numbers (month + 80)', () => {
    it('accepts a synthetic fødselsnummer and recovers the real month', () => {
      const id = NationalIdNumber.of(build('018190', 0, 499));
      expect(id.kind).toBe('fodselsnummer');
      expect(id.isSynthetic).toBe(true);
      expect(id.birthDate).toEqual({ year: 1990, month: 1, day: 1 });
    });

    it('accepts a synthetic D-nummer', () => {
      const id = NationalIdNumber.of(build('459285', 0, 499));
      expect(id.kind).toBe('d-nummer');
      expect(id.isSynthetic).toBe(true);
      expect(id.birthDate).toEqual({ year: 1985, month: 12, day: 5 });
    });

    it.each(['019390', '018090'])('refuses synthetic month out of range in %s', (date) => {
      expect(refusal(() => NationalIdNumber.of(build(date, 0, 499))).rule).toBe('valid-birth-date');
    });
  });

  describe('century from the individual number', () => {
    it.each([
      ['010190', 0, 499, 1990],
      ['010100', 0, 499, 1900],
      ['010199', 0, 499, 1999],
      ['010160', 500, 749, 1860],
      ['010154', 500, 749, 1854],
      ['010199', 500, 749, 1899],
      ['010110', 500, 749, 2010],
      ['010100', 900, 999, 2000],
      ['010139', 750, 899, 2039],
      ['010145', 900, 999, 1945],
      ['010140', 900, 999, 1940],
    ])('accepts %s with individual number %i–%i as year %i', (date, from, to, year) => {
      expect(NationalIdNumber.of(build(date, from, to)).birthDate.year).toBe(year);
    });

    it.each([
      ['010145', 500, 749],
      ['010153', 500, 749],
      ['010140', 750, 899],
      ['010199', 750, 899],
    ])('refuses %s with individual number %i–%i, which is never issued', (date, from, to) => {
      const error = refusal(() => NationalIdNumber.of(build(date, from, to), 'applicantId'));
      expect(error).toMatchObject({ field: 'applicantId', rule: 'individual-number-range' });
      expect(error.message).toContain('applicantId');
    });
  });

  describe('date of birth', () => {
    it('accepts 29 February in leap years, including 2000', () => {
      expect(NationalIdNumber.of(build('290296', 0, 499)).birthDateIso()).toBe('1996-02-29');
      expect(NationalIdNumber.of(build('290200', 500, 999)).birthDateIso()).toBe('2000-02-29');
    });

    it('refuses 29 February in 1900 and 1997, which are not leap years', () => {
      expect(refusal(() => NationalIdNumber.of(build('290200', 0, 499))).rule).toBe('valid-birth-date');
      expect(refusal(() => NationalIdNumber.of(build('290297', 0, 499))).rule).toBe('valid-birth-date');
    });

    it.each(['320190', '000190', '011390', '010090', '310490', '300290'])('refuses impossible date %s', (date) => {
      const error = refusal(() => NationalIdNumber.of(build(date, 0, 499)));
      expect(error).toMatchObject({ field: 'nationalIdNumber', rule: 'valid-birth-date' });
      expect(error.message).toContain('nationalIdNumber');
    });

    it('refuses an H-nummer (month + 40)', () => {
      expect(refusal(() => NationalIdNumber.of(build('014190', 0, 499))).rule).toBe('valid-birth-date');
    });
  });

  describe('check digits', () => {
    it('accepts k1 = 0 when the first weighted sum is divisible by 11 (11 → 0)', () => {
      const prefix = prefixWithRawK1('010190', 11);
      const number = withCheckDigits(prefix);
      expect(number).not.toBeNull();
      expect(number?.[9]).toBe('0');
      expect(NationalIdNumber.of(number ?? '').value).toBe(number);
    });

    it('accepts k2 = 0 when the second weighted sum is divisible by 11 (11 → 0)', () => {
      const number = `${prefixWithRawK2('010190', 11)}0`;
      expect(NationalIdNumber.of(number).value).toBe(number);
    });

    it('refuses every number whose first nine digits would need k1 = 10', () => {
      const prefix = prefixWithRawK1('010190', 10);
      for (let k1 = 0; k1 <= 9; k1 += 1) {
        for (let k2 = 0; k2 <= 9; k2 += 1) {
          const error = refusal(() => NationalIdNumber.of(`${prefix}${k1}${k2}`));
          expect(error.rule).toBe('mod11-check-digit');
          expect(error.message).toContain('første');
        }
      }
    });

    it('refuses every number whose first ten digits would need k2 = 10', () => {
      const prefix = prefixWithRawK2('010190', 10);
      for (let k2 = 0; k2 <= 9; k2 += 1) {
        const error = refusal(() => NationalIdNumber.of(`${prefix}${k2}`));
        expect(error.rule).toBe('mod11-check-digit');
        expect(error.message).toContain('andre');
      }
    });

    it('refuses a wrong k1 or k2', () => {
      const valid = build('010190', 0, 499);
      const bump = (digit: string): number => (Number(digit) + 1) % 10;
      const wrongK1 = `${valid.slice(0, 9)}${bump(valid[9])}${valid[10]}`;
      const wrongK2 = `${valid.slice(0, 10)}${bump(valid[10])}`;
      expect(refusal(() => NationalIdNumber.of(wrongK1)).rule).toBe('mod11-check-digit');
      expect(refusal(() => NationalIdNumber.of(wrongK2)).rule).toBe('mod11-check-digit');
    });
  });

  it.each(['', '0101901234', '010190123456', '0101901234x', '010190-12345'])('refuses %j, which is not eleven digits', (input) => {
    expect(refusal(() => NationalIdNumber.of(input))).toMatchObject({
      code: 'INVALID_VALUE',
      field: 'nationalIdNumber',
      rule: 'eleven-digits',
    });
  });

  it('accepts equality by value', () => {
    const a = build('010190', 0, 499);
    const b = build('010190', 0, 499, (n) => n !== a);
    expect(NationalIdNumber.of(a).equals(NationalIdNumber.of(a))).toBe(true);
    expect(NationalIdNumber.of(a).equals(NationalIdNumber.of(b))).toBe(false);
  });
});
