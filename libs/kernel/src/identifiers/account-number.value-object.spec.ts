import { InvalidValueError } from '../errors/domain.error';
import { AccountNumber } from './account-number.value-object';

const WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/** Independent oracle: the raw 11 - (sum mod 11), so 10 and 11 stay visible to the test. */
function rawCheck(prefix: string): number {
  const sum = [...prefix].reduce((total, digit, index) => total + Number(digit) * WEIGHTS[index], 0);
  return 11 - (sum % 11);
}

function withCheckDigit(prefix: string): string {
  const raw = rawCheck(prefix);
  if (raw === 10) throw new Error(`${prefix} has no valid check digit`);
  return `${prefix}${raw === 11 ? 0 : raw}`;
}

function findPrefix(raw: number): string {
  for (let candidate = 1503421234; candidate < 9999999999; candidate += 1) {
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

describe(AccountNumber.name, () => {
  it('accepts 12345678903, which the test oracle verifies first', () => {
    // 1·5+2·4+3·3+4·2+5·7+6·6+7·5+8·4+9·3+0·2 = 195; 195 mod 11 = 8; 11 - 8 = 3
    expect(withCheckDigit('1234567890')).toBe('12345678903');
    const account = AccountNumber.of('12345678903');
    expect(account.value).toBe('12345678903');
    expect(account.format()).toBe('1234.56.78903');
    expect(account.toString()).toBe('12345678903');
    expect(JSON.stringify(account)).toBe('"12345678903"');
  });

  it.each(['1503.42.12349', '1503 42 12349', ' 15034212349 ', '1503.42 12349'])('accepts %j with dots and spaces', (input) => {
    expect(withCheckDigit('1503421234')).toBe('15034212349');
    expect(AccountNumber.of(input).format()).toBe('1503.42.12349');
  });

  it('accepts a weighted sum divisible by 11 as check digit 0 (11 → 0)', () => {
    const prefix = findPrefix(11);
    expect(AccountNumber.of(`${prefix}0`).value).toBe(`${prefix}0`);
  });

  it('refuses every number whose prefix would need check digit 10', () => {
    const prefix = findPrefix(10);
    for (let last = 0; last <= 9; last += 1) {
      expect(refusal(() => AccountNumber.of(`${prefix}${last}`)).rule).toBe('mod11-check-digit');
    }
  });

  it('refuses a wrong check digit', () => {
    // 1503.42.12345 looks plausible but its check digit should be 9.
    const error = refusal(() => AccountNumber.of('1503.42.12345', 'payoutAccount'));
    expect(error).toMatchObject({
      code: 'INVALID_VALUE',
      field: 'payoutAccount',
      rule: 'mod11-check-digit',
    });
    expect(error.message).toContain('payoutAccount');
  });

  it.each(['', '1234567890', '123456789031', '1234-56-78903', 'NO9386011117947', '1234567890x'])('refuses %j, which is not eleven digits', (input) => {
    const error = refusal(() => AccountNumber.of(input));
    expect(error).toMatchObject({ field: 'accountNumber', rule: 'eleven-digits' });
    expect(error.message).toContain('accountNumber');
  });

  it('accepts equality by value', () => {
    expect(AccountNumber.of('1234.56.78903').equals(AccountNumber.of('12345678903'))).toBe(true);
    expect(AccountNumber.of('12345678903').equals(AccountNumber.of('15034212349'))).toBe(false);
  });
});
