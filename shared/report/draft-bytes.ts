/**
 * A draft file's bytes as text. The app writes UTF-8, but the county receives files that other
 * tools saved: Windows Notepad's "Unicode" is UTF-16 LE with a byte-order mark, some editors write
 * UTF-16 without one, and a file saved as "ANSI" on a Chinese Windows is GB18030. Each of them is
 * read as what it is, so the reader never sees mojibake; the one encoding no decoder here has
 * (UTF-32) is named instead of being parsed as garbage.
 */
export type DecodedDraft =
  { ok: true; text: string; encoding: DraftEncoding } | { ok: false; encoding: 'UTF-32' };

export type DraftEncoding = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'GB18030';

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/**
 * UTF-16 without a byte-order mark: JSON text in UTF-8 or GB18030 has no NUL byte at all, while
 * in UTF-16 every ASCII character (the braces, quotes, keys and digits) has one — after it in
 * little-endian, before it in big-endian. A few Chinese characters (U+4E00 …) have one too, on
 * the other side, so the side with most of them decides.
 */
function nulPattern(bytes: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | 'UTF-32' | null {
  const n = Math.min(bytes.length, 4096) & ~3;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  let quads = 0;
  for (let i = 0; i < n; i += 4) {
    if (bytes[i + 1] === 0 && bytes[i + 2] === 0 && (bytes[i] === 0 || bytes[i + 3] === 0)) quads++;
    for (let j = i; j < i + 4; j++) {
      if (bytes[j] !== 0) continue;
      if (j % 2 === 0) even++;
      else odd++;
    }
  }
  if (quads * 2 > n / 4) return 'UTF-32';
  if (odd > 4 * even) return 'UTF-16LE';
  if (even > 4 * odd) return 'UTF-16BE';
  return null;
}

export function decodeDraftBytes(bytes: Uint8Array): DecodedDraft {
  if (startsWith(bytes, [0xff, 0xfe, 0, 0]) || startsWith(bytes, [0, 0, 0xfe, 0xff]))
    return { ok: false, encoding: 'UTF-32' };
  if (startsWith(bytes, [0xef, 0xbb, 0xbf]))
    return { ok: true, text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8' };
  if (startsWith(bytes, [0xff, 0xfe]))
    return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE' };
  if (startsWith(bytes, [0xfe, 0xff]))
    return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16BE' };
  const nul = nulPattern(bytes);
  if (nul === 'UTF-32') return { ok: false, encoding: nul };
  if (nul) return { ok: true, text: new TextDecoder(nul.toLowerCase()).decode(bytes), encoding: nul };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { ok: true, text: new TextDecoder('gb18030').decode(bytes), encoding: 'GB18030' };
  }
}
