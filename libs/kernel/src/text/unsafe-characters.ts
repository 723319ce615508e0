/**
 * Characters no field of ours may carry: C0 and C1 control characters, lone UTF-16 surrogates
 * (a JS string can hold them, UTF-8 cannot) and Unicode non-characters. TAB, LF and CR are the
 * exception where a text may span lines. They break XML (pain.001), CSV and spreadsheet files
 * far from where they came in, so they are refused at the door and stripped on the way out.
 */
export type UnsafeCharacterKind = 'control-character' | 'line-break' | 'lone-surrogate' | 'non-character';

export interface UnsafeCharacter {
  readonly kind: UnsafeCharacterKind;
  /** Index of the offending UTF-16 unit. */
  readonly index: number;
  readonly codePoint: number;
}

const PLANE_NON_CHARACTERS = Array.from(
  { length: 17 },
  (_, plane) => `\\u{${(plane * 0x10000 + 0xfffe).toString(16)}}\\u{${(plane * 0x10000 + 0xffff).toString(16)}}`,
).join('');
// With the u flag a surrogate range matches only surrogates that are not half of a pair.
const UNSAFE = new RegExp(`[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\uD800-\\uDFFF\\uFDD0-\\uFDEF${PLANE_NON_CHARACTERS}]`, 'u');
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'gu');
const LINE_BREAKS = /[\t\n\r]/;
const LINE_BREAKS_ALL = /[\t\n\r]/g;

export function findUnsafeCharacter(text: string, allowLineBreaks: boolean): UnsafeCharacter | undefined {
  const unsafe = UNSAFE.exec(text);
  const lineBreak = allowLineBreaks ? null : LINE_BREAKS.exec(text);
  const found = unsafe && lineBreak ? (unsafe.index < lineBreak.index ? unsafe : lineBreak) : (unsafe ?? lineBreak);
  if (!found) return undefined;
  const codePoint = found[0].codePointAt(0)!;
  return { kind: kindOf(codePoint), index: found.index, codePoint };
}

/** For writers of files a person or a bank reads: drops what the format cannot carry; line breaks become spaces where a value must stay on one line. */
export function withoutUnsafeCharacters(text: string, allowLineBreaks: boolean): string {
  const safe = text.replace(UNSAFE_ALL, '');
  return allowLineBreaks ? safe : safe.replace(LINE_BREAKS_ALL, ' ');
}

/** "U+0000" for a message a person reads. */
export function describeCodePoint(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

function kindOf(codePoint: number): UnsafeCharacterKind {
  if (codePoint === 0x09 || codePoint === 0x0a || codePoint === 0x0d) return 'line-break';
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return 'lone-surrogate';
  if (codePoint <= 0x9f) return 'control-character';
  return 'non-character';
}
