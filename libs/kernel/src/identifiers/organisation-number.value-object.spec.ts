import { InvalidValueError } from '../errors/domain.error';
import { OrganisationNumber } from './organisation-number.value-object';

const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2];

/** Independent oracle: the raw 11 - (sum mod 11), so 10 and 11 stay visible to the test. */
function rawCheck(prefix: string): number {
  const sum = [...prefix].reduce((total, digit, index) => total + Number(digit) * WEIGHTS[index], 0);
  return 11 - (sum % 11);
}

function isValid(number: string): boolean {
  const raw = rawCheck(number.slice(0, 8));
  return raw !== 10 && (raw === 11 ? 0 : raw) === Number(number[8]);
}

function findPrefix(raw: number): string {
  for (let candidate = 80000000; candidate < 99999999; candidate += 1) {
    const prefix = String(candidate);
    if (rawCheck(prefix) === raw) return prefix;
  }
  throw new Error(`no prefix with raw check ${raw}`);
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

describe(OrganisationNumber.name, () => {
  const known = ['974760673', '971526157', '958935420', '938801363'];

  it.each(known)('accepts %s, which the test oracle verifies first', (number) => {
    expect(isValid(number)).toBe(true);
    expect(OrganisationNumber.of(number).value).toBe(number);
  });

  it('accepts spaces in the input and normalises them away', () => {
    const number = OrganisationNumber.of(' 974 760 673 ');
    expect(number.value).toBe('974760673');
    expect(number.toString()).toBe('974760673');
    expect(number.format()).toBe('974 760 673');
    expect(JSON.stringify({ orgnr: number })).toBe('{"orgnr":"974760673"}');
  });

  it('accepts a weighted sum divisible by 11 as check digit 0 (11 → 0)', () => {
    expect(rawCheck('95893542')).toBe(11);
    expect(OrganisationNumber.of('958935420').value).toBe('958935420');
    const prefix = findPrefix(11);
    expect(OrganisationNumber.of(`${prefix}0`).value).toBe(`${prefix}0`);
  });

  it('refuses every number whose prefix would need check digit 10', () => {
    const prefix = findPrefix(10);
    for (let last = 0; last <= 9; last += 1) {
      expect(refusal(() => OrganisationNumber.of(`${prefix}${last}`)).rule).toBe('mod11-check-digit');
    }
  });

  it('refuses a wrong check digit', () => {
    const error = refusal(() => OrganisationNumber.of('974760674', 'applicantOrgnr'));
    expect(error).toMatchObject({
      code: 'INVALID_VALUE',
      field: 'applicantOrgnr',
      rule: 'mod11-check-digit',
    });
    expect(error.message).toContain('applicantOrgnr');
    expect(error.message).toContain('kontrollsiffer');
  });

  it.each(['', '97476067', '9747606731', '97476067a', '974-760-673', 'NO974760673MVA'])('refuses %j, which is not nine digits', (input) => {
    const error = refusal(() => OrganisationNumber.of(input));
    expect(error).toMatchObject({ field: 'organisationNumber', rule: 'nine-digits' });
    expect(error.message).toContain('organisationNumber');
  });

  it('accepts equality by value', () => {
    expect(OrganisationNumber.of('974760673').equals(OrganisationNumber.of('974 760 673'))).toBe(true);
    expect(OrganisationNumber.of('974760673').equals(OrganisationNumber.of('938801363'))).toBe(false);
  });
});
