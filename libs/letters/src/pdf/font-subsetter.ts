import { readFileSync } from 'node:fs';

/** The parts of HarfBuzz's C API (hb-subset) that the WebAssembly build in harfbuzzjs exports. */
interface HarfBuzzSubset {
  readonly memory: { readonly buffer: ArrayBuffer };
  _initialize(): void;
  malloc(size: number): number;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_length(blob: number): number;
  hb_blob_get_data(blob: number, length: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_glyph_set(input: number): number;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_or_fail(face: number, input: number): number;
}

// The WebAssembly global is in Node but not in this project's type libraries (no DOM lib).
const { WebAssembly: webAssembly } = globalThis as unknown as { WebAssembly: { instantiate(module: Uint8Array): Promise<{ instance: { exports: unknown } }> } };

const HB_MEMORY_MODE_READONLY = 1;
const HB_SUBSET_SETS_DROP_TABLE_TAG = 3;
const HB_SUBSET_FLAGS_NO_HINTING = 0x1;
const HB_SUBSET_FLAGS_RETAIN_GIDS = 0x2;
const HB_SUBSET_FLAGS_NO_LAYOUT_CLOSURE = 0x200;
// A PDF draws glyphs already shaped: the layout tables would only add weight.
const DROPPED_TABLES = ['GSUB', 'GPOS', 'GDEF', 'STAT', 'gasp', 'vhea', 'vmtx'];

const tag = (name: string): number => [...name].reduce((value, character) => ((value << 8) | character.charCodeAt(0)) >>> 0, 0);

/**
 * Subsets fonts for embedding with HarfBuzz (the WebAssembly build shipped in harfbuzzjs). Glyph
 * ids are kept, so the text operators can name the glyphs fontkit's shaper chose before the
 * document knows which glyphs it will use.
 */
export class FontSubsetter {
  private readonly faces = new Map<Uint8Array, number>();

  private constructor(private readonly hb: HarfBuzzSubset) {}

  private static loaded: Promise<FontSubsetter> | undefined;

  /** One per process: the WebAssembly module is compiled once. */
  static shared(): Promise<FontSubsetter> {
    FontSubsetter.loaded ??= FontSubsetter.load().catch((error: unknown) => {
      FontSubsetter.loaded = undefined;
      throw error;
    });
    return FontSubsetter.loaded;
  }

  private static async load(): Promise<FontSubsetter> {
    const { instance } = await webAssembly.instantiate(readFileSync(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm')));
    const hb = instance.exports as unknown as HarfBuzzSubset;
    hb._initialize();
    return new FontSubsetter(hb);
  }

  /** A TrueType font holding only the given glyphs (and .notdef), at their original ids. */
  subset(font: Uint8Array, glyphIds: Iterable<number>): Uint8Array {
    const hb = this.hb;
    const input = hb.hb_subset_input_create_or_fail();
    if (input === 0) throw new Error('HarfBuzz could not start a subset (out of memory)');
    let subset = 0;
    try {
      const glyphs = hb.hb_subset_input_glyph_set(input);
      for (const id of glyphIds) hb.hb_set_add(glyphs, id);
      const dropped = hb.hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
      for (const table of DROPPED_TABLES) hb.hb_set_add(dropped, tag(table));
      hb.hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_RETAIN_GIDS | HB_SUBSET_FLAGS_NO_HINTING | HB_SUBSET_FLAGS_NO_LAYOUT_CLOSURE);
      subset = hb.hb_subset_or_fail(this.face(font), input);
      if (subset === 0) throw new Error('HarfBuzz could not subset the font');
      const blob = hb.hb_face_reference_blob(subset);
      const data = hb.hb_blob_get_data(blob, 0);
      // Copied out: the WebAssembly memory is reused and may grow (which detaches views).
      const bytes = new Uint8Array(hb.memory.buffer, data, hb.hb_blob_get_length(blob)).slice();
      hb.hb_blob_destroy(blob);
      return bytes;
    } finally {
      if (subset !== 0) hb.hb_face_destroy(subset);
      hb.hb_subset_input_destroy(input);
    }
  }

  /** A font is copied into HarfBuzz's memory once per process and parsed there lazily. */
  private face(font: Uint8Array): number {
    let face = this.faces.get(font);
    if (face === undefined) {
      const hb = this.hb;
      const pointer = hb.malloc(font.byteLength);
      new Uint8Array(hb.memory.buffer, pointer, font.byteLength).set(font);
      const blob = hb.hb_blob_create(pointer, font.byteLength, HB_MEMORY_MODE_READONLY, 0, 0);
      face = hb.hb_face_create(blob, 0);
      hb.hb_blob_destroy(blob);
      this.faces.set(font, face);
    }
    return face;
  }
}
