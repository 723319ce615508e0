import { letterFonts } from './fonts';
import { TextLayout } from './text-layout';

describe(TextLayout.name, () => {
  let layout: TextLayout;
  beforeAll(() => {
    layout = new TextLayout(letterFonts());
  });

  it('puts an Arabic name right to left inside a Norwegian line, with digits inside it left to right', () => {
    const runs = layout.line('Fra محمد 12 عبدالله og', 'regular');
    expect(runs.map((run) => [run.text, run.rightToLeft, run.face.key])).toEqual([
      ['Fra ', false, 'NotoSans-Regular'],
      ['عبدالله', true, 'NotoSansArabic-Regular'],
      [' ', true, 'NotoSans-Regular'],
      ['12', false, 'NotoSans-Regular'],
      ['محمد ', true, 'NotoSansArabic-Regular'],
      [' og', false, 'NotoSans-Regular'],
    ]);
  });

  it('joins Arabic letters: each takes its initial, medial or final form, not the isolated one', () => {
    const [run] = layout.line('عبدالله', 'regular');
    const isolated = (character: string): number => layout.line(character, 'regular')[0].glyphs[0].id;
    // Drawn left to right, so the word's first letter is its last glyph.
    const glyphFor = (character: string): number | undefined => run.glyphs.find((glyph) => String.fromCodePoint(...glyph.codePoints) === character)?.id;
    for (const character of ['ع', 'ب', 'د', 'ه']) expect([character, glyphFor(character) === isolated(character)]).toEqual([character, false]);
    expect(String.fromCodePoint(...run.glyphs[run.glyphs.length - 1].codePoints)).toBe('ع');
  });

  it('draws Ge’ez with the Ethiopic font and Sámi letters with Noto Sans', () => {
    expect(layout.line('ተስፋይ', 'bold').map((run) => run.face.key)).toEqual(['NotoSansEthiopic-Bold']);
    expect(layout.line('Čáhppes Ŋoađđi Ŧ', 'regular').map((run) => [run.face.key, run.glyphs.every((glyph) => glyph.id !== 0)])).toEqual([
      ['NotoSans-Regular', true],
    ]);
  });

  it('leaves out a character no font has rather than drawing a box', () => {
    const glyphs = layout.line('A\u{E000}B', 'regular').flatMap((run) => run.glyphs);
    expect(glyphs.map((glyph) => String.fromCodePoint(...glyph.codePoints))).toEqual(['A', 'B']);
    expect(glyphs.some((glyph) => glyph.id === 0)).toBe(false);
  });
});
