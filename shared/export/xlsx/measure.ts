/**
 * Sizes in the units Excel stores. A stored column width counts digits of the workbook's default
 * font (Calibri 11: 7 px = 5.25 pt), its 5 px of padding included; row heights are points. Rows get explicit
 * heights because wrapped text does not make Excel or WPS grow a row that was written by a program.
 */
const PT_PER_WIDTH_UNIT = 5.25;
/** Space a cell keeps free around its text, left and right together. */
const CELL_INSET_PT = 3;
/** CJK faces set lines up to 1.45 em apart (Noto Serif CJK, which stands in for 宋体 on Linux). */
const LINE_HEIGHT_EM = 1.45;
const ROW_PADDING_PT = 3;

export const widthUnits = (pt: number): number => pt / PT_PER_WIDTH_UNIT;

/** Chinese characters and full-width forms take a whole em; Latin letters and digits half (宋体 sets them half-width). */
const charEm = (ch: string): number => (ch.codePointAt(0)! >= 0x2000 ? 1 : 0.5);

const textWidthEm = (text: string): number => [...text].reduce((em, ch) => em + charEm(ch), 0);

/** The width a cell needs to show `text` on one line. */
export const oneLineWidthPt = (text: string, fontSize: number): number =>
  textWidthEm(text) * fontSize + CELL_INSET_PT;

/** Lines a text wraps to in a cell `widthPt` wide, breaking between any two characters as Chinese text does. */
export function lineCount(text: string, fontSize: number, widthPt: number): number {
  const room = Math.max(1, (widthPt - CELL_INSET_PT) / fontSize);
  let lines = 0;
  for (const line of text.split('\n')) {
    lines++;
    let used = 0;
    for (const ch of line) {
      const em = charEm(ch);
      if (used > 0 && used + em > room) {
        lines++;
        used = 0;
      }
      used += em;
    }
  }
  return lines;
}

/** Rounded to a quarter point, the step Excel itself keeps; rounding up every row would add a line a page. */
export const rowHeight = (lines: number, fontSize: number): number =>
  Math.round((lines * fontSize * LINE_HEIGHT_EM + ROW_PADDING_PT) * 4) / 4;
