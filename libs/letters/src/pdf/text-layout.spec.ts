import { letterFonts } from './fonts';
import { TextLayout } from './text-layout';

describe(TextLayout.name, () => {
  let layout: TextLayout;
  beforeAll(async () => {
    layout = new TextLayout(await letterFonts());
  });

  it('puts an Arabic name right to left inside a Norwegian line, with digits inside it left to right', () => {
    const runs = layout.line('Fra محمد 12 عبدالله og', 'regular');
    expect(runs.map((run) => [run.text, run.rightToLeft, run.face.key])).toEqual([
      ['Fra ', false, 'NotoSans-Regular'],
      ['عبدالله', true, 'NotoNaskhArabic-Regular'],
      [' ', true, 'NotoSans-Regular'],
      ['12', false, 'NotoSans-Regular'],
      ['محمد ', true, 'NotoNaskhArabic-Regular'],
      [' og', false, 'NotoSans-Regular'],
    ]);
  });

  it('shapes Arabic: joined forms and the ligature that lam, lam and heh make', () => {
    const [run] = layout.line('عبدالله', 'regular');
    const isolated = [...'عبدالله'].map((character) => layout.line(character, 'regular')[0].glyphs[0].id);
    expect(run.glyphs.length).toBeLessThan(7);
    // Drawn left to right, so the first glyph is the end of the word: the ligature stands for ل ل ه.
    expect(String.fromCodePoint(...run.glyphs[0].codePoints)).toBe('هلل');
    expect(run.glyphs.map((glyph) => glyph.id)).not.toEqual(expect.arrayContaining(isolated.slice(0, 3)));
  });

  it('draws Ge’ez with the Ethiopic font and Sámi letters with Noto Sans', () => {
    expect(layout.line('ተስፋይ', 'bold').map((run) => run.face.key)).toEqual(['NotoSansEthiopic-Bold']);
    expect(layout.line('Čáhppes Ŋoađđi Ŧ', 'regular').map((run) => [run.face.key, run.glyphs.every((glyph) => glyph.id !== 0)])).toEqual([['NotoSans-Regular', true]]);
  });

  it('leaves out a character no font has rather than drawing a box', () => {
    const glyphs = layout.line('A\u{E000}B', 'regular').flatMap((run) => run.glyphs);
    expect(glyphs.map((glyph) => String.fromCodePoint(...glyph.codePoints))).toEqual(['A', 'B']);
    expect(glyphs.some((glyph) => glyph.id === 0)).toBe(false);
  });
});
