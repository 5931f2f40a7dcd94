/**
 * Page and type measures of GB/T 9704-2012, in twips and half-points. No `docx` import: the print
 * preview reads these too, and the `docx` library has no sideEffects flag to let a bundler drop it.
 */

export type Orientation = 'portrait' | 'landscape';

/** A4 in twips. */
export const A4 = { width: 11906, height: 16838 };

/** Margins: top 37 mm, bottom 35 mm, left (binding) 28 mm, right 26 mm, giving a 156 × 225 mm 版心. */
export const MARGIN = { top: 2098, bottom: 1984, left: 1587, right: 1474 };

/** Printable width in twips: 156 mm portrait, 225 mm landscape (the sheet turned a quarter). */
export const TEXT_WIDTH: Record<Orientation, number> = {
  portrait: A4.width - MARGIN.left - MARGIN.right,
  landscape: A4.height - MARGIN.bottom - MARGIN.top,
};

/** Type sizes in half-points (w:sz). */
export const SIZE = {
  /** 2号 */
  title: 44,
  /** 3号 */
  body: 32,
  /** 4号 */
  pageNumber: 28,
} as const;

/** 3号 is 16 pt = 320 twips: one character of body text, for indents. */
export const CHAR = SIZE.body * 10;

/**
 * Width of text in ems of its type size: CJK and full-width characters take one em, ASCII
 * digits and letters half. Good enough to decide where lines break; Word does the real setting.
 */
export function emWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.codePointAt(0)! < 0x2000 ? 0.5 : 1;
  return width;
}
