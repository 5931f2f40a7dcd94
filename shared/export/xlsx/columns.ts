import type { TableDef } from '../../report/template';
import type { PlacedCell } from './grid';
import { oneLineWidthPt } from './measure';

/** Columns fill this share of the printable width, so fit-to-width prints at the template's type size. */
const FILL_SHARE = 0.97;
/** A header word up to this many characters (商业企业, 结果维持) stays on one line. */
const HEADER_WORD_EM = 4;

/**
 * Column widths in points: the template's proportions scaled to the page, except that a column
 * under a one-column header is at least wide enough to keep a short header word whole, so 商业企业
 * never prints as 商业企 / 业. The width that takes comes from the other columns, in proportion to
 * what they have to spare.
 */
export function columnWidthsPt(table: TableDef, cells: PlacedCell[], printableWidthPt: number): number[] {
  const total = table.columns.reduce((a, b) => a + b, 0);
  const widths = table.columns.map((c) => (c / total) * printableWidthPt * FILL_SHARE);
  const minimum = widths.map(() => 0);
  for (const p of cells)
    if ('text' in p.cell && p.colSpan === 1 && table.rows[p.rowIndex]!.header) {
      const word = [...p.cell.text].slice(0, HEADER_WORD_EM).join('');
      minimum[p.col - 1] = Math.max(minimum[p.col - 1]!, oneLineWidthPt(word, table.fontSize));
    }
  const lack = widths.reduce((sum, w, i) => sum + Math.max(0, minimum[i]! - w), 0);
  const spare = widths.map((w, i) => Math.max(0, w - minimum[i]!));
  const spareTotal = spare.reduce((a, b) => a + b, 0);
  const take = Math.min(lack, spareTotal);
  return widths.map(
    (w, i) => Math.max(w, minimum[i]!) - (spareTotal > 0 ? (take * spare[i]!) / spareTotal : 0),
  );
}
