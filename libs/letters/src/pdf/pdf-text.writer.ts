import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { PDFName, PDFString, type PDFDocument, type PDFPage, type PDFRef, type RGB } from 'pdf-lib';
import { FontSubsetter } from './font-subsetter';
import { letterFonts, type FontFace, type FontFallbacks, type FontStyle } from './fonts';
import { TextLayout, type ShapedRun } from './text-layout';

export interface DrawTextOptions {
  readonly x: number;
  readonly y: number;
  readonly size: number;
  readonly style?: FontStyle;
  readonly color?: RGB;
}

/** One font as used in one document: the glyphs drawn so far and what each stands for. */
class EmbeddedFace {
  readonly widths = new Map<number, number>();
  readonly characters = new Map<number, readonly number[]>();
  private readonly names = new Map<PDFPage, PDFName>();

  constructor(
    readonly face: FontFace,
    readonly ref: PDFRef,
  ) {}

  use(id: number, advanceWidth: number, codePoints: readonly number[]): void {
    if (!this.widths.has(id)) {
      this.widths.set(id, advanceWidth);
      this.characters.set(id, codePoints);
    }
  }

  nameOn(page: PDFPage): PDFName {
    let name = this.names.get(page);
    if (!name) {
      name = page.node.newFontDictionary(this.face.key.replace(/[^A-Za-z0-9]/g, ''), this.ref);
      this.names.set(page, name);
    }
    return name;
  }
}

const layouts = new WeakMap<FontFallbacks, TextLayout>();

interface FontProgram {
  readonly deflated: Uint8Array;
  readonly length: number;
}

const FONT_PROGRAMS = new Map<string, FontProgram>();
const FONT_PROGRAM_LIMIT = 500;

/**
 * Draws text in any script onto pdf-lib pages and embeds the fonts it used. pdf-lib's own
 * drawText shapes a whole string with one font and no direction, so this writes the text
 * operators itself from runs shaped by {@link TextLayout}, and embeds each font as a subset
 * (HarfBuzz) with a ToUnicode map that gives every glyph, joined forms and ligatures included,
 * back its characters.
 */
export class PdfTextWriter {
  private readonly embedded = new Map<FontFace, EmbeddedFace>();
  private readonly content = new Map<PDFPage, string[]>();

  private constructor(
    private readonly document: PDFDocument,
    readonly layout: TextLayout,
    private readonly subsetter: FontSubsetter,
  ) {}

  static async create(document: PDFDocument): Promise<PdfTextWriter> {
    const subsetter = await FontSubsetter.shared();
    const fonts = letterFonts();
    let layout = layouts.get(fonts);
    if (!layout) {
      layout = new TextLayout(fonts);
      layouts.set(fonts, layout);
    }
    return new PdfTextWriter(document, layout, subsetter);
  }

  width(text: string, size: number, style: FontStyle = 'regular'): number {
    return this.layout.width(text, style, size);
  }

  wrap(text: string, size: number, width: number, style: FontStyle = 'regular'): string[] {
    return this.layout.wrap(text, style, size, width);
  }

  /** Draws one line of text with its left end at x (its baseline at y). */
  draw(page: PDFPage, text: string, options: DrawTextOptions): void {
    const { size, color } = options;
    let x = options.x;
    let content = '';
    for (const run of this.layout.line(text, options.style ?? 'regular')) {
      const embedded = this.embed(run.face);
      content += `BT\n${embedded.nameOn(page).toString()} ${number(size)} Tf\n`;
      if (color) content += `${number(color.red)} ${number(color.green)} ${number(color.blue)} rg\n`;
      const shown = showRun(run, embedded, x, options.y, size);
      content += `${shown.operators}ET\n`;
      x = shown.x;
    }
    if (!content) return;
    let parts = this.content.get(page);
    if (!parts) {
      parts = [];
      this.content.set(page, parts);
    }
    parts.push(content);
  }

  /** Writes the text drawn and the fonts it uses into the document; call once, before saving. */
  finish(): void {
    const context = this.document.context;
    for (const [page, parts] of this.content) {
      // Node's zlib: pdf-lib deflates its streams in JavaScript, several times slower.
      const stream = context.stream(deflateSync(`q\n${parts.join('')}Q\n`), { Filter: 'FlateDecode' });
      page.node.addContentStream(context.register(stream));
    }
    this.content.clear();
    for (const embedded of this.embedded.values()) this.writeFont(embedded);
  }

  private embed(face: FontFace): EmbeddedFace {
    let embedded = this.embedded.get(face);
    if (!embedded) {
      embedded = new EmbeddedFace(face, this.document.context.nextRef());
      this.embedded.set(face, embedded);
    }
    return embedded;
  }

  /**
   * The same glyphs of the same font give the same font program, and most letters of a batch use
   * the same glyphs: subsetting and compressing is done once for each set.
   */
  private fontProgram(face: FontFace, ids: readonly number[]): FontProgram {
    const key = `${face.key}|${ids.join(',')}`;
    let program = FONT_PROGRAMS.get(key);
    if (!program) {
      const bytes = this.subsetter.subset(face.bytes, ids);
      program = { deflated: deflateSync(bytes), length: bytes.length };
      if (FONT_PROGRAMS.size >= FONT_PROGRAM_LIMIT) FONT_PROGRAMS.delete(FONT_PROGRAMS.keys().next().value as string);
      FONT_PROGRAMS.set(key, program);
    }
    return program;
  }

  private writeFont(embedded: EmbeddedFace): void {
    const context = this.document.context;
    const font = embedded.face.font;
    const ids = [...embedded.widths.keys()].sort((a, b) => a - b);
    const program = this.fontProgram(embedded.face, ids);
    const scale = 1000 / font.unitsPerEm;
    // A subset's name carries a tag that tells its glyph set from other subsets of the same font.
    const tag = createHash('sha1')
      .update(ids.join(','))
      .digest()
      .subarray(0, 6)
      .reduce((name, byte) => name + String.fromCharCode(65 + (byte % 26)), '');
    const baseFont = `${tag}+${embedded.face.key}`;
    const fontFile = context.stream(program.deflated, { Filter: 'FlateDecode', Length1: program.length });
    const descriptor = context.obj({
      Type: 'FontDescriptor',
      FontName: baseFont,
      Flags: 4,
      FontBBox: [font.bbox.minX * scale, font.bbox.minY * scale, font.bbox.maxX * scale, font.bbox.maxY * scale].map(Math.round),
      ItalicAngle: font.italicAngle,
      Ascent: Math.round(font.ascent * scale),
      Descent: Math.round(font.descent * scale),
      CapHeight: Math.round((font.capHeight || font.ascent) * scale),
      XHeight: Math.round((font.xHeight || 0) * scale),
      StemV: 80,
      FontFile2: context.register(fontFile),
    });
    const widths: (number | number[])[] = [];
    for (const id of ids) widths.push(id, [Math.round((embedded.widths.get(id) as number) * scale)]);
    const cidFont = context.obj({
      Type: 'Font',
      Subtype: 'CIDFontType2',
      BaseFont: baseFont,
      CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
      FontDescriptor: context.register(descriptor),
      W: widths,
      CIDToGIDMap: 'Identity',
    });
    const toUnicode = context.stream(deflateSync(toUnicodeCMap(ids.map((id) => [id, embedded.characters.get(id) as readonly number[]]))), {
      Filter: 'FlateDecode',
    });
    context.assign(
      embedded.ref,
      context.obj({
        Type: 'Font',
        Subtype: 'Type0',
        BaseFont: baseFont,
        Encoding: 'Identity-H',
        DescendantFonts: [context.register(cidFont)],
        ToUnicode: context.register(toUnicode),
      }),
    );
  }
}

const hex4 = (value: number): string => value.toString(16).padStart(4, '0');
const number = (value: number): string => String(Math.round(value * 1000) / 1000);

/**
 * Glyphs go into one TJ array; where the shaper moved a glyph off its plain advance (kerning),
 * the array carries the difference, and a glyph placed off the baseline (a mark) gets its own
 * text matrix.
 */
function showRun(run: ShapedRun, embedded: EmbeddedFace, x: number, y: number, size: number): { operators: string; x: number } {
  const scale = size / run.face.font.unitsPerEm;
  const unitsToThousandths = 1000 / run.face.font.unitsPerEm;
  let operators = `1 0 0 1 ${number(x)} ${number(y)} Tm\n`;
  let array = '';
  let hex = '';
  let penX = x;
  const flush = (): void => {
    if (hex) array += `<${hex}>`;
    hex = '';
    if (array) operators += `[${array}] TJ\n`;
    array = '';
  };
  for (const glyph of run.glyphs) {
    embedded.use(glyph.id, glyph.advanceWidth, glyph.codePoints);
    if (glyph.xOffset !== 0 || glyph.yOffset !== 0) {
      flush();
      operators += `1 0 0 1 ${number(penX + glyph.xOffset * scale)} ${number(y + glyph.yOffset * scale)} Tm\n<${hex4(glyph.id)}> Tj\n`;
      penX += glyph.xAdvance * scale;
      operators += `1 0 0 1 ${number(penX)} ${number(y)} Tm\n`;
      continue;
    }
    hex += hex4(glyph.id);
    const adjustment = glyph.advanceWidth - glyph.xAdvance;
    if (adjustment !== 0) {
      array += `<${hex}> ${number(adjustment * unitsToThousandths)} `;
      hex = '';
    }
    penX += glyph.xAdvance * scale;
  }
  flush();
  return { operators, x: penX };
}

function utf16Hex(codePoints: readonly number[]): string {
  return String.fromCodePoint(...codePoints)
    .split('')
    .map((unit) => hex4(unit.charCodeAt(0)))
    .join('');
}

/** The ToUnicode CMap (PDF 32000-1 § 9.10.3): glyph id to the characters it stands for. */
function toUnicodeCMap(entries: ReadonlyArray<readonly [number, readonly number[]]>): string {
  const mapped = entries.filter(([, codePoints]) => codePoints.length > 0);
  const blocks: string[] = [];
  for (let start = 0; start < mapped.length; start += 100) {
    const block = mapped.slice(start, start + 100);
    blocks.push(`${block.length} beginbfchar\n${block.map(([id, codePoints]) => `<${hex4(id)}> <${utf16Hex(codePoints)}>`).join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <ffff>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}
