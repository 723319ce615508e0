// subset-font ships no types; these are the options of its documented API we use.
declare module 'subset-font' {
  interface SubsetFontOptions {
    targetFormat?: 'sfnt' | 'woff' | 'woff2' | 'truetype';
    keepAllGlyphs?: boolean;
    variationAxes?: Record<string, number>;
  }
  export default function subsetFont(font: Uint8Array, text: string | undefined, options?: SubsetFontOptions): Promise<Buffer>;
}
