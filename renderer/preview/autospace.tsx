import type { ReactNode } from 'react';

/**
 * Word and LibreOffice set a quarter of an em between a Chinese character and Latin text or
 * digits next to it (Word's autoSpaceDE / autoSpaceDN, on by default; LibreOffice applies it
 * even where a file turns it off). Chromium's own text-autospace sets an eighth, so a paragraph
 * full of figures broke a line later in the print view than in the Word file and the pages
 * drifted apart (#8.8). The preview turns Chromium's off (document.css) and sets Word's here.
 */
const LATIN_RUN = /[\x21-\x7e]+/g;
const HAN = /\p{Script=Han}/u;

export function autospaced(text: string): ReactNode {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(LATIN_RUN)) {
    const start = match.index;
    const end = start + match[0].length;
    const before = HAN.test(text[start - 1] ?? '');
    const after = HAN.test(text[end] ?? '');
    if (!before && !after) continue;
    if (start > last) parts.push(text.slice(last, start));
    const side =
      before && after ? 'doc-as doc-as-both' : before ? 'doc-as doc-as-before' : 'doc-as doc-as-after';
    parts.push(
      <span key={start} className={side}>
        {match[0]}
      </span>,
    );
    last = end;
  }
  if (parts.length === 0) return text;
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}
