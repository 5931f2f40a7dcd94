/**
 * Text of a saved web page or a .txt file. Pages on county portals are often GBK and say so in a
 * <meta charset>; a file without a declaration is UTF-8 if it decodes as such, else GB18030 (the
 * superset of GBK and GB2312 that Windows Notepad writes as "ANSI" on a Chinese system).
 */

const CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i;

function decoderFor(label: string): TextDecoder | null {
  const l = label.toLowerCase();
  const name = l === 'gb2312' || l === 'gbk' || l === 'x-gbk' ? 'gbk' : l;
  try {
    return new TextDecoder(name);
  } catch {
    return null;
  }
}

export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const declared = CHARSET.exec(head)?.[1];
  const decoder = declared ? decoderFor(declared) : null;
  if (decoder) return decoder.decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
