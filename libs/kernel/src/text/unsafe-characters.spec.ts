import { findUnsafeCharacter, withoutUnsafeCharacters } from './unsafe-characters';

describe(findUnsafeCharacter.name, () => {
  it.each([
    ['Ressurs\u0000senter', 'control-character', 7],
    ['a\u001Fb', 'control-character', 1],
    ['a\u007F', 'control-character', 1],
    ['\u0085x', 'control-character', 0],
    ['lone \ud800 high', 'lone-surrogate', 5],
    ['lone \udc00 low', 'lone-surrogate', 5],
    ['x\ufdd0', 'non-character', 1],
    ['x\uffff', 'non-character', 1],
    ['x\u{10FFFF}', 'non-character', 1],
  ])('finds %j as %s at %i', (text, kind, index) => {
    expect(findUnsafeCharacter(text, true)).toMatchObject({ kind, index });
  });

  it('accepts Norwegian text, emoji (a surrogate pair) and line breaks where lines are allowed', () => {
    expect(findUnsafeCharacter('Æøå – «Bosetting» 😀\r\n\tneste linje', true)).toBeUndefined();
  });

  it('refuses TAB, LF and CR in a single-line value', () => {
    expect(findUnsafeCharacter('Ressurs\nsenter', false)).toMatchObject({ kind: 'line-break', index: 7 });
    expect(findUnsafeCharacter('a\tb\u0000', false)).toMatchObject({ kind: 'line-break', index: 1 });
    expect(findUnsafeCharacter('a\u0000\tb', false)).toMatchObject({ kind: 'control-character', index: 1 });
  });
});

describe(withoutUnsafeCharacters.name, () => {
  it('drops what a file cannot carry and keeps the rest', () => {
    expect(withoutUnsafeCharacters('Bygdø\u0000y\u0007 kommune \ud800😀', false)).toBe('Bygdøy kommune 😀');
    expect(withoutUnsafeCharacters('linje 1\r\nlinje 2', false)).toBe('linje 1  linje 2');
    expect(withoutUnsafeCharacters('linje 1\r\nlinje 2\u0000', true)).toBe('linje 1\r\nlinje 2');
  });
});
