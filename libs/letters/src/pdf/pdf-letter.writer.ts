import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { letterFonts } from './fonts';

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const BODY_SIZE = 10.5;
const LINE = 1.35;
const WORD_WIDTHS = new Map<string, number>();

type ParsedFont = ReturnType<typeof fontkit.create>;

/** Shaping the same line twice gives the same glyphs: letters repeat most of their lines. */
function memoiseLayout(font: ParsedFont): ParsedFont {
  const layouts = new Map<string, unknown>();
  const layout = font.layout.bind(font) as (text: string, features?: unknown) => unknown;
  (font as { layout: unknown }).layout = (text: string, features?: unknown) => {
    const key = `${JSON.stringify(features ?? null)}|${text}`;
    let run = layouts.get(key);
    if (run === undefined) {
      run = layout(text, features);
      if (layouts.size > 20_000) layouts.clear();
      layouts.set(key, run);
    }
    return run;
  };
  // Subsetting decodes every used glyph's outline again for each document; an outline never changes.
  const getGlyph = font.getGlyph.bind(font) as (id: number, characters?: number[]) => { _decode?: () => unknown; decodeMemoised?: boolean };
  (font as { getGlyph: unknown }).getGlyph = (id: number, characters?: number[]) => {
    const glyph = getGlyph(id, characters);
    if (glyph._decode && !glyph.decodeMemoised) {
      const decode = glyph._decode.bind(glyph);
      let decoded: unknown;
      let done = false;
      glyph._decode = () => {
        if (!done) {
          decoded = decode();
          done = true;
        }
        return decoded;
      };
      glyph.decodeMemoised = true;
    }
    return glyph;
  };
  return font;
}

/**
 * fontkit parses a font's layout tables lazily and keeps them on the font object; pdf-lib would
 * parse the same font afresh for every document. One parsed font per font file serves them all.
 */
const parsedFonts = new WeakMap<Uint8Array, ParsedFont>();
const CACHING_FONTKIT: typeof fontkit = {
  ...fontkit,
  create: (data: Uint8Array, postscriptName?: string) => {
    let font = parsedFonts.get(data);
    if (!font) {
      font = memoiseLayout(fontkit.create(data, postscriptName));
      parsedFonts.set(data, font);
    }
    return font;
  },
};

/** Writes a simple, accessible A4 letter: headings, paragraphs, label/value rows and lists. */
export class PdfLetterWriter {
  private page!: PDFPage;
  private y = 0;

  private constructor(
    private readonly document: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.newPage();
  }

  static async create(meta: { title: string; language: 'nb' | 'nn'; subject?: string }): Promise<PdfLetterWriter> {
    const document = await PDFDocument.create();
    document.registerFontkit(CACHING_FONTKIT);
    const fonts = letterFonts();
    const [regular, bold] = await Promise.all([document.embedFont(fonts.regular, { subset: true }), document.embedFont(fonts.bold, { subset: true })]);
    document.setTitle(meta.title, { showInWindowTitleBar: true });
    document.setLanguage(meta.language === 'nn' ? 'nn-NO' : 'nb-NO');
    document.setAuthor('Integrerings- og mangfoldsdirektoratet (IMDi)');
    document.setProducer('IMDi tilskuddsforvaltning');
    if (meta.subject) document.setSubject(meta.subject);
    return new PdfLetterWriter(document, regular, bold);
  }

  heading(text: string, size = 15): this {
    this.space(size * 0.6);
    this.lines(text, this.bold, size);
    this.space(size * 0.3);
    return this;
  }

  subheading(text: string): this {
    return this.heading(text, 12);
  }

  paragraph(text: string): this {
    for (const part of text.split('\n')) this.lines(part, this.regular, BODY_SIZE);
    this.space(BODY_SIZE * 0.5);
    return this;
  }

  /** Label and value side by side, the label in bold. */
  rows(rows: ReadonlyArray<readonly [string, string]>): this {
    const labelWidth = 170;
    for (const [label, value] of rows) {
      const valueLines = this.wrap(value, this.regular, BODY_SIZE, PAGE.width - 2 * MARGIN - labelWidth);
      this.ensureRoom(BODY_SIZE * LINE * valueLines.length);
      this.page.drawText(label, { x: MARGIN, y: this.y, size: BODY_SIZE, font: this.bold });
      valueLines.forEach((line, index) => {
        this.page.drawText(line, { x: MARGIN + labelWidth, y: this.y - index * BODY_SIZE * LINE, size: BODY_SIZE, font: this.regular });
      });
      this.y -= BODY_SIZE * LINE * Math.max(1, valueLines.length);
    }
    this.space(BODY_SIZE * 0.5);
    return this;
  }

  bullets(items: readonly string[]): this {
    for (const item of items) this.lines(`•  ${item}`, this.regular, BODY_SIZE, 12);
    this.space(BODY_SIZE * 0.5);
    return this;
  }

  async toBytes(): Promise<Uint8Array> {
    const pages = this.document.getPages();
    pages.forEach((page, index) => {
      page.drawText(`Side ${index + 1} av ${pages.length}`, { x: PAGE.width - MARGIN - 60, y: MARGIN / 2, size: 8, font: this.regular, color: rgb(0.3, 0.3, 0.3) });
    });
    return this.document.save({ useObjectStreams: true });
  }

  private lines(text: string, font: PDFFont, size: number, indent = 0): void {
    for (const line of this.wrap(text, font, size, PAGE.width - 2 * MARGIN - indent)) {
      this.ensureRoom(size * LINE);
      this.page.drawText(line, { x: MARGIN + indent, y: this.y, size, font });
      this.y -= size * LINE;
    }
  }

  private wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const words = text.replace(/\s+/g, ' ').trim().split(' ');
    const space = this.widthOf(' ', font, size);
    const lines: string[] = [];
    let current = '';
    let currentWidth = 0;
    for (const word of words) {
      const wordWidth = this.widthOf(word, font, size);
      if (!current || currentWidth + space + wordWidth <= width) {
        current = current ? `${current} ${word}` : word;
        currentWidth = current === word ? wordWidth : currentWidth + space + wordWidth;
      } else {
        lines.push(current);
        current = word;
        currentWidth = wordWidth;
      }
    }
    lines.push(current);
    return lines;
  }

  /**
   * Text layout through fontkit is the expensive part of a letter; a word's width never changes,
   * so it is measured once per process (summing word widths ignores kerning across spaces, which
   * only matters for where a line breaks, not for what is drawn).
   */
  private widthOf(word: string, font: PDFFont, size: number): number {
    const key = `${font === this.bold ? 'b' : 'r'}|${word}`;
    let unitWidth = WORD_WIDTHS.get(key);
    if (unitWidth === undefined) {
      unitWidth = font.widthOfTextAtSize(word, 1000) / 1000;
      if (WORD_WIDTHS.size > 100_000) WORD_WIDTHS.clear();
      WORD_WIDTHS.set(key, unitWidth);
    }
    return unitWidth * size;
  }

  private space(points: number): void {
    this.y -= points;
  }

  private ensureRoom(points: number): void {
    if (this.y - points < MARGIN) this.newPage();
  }

  private newPage(): void {
    this.page = this.document.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - MARGIN;
  }
}
