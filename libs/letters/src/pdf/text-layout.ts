import bidiFactory from 'bidi-js';
import type { FontFace, FontFallbacks, FontStyle } from './fonts';

/** A glyph as shaped, in font units, in the order it is drawn (left to right). */
export interface ShapedGlyph {
  readonly id: number;
  /** The characters this glyph stands for (several for a ligature), for the text layer, in visual order. */
  readonly codePoints: readonly number[];
  readonly advanceWidth: number;
  readonly xAdvance: number;
  readonly xOffset: number;
  readonly yOffset: number;
}

/** A stretch of one line in one face and one direction, shaped. */
export interface ShapedRun {
  readonly face: FontFace;
  /** The run's characters in logical (reading) order. */
  readonly text: string;
  readonly rightToLeft: boolean;
  readonly glyphs: readonly ShapedGlyph[];
  /** Sum of the advances, in font units. */
  readonly advance: number;
}

interface Item {
  readonly face: FontFace;
  readonly level: number;
  readonly text: string;
  readonly shapingText: string;
}

const bidi = bidiFactory();
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
const MARK = /\p{M}/u;
const CACHE_LIMIT = 50_000;

type LayoutWithScript = (
  text: string,
  features: undefined,
  script: string | undefined,
  language: undefined,
  direction: 'ltr' | 'rtl',
) => {
  glyphs: ReadonlyArray<{ id: number; codePoints: number[]; advanceWidth: number }>;
  positions: ReadonlyArray<{ xAdvance: number; xOffset: number; yOffset: number }>;
};

/**
 * Lays out lines of text in any script: the Unicode bidirectional algorithm (bidi-js) splits a
 * line into runs of one direction, each run is split again where the font must change, every run
 * is shaped by fontkit with its script and direction (Arabic joining, ligatures, kerning), and the
 * runs are put in visual order.
 */
export class TextLayout {
  /** Shaping a run is the costly part and letters repeat most of their words and lines. */
  private readonly shaped = new Map<string, readonly ShapedGlyph[]>();
  private readonly lines = new Map<string, ShapedRun[]>();
  private readonly widths = new Map<string, number>();

  constructor(private readonly fonts: FontFallbacks) {}

  /** The runs of one line, left to right as they are drawn. */
  line(text: string, style: FontStyle): readonly ShapedRun[] {
    const key = `${style}|${text}`;
    let runs = this.lines.get(key);
    if (!runs) {
      runs = visualOrder(this.items(text, style)).map((item) => this.shape(item));
      if (this.lines.size > CACHE_LIMIT) this.lines.clear();
      this.lines.set(key, runs);
    }
    return runs;
  }

  /** Width of a line at the given size, in points. */
  width(text: string, style: FontStyle, size: number): number {
    const key = `${style}|${text}`;
    let unitWidth = this.widths.get(key);
    if (unitWidth === undefined) {
      unitWidth = this.items(text, style).reduce((sum, item) => {
        const run = this.shape(item);
        return sum + run.advance / run.face.font.unitsPerEm;
      }, 0);
      if (this.widths.size > CACHE_LIMIT) this.widths.clear();
      this.widths.set(key, unitWidth);
    }
    return unitWidth * size;
  }

  /** Greedy line breaking at spaces; a word longer than the width stands alone on its line. */
  wrap(text: string, style: FontStyle, size: number, width: number): string[] {
    const words = text.replace(/\s+/g, ' ').trim().split(' ');
    const space = this.width(' ', style, size);
    const lines: string[] = [];
    let current = '';
    let currentWidth = 0;
    for (const word of words) {
      const wordWidth = this.width(word, style, size);
      if (current && currentWidth + space + wordWidth > width) {
        lines.push(current);
        current = '';
      }
      currentWidth = current ? currentWidth + space + wordWidth : wordWidth;
      current = current ? `${current} ${word}` : word;
    }
    lines.push(current);
    return lines;
  }

  private items(text: string, style: FontStyle): Item[] {
    const faces = this.fonts[style];
    // Letters are written left to right; a name in Arabic script is a right-to-left run inside.
    const embedding = bidi.getEmbeddingLevels(text, 'ltr');
    const mirrored = bidi.getMirroredCharactersMap(text, embedding);
    const items: Item[] = [];
    let current: { face: FontFace; level: number; start: number; shaping: string } | undefined;
    let index = 0;
    for (const character of text) {
      const codePoint = character.codePointAt(0) as number;
      const level = embedding.levels[index];
      const face = chooseFace(codePoint, character, faces, current?.level === level ? current.face : undefined);
      if (face) {
        if (!current || current.face !== face || current.level !== level) {
          if (current) items.push({ face: current.face, level: current.level, text: text.slice(current.start, index), shapingText: current.shaping });
          current = { face, level, start: index, shaping: '' };
        }
        current.shaping += mirrored.get(index) ?? character;
      }
      // A character no face has is left out rather than drawn as a box (.notdef).
      index += character.length;
    }
    if (current) items.push({ face: current.face, level: current.level, text: text.slice(current.start), shapingText: current.shaping });
    return items;
  }

  /**
   * A run is shaped word by word: neither joining nor ligatures reach across a space, and words
   * repeat from letter to letter where whole lines do not.
   */
  private shape(item: Item): ShapedRun {
    const rightToLeft = item.level % 2 === 1;
    const words = item.shapingText.split(/( )/).filter((word) => word !== '');
    const shapedWords = words.map((word) => this.shapeWord(item.face, word, rightToLeft));
    if (rightToLeft) shapedWords.reverse();
    const glyphs = shapedWords.flat();
    return { face: item.face, text: item.text, rightToLeft, glyphs, advance: glyphs.reduce((sum, glyph) => sum + glyph.xAdvance, 0) };
  }

  private shapeWord(face: FontFace, word: string, rightToLeft: boolean): readonly ShapedGlyph[] {
    const key = `${face.key}|${rightToLeft ? 'r' : 'l'}|${word}`;
    let glyphs = this.shaped.get(key);
    if (!glyphs) {
      const layout = (face.font.layout as unknown as LayoutWithScript).bind(face.font);
      const result = layout(word, undefined, face.script, undefined, rightToLeft ? 'rtl' : 'ltr');
      glyphs = result.glyphs.map((glyph, position) => ({
        id: glyph.id,
        // The glyphs of a right-to-left run are drawn in visual order, and so are the characters a
        // ligature stands for: readers (poppler) put a line's text in reading order by reversing it.
        codePoints: rightToLeft ? [...glyph.codePoints].reverse() : [...glyph.codePoints],
        advanceWidth: glyph.advanceWidth,
        xAdvance: result.positions[position].xAdvance,
        xOffset: result.positions[position].xOffset,
        yOffset: result.positions[position].yOffset,
      }));
      if (this.shaped.size > CACHE_LIMIT) this.shaped.clear();
      this.shaped.set(key, glyphs);
    }
    return glyphs;
  }
}

/**
 * Letters and marks take the first face that has them; spaces, digits and punctuation stay in the
 * face of the run they are in when it has them, so a name is not broken up around a space.
 */
function chooseFace(codePoint: number, character: string, faces: readonly FontFace[], previous: FontFace | undefined): FontFace | undefined {
  if (previous && (!LETTER_OR_MARK.test(character) || MARK.test(character)) && previous.font.hasGlyphForCodePoint(codePoint)) return previous;
  return faces.find((face) => face.font.hasGlyphForCodePoint(codePoint));
}

/**
 * Rule L2 of the bidirectional algorithm on whole runs: from the highest level down to the lowest
 * odd one, reverse every stretch of runs at that level or above. A run's own glyphs come from the
 * shaper already in visual order for its direction.
 */
function visualOrder(items: Item[]): Item[] {
  if (items.length < 2) return items;
  const highest = Math.max(...items.map((item) => item.level));
  const lowestOdd = Math.min(...items.map((item) => item.level).filter((level) => level % 2 === 1));
  if (!Number.isFinite(lowestOdd)) return items;
  const ordered = [...items];
  for (let level = highest; level >= lowestOdd; level--) {
    let start = 0;
    while (start < ordered.length) {
      if (ordered[start].level < level) {
        start++;
        continue;
      }
      let end = start;
      while (end + 1 < ordered.length && ordered[end + 1].level >= level) end++;
      const reversed = ordered.slice(start, end + 1).reverse();
      ordered.splice(start, reversed.length, ...reversed);
      start = end + 1;
    }
  }
  return ordered;
}
