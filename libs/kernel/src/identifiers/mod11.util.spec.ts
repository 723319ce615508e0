import { mod11CheckDigit } from './mod11.util';

describe(mod11CheckDigit.name, () => {
  const weights = [3, 2, 7, 6, 5, 4, 3, 2];

  it('accepts a prefix and returns 11 - (weighted sum mod 11)', () => {
    // 9·3+7·2+4·7+7·6+6·5+0·4+6·3+7·2 = 173; 173 mod 11 = 8; 11 - 8 = 3
    expect(mod11CheckDigit('97476067', weights)).toBe(3);
  });

  it('accepts a weighted sum divisible by 11 as check digit 0', () => {
    // 9·3+5·2+8·7+9·6+3·5+5·4+4·3+2·2 = 198 = 18·11
    expect(mod11CheckDigit('95893542', weights)).toBe(0);
  });

  it('refuses a prefix whose check digit would be 10 by returning null', () => {
    // 1·3+0·2+0·7+0·6+0·5+0·4+1·3+3·2 = 12; 12 mod 11 = 1; 11 - 1 = 10
    expect(mod11CheckDigit('10000013', weights)).toBeNull();
  });

  it('refuses too few digits or non-digits as a programming error', () => {
    expect(() => mod11CheckDigit('1234567', weights)).toThrow(RangeError);
    expect(() => mod11CheckDigit('1234567a', weights)).toThrow(RangeError);
  });
});
