import fontkit, { type Font } from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type FontStyle = 'regular' | 'bold';

/** One font file, parsed once per process and shared by every document. */
export interface FontFace {
  /** Unique per face, a PostScript name: keys caches and names the font in a document. */
  readonly key: string;
  readonly bytes: Uint8Array;
  readonly font: Font;
  /** The OpenType script tag fontkit shapes this face's runs with; undefined lets fontkit tell it from the text. */
  readonly script: string | undefined;
}

/** Per style, the faces to try in order: the first that has a character's glyph draws it. */
export type FontFallbacks = Readonly<Record<FontStyle, readonly FontFace[]>>;

const packageDirectory = (entry: string): string => dirname(require.resolve(entry));

function face(key: string, bytes: Uint8Array, script?: string): FontFace {
  return { key, bytes, font: fontkit.create(bytes), script };
}

function load(): FontFallbacks {
  const latin = join(packageDirectory('@embedpdf/fonts-latin'), '..', 'fonts');
  const arabic = packageDirectory('@expo-google-fonts/noto-sans-arabic/package.json');
  const ethiopic = packageDirectory('@expo-google-fonts/noto-sans-ethiopic/package.json');
  return {
    regular: [
      face('NotoSans-Regular', readFileSync(join(latin, 'NotoSans-Regular.ttf'))),
      face('NotoSansArabic-Regular', readFileSync(join(arabic, '400Regular', 'NotoSansArabic_400Regular.ttf')), 'arab'),
      face('NotoSansEthiopic-Regular', readFileSync(join(ethiopic, '400Regular', 'NotoSansEthiopic_400Regular.ttf')), 'ethi'),
    ],
    bold: [
      face('NotoSans-Bold', readFileSync(join(latin, 'NotoSans-Bold.ttf'))),
      face('NotoSansArabic-Bold', readFileSync(join(arabic, '700Bold', 'NotoSansArabic_700Bold.ttf')), 'arab'),
      face('NotoSansEthiopic-Bold', readFileSync(join(ethiopic, '700Bold', 'NotoSansEthiopic_700Bold.ttf')), 'ethi'),
    ],
  };
}

let loaded: FontFallbacks | undefined;

/**
 * The fonts every letter and report is written in (all SIL Open Font License): Noto Sans for the
 * Latin (Norwegian, Sámi, Somali), Greek and Cyrillic scripts, Noto Sans Arabic (drawn to match
 * Noto Sans) for Arabic and Persian, Noto Sans Ethiopic for Tigrinya and Amharic.
 */
export function letterFonts(): FontFallbacks {
  return (loaded ??= load());
}
