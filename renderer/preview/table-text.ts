import { balancedLines } from '../../shared/export/layout/lines';
import { TEXT_WIDTH, type Orientation } from '../../shared/export/layout/metrics';
import type { TableDef } from '../../shared/report/template';

/**
 * Table text as the Word exporter sets it (shared/export/docx/tables.ts), so the print view's
 * cells wrap where LibreOffice's do: the same column widths in twips, the same 1 mm cell margins,
 * and centred label text broken into even lines by the shared balancedLines rule.
 */

/** Left and right cell margin in twips (1 mm), as tables.ts writes w:tblCellMar. */
const CELL_MARGIN = 57;

/** Width in twips of `span` columns from `col`, at the Word file's page width (A4, before any enlargement). */
export function spanTwips(table: TableDef, orientation: Orientation, col: number, span: number): number {
  const total = table.columns.reduce((a, b) => a + b, 0);
  const share = table.columns.slice(col, col + span).reduce((a, b) => a + b, 0);
  return (share / total) * TEXT_WIDTH[orientation];
}

/** Characters of the table's type a cell line holds, its type enlarged `scale` times inside the same width. */
function cellEms(table: TableDef, twips: number, scale: number, indent: number): number {
  return (twips - 2 * CELL_MARGIN * scale) / (table.fontSize * 20 * scale) - indent;
}

/** The lines of a centred label or header cell, as the Word file breaks them. */
export function centredLines(
  table: TableDef,
  orientation: Orientation,
  cell: { col: number; colSpan: number; indent?: number },
  text: string,
  scale = 1,
): string[] {
  const ems = cellEms(table, spanTwips(table, orientation, cell.col, cell.colSpan), scale, cell.indent ?? 0);
  return balancedLines(text, ems);
}

/** Two characters a line, and a little room for the browser's rounding of the cell's width. */
const MIN_EMS = 2.1;

/**
 * The largest enlargement, up to `wanted`, at which every centred text cell of the table still
 * holds two characters a line. At 141 % the fifteen columns of table 四 would stack their headers
 * one character a line (结/果/维/持); capped, they read 结果/维持 as on A4.
 */
export function tableScale(table: TableDef, orientation: Orientation, wanted: number): number {
  let scale = wanted;
  let cols: number[] = [];
  for (const row of table.rows) {
    // Columns still covered by a row span from above, as the grid places cells.
    cols = cols.map((n) => Math.max(0, n - 1));
    let col = 0;
    for (const cell of row.cells) {
      while ((cols[col] ?? 0) > 0) col++;
      const span = cell.colSpan ?? 1;
      for (let c = col; c < col + span; c++) cols[c] = cell.rowSpan ?? 1;
      if (!('field' in cell) && cell.align !== 'left' && [...cell.text].length > 1) {
        const twips = spanTwips(table, orientation, col, span);
        const indent = cell.indent ?? 0;
        // Solve cellEms(scale) >= MIN_EMS: (twips − 2m·s) / (f·s) − indent >= MIN_EMS.
        scale = Math.min(scale, twips / (2 * CELL_MARGIN + table.fontSize * 20 * (MIN_EMS + indent)));
      }
      col += span;
    }
  }
  return Math.max(1, scale);
}
