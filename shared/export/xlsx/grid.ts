import type { CellDef, TableDef } from '../../report/template';

/** A template cell placed on the sheet: 1-based row and column, as Excel counts them. */
export interface PlacedCell {
  cell: CellDef;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  /** Index of the template row the cell was declared in. */
  rowIndex: number;
}

/**
 * Places a table's cells on the sheet grid the way the Word table lays them out: each cell takes
 * the next column not covered by a row span from above, so spans in the template become merges.
 */
export function placeCells(table: TableDef, top: number): PlacedCell[] {
  const taken: boolean[][] = [];
  const placed: PlacedCell[] = [];
  table.rows.forEach((row, r) => {
    taken[r] ??= [];
    let c = 0;
    for (const cell of row.cells) {
      while (taken[r]![c]) c++;
      const rowSpan = cell.rowSpan ?? 1;
      const colSpan = cell.colSpan ?? 1;
      for (let dr = 0; dr < rowSpan; dr++)
        for (let dc = 0; dc < colSpan; dc++) (taken[r + dr] ??= [])[c + dc] = true;
      placed.push({ cell, row: top + r, col: 1 + c, rowSpan, colSpan, rowIndex: r });
      c += colSpan;
    }
  });
  return placed;
}

/** How many rows at the top of the table are header rows, which repeat on every printed page. */
export function leadingHeaderRows(table: TableDef): number {
  const first = table.rows.findIndex((r) => !r.header);
  return first === -1 ? table.rows.length : first;
}
