import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/**
 * Font subsetting with HarfBuzz's hb-subset (harfbuzzjs ships it as WebAssembly): one face of a
 * font file (a .ttc holds several) cut down to the characters given, every layout feature kept, so
 * the glyphs that shaping substitutes (locl, halt, vert …) come along and text shapes as with the
 * whole font.
 */

/** The C functions of harfbuzz-subset.wasm this module calls. */
interface HarfBuzz {
  memory: WebAssembly.Memory;
  malloc(size: number): number;
  free(pointer: number): void;
  hb_blob_create(data: number, length: number, mode: number, user: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_or_fail(face: number, input: number): number;
  hb_set_add(set: number, value: number): void;
  hb_set_clear(set: number): void;
  hb_set_invert(set: number): void;
}

const HB_MEMORY_MODE_READONLY = 1;
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6;

let harfbuzz: Promise<HarfBuzz> | null = null;

/** Compiles the WebAssembly once; a failure shows when subsetFace is called. */
export function prepareSubsetter(): void {
  loadHarfBuzz().catch(() => undefined);
}

function loadHarfBuzz(): Promise<HarfBuzz> {
  harfbuzz ??= (async () => {
    const wasm = await readFile(
      createRequire(import.meta.url).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'),
    );
    const { instance } = await WebAssembly.instantiate(wasm);
    const exports = instance.exports as unknown as HarfBuzz & { _initialize?: () => void };
    exports._initialize?.();
    return exports;
  })();
  return harfbuzz;
}

/**
 * The face `index` of the font file's bytes, reduced to the code points given (those the face has;
 * the others are left out, as the whole font would not draw them either). Throws when HarfBuzz
 * cannot read the face.
 */
export async function subsetFace(
  font: Uint8Array,
  index: number,
  codePoints: Iterable<number>,
): Promise<Uint8Array> {
  const hb = await loadHarfBuzz();
  const data = hb.malloc(font.byteLength);
  if (!data) throw new Error('hb-subset: out of memory');
  new Uint8Array(hb.memory.buffer).set(font, data);
  const blob = hb.hb_blob_create(data, font.byteLength, HB_MEMORY_MODE_READONLY, 0, 0);
  const face = hb.hb_face_create(blob, index);
  hb.hb_blob_destroy(blob);
  const input = hb.hb_subset_input_create_or_fail();
  try {
    if (!input) throw new Error('hb-subset: cannot create its input');
    const unicodes = hb.hb_subset_input_unicode_set(input);
    for (const codePoint of codePoints) hb.hb_set_add(unicodes, codePoint);
    // Every feature (the default list would drop some CJK ones), as the browser may apply any.
    const features = hb.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG);
    hb.hb_set_clear(features);
    hb.hb_set_invert(features);
    const subset = hb.hb_subset_or_fail(face, input);
    if (!subset) throw new Error(`hb-subset: cannot subset face ${index} of the font`);
    const result = hb.hb_face_reference_blob(subset);
    const start = hb.hb_blob_get_data(result, 0);
    const bytes = new Uint8Array(hb.memory.buffer).slice(start, start + hb.hb_blob_get_length(result));
    hb.hb_blob_destroy(result);
    hb.hb_face_destroy(subset);
    return bytes;
  } finally {
    if (input) hb.hb_subset_input_destroy(input);
    hb.hb_face_destroy(face);
    hb.free(data);
  }
}
