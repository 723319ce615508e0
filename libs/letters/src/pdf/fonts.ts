import fontkit, { type Font } from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import subsetFont from 'subset-font';

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

/**
 * Noto Ethiopic comes on npm only as a variable WOFF2; a PDF embeds static TrueType, so the
 * weight axis is pinned (HarfBuzz's instancer through subset-font) once per process.
 */
async function ethiopic(weight: number): Promise<Uint8Array> {
  const woff2 = readFileSync(
    join(packageDirectory('@fontsource-variable/noto-sans-ethiopic/LICENSE'), 'files', 'noto-sans-ethiopic-ethiopic-wght-normal.woff2'),
  );
  return subsetFont(woff2, undefined, { keepAllGlyphs: true, targetFormat: 'sfnt', variationAxes: { wght: weight } });
}

async function load(): Promise<FontFallbacks> {
  const latin = join(packageDirectory('@embedpdf/fonts-latin'), '..', 'fonts');
  const arabic = packageDirectory('@expo-google-fonts/noto-sans-arabic/package.json');
  const [ethiopicRegular, ethiopicBold] = await Promise.all([ethiopic(400), ethiopic(700)]);
  return {
    regular: [
      face('NotoSans-Regular', readFileSync(join(latin, 'NotoSans-Regular.ttf'))),
      face('NotoSansArabic-Regular', readFileSync(join(arabic, '400Regular', 'NotoSansArabic_400Regular.ttf')), 'arab'),
      face('NotoSansEthiopic-Regular', ethiopicRegular, 'ethi'),
    ],
    bold: [
      face('NotoSans-Bold', readFileSync(join(latin, 'NotoSans-Bold.ttf'))),
      face('NotoSansArabic-Bold', readFileSync(join(arabic, '700Bold', 'NotoSansArabic_700Bold.ttf')), 'arab'),
      face('NotoSansEthiopic-Bold', ethiopicBold, 'ethi'),
    ],
  };
}

let loaded: Promise<FontFallbacks> | undefined;

/**
 * The fonts every letter and report is written in (all SIL Open Font License): Noto Sans for the
 * Latin (Norwegian, Sámi, Somali), Greek and Cyrillic scripts, Noto Sans Arabic (drawn to match
 * Noto Sans) for Arabic and Persian, Noto Sans Ethiopic for Tigrinya and Amharic.
 */
export function letterFonts(): Promise<FontFallbacks> {
  loaded ??= load().catch((error: unknown) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
}
