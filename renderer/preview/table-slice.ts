import type { GridCell, GridLayout } from '../grid/geometry';

/** A cell as drawn in one slice of a table: its span cut at the slice's end, or the rest of a merged cell from above. */
export interface SlicedCell {
  cell: GridCell;
  rowSpan: number;
  /** The lower part of a merged cell whose text printed above the break: drawn empty, as Word continues a vertical merge. */
  continued: boolean;
}

/**
 * Rows [start, end) of a table as drawn on their own, e.g. the part of a table on one page. A cell
 * merged down across `end` is cut there; one merged down from above `start` is carried into the
 * first row as an empty continuation, so every row keeps its full set of columns.
 */
export function sliceRows(
  layout: GridLayout,
  start: number,
  end: number,
): { row: number; cells: SlicedCell[] }[] {
  const out: { row: number; cells: SlicedCell[] }[] = [];
  for (let r = start; r < end; r++) {
    const cells: SlicedCell[] = layout.rows[r]!.map((cell) => ({
      cell,
      rowSpan: Math.min(cell.rowSpan, end - r),
      continued: false,
    }));
    if (r === start) {
      let last: GridCell | undefined;
      for (let c = 0; c < layout.colCount; c++) {
        const above = layout.at(r, c);
        if (!above || above === last || above.row >= start) continue;
        last = above;
        cells.push({ cell: above, rowSpan: Math.min(above.row + above.rowSpan, end) - r, continued: true });
      }
      cells.sort((a, b) => a.cell.col - b.cell.col);
    }
    out.push({ row: r, cells });
  }
  return out;
}

/** Where a body row of a table sits in the preview's page columns (its first fragment). */
export interface RowBox {
  /** Index into table.rows. */
  row: number;
  /** Page column (0-based) it starts in. */
  column: number;
  /** Offsets from the top of the column, in CSS px. */
  top: number;
  bottom: number;
}

/**
 * One step toward the page breaks of a table in the preview, where the browser does not repeat
 * header rows inside columns: the table is drawn as slices starting at `breaks`, each with its own
 * header rows. Given where the rows landed, returns the corrected breaks, or null when they are
 * right. It fixes the earliest discrepancy, as every fix moves the rows after it, and predicts
 * what follows from the rows' heights so that one step usually settles the table:
 * - a row the browser moved to the next column starts a new slice; later breaks, found for the
 *   old layout, are dropped (they are found again where still needed);
 * - a slice start whose row now fits under the previous slice's last row is dropped (the text
 *   above the table got shorter), and the break moves to the first row that no longer fits.
 */
export function adjustBreaks(
  breaks: readonly number[],
  rows: readonly RowBox[],
  columnHeight: number,
): number[] | null {
  // A pixel of slack keeps a row that only just fails to fit from flipping back and forth.
  const limit = columnHeight - 1;
  for (let i = 1; i < rows.length; i++) {
    const prev = rows[i - 1]!;
    const cur = rows[i]!;
    if (!breaks.includes(cur.row)) {
      if (cur.column > prev.column) return [...breaks.filter((b) => b < cur.row), cur.row];
      continue;
    }
    if (cur.column !== prev.column + 1 || prev.bottom + (cur.bottom - cur.top) > limit) continue;
    const kept = breaks.filter((b) => b !== cur.row);
    const next = kept.find((b) => b > cur.row) ?? Infinity;
    let y = prev.bottom;
    for (let j = i; j < rows.length && rows[j]!.row < next; j++) {
      y += rows[j]!.bottom - rows[j]!.top;
      if (y > limit) return [...kept, rows[j]!.row].sort((a, b) => a - b);
    }
    return kept;
  }
  return null;
}
