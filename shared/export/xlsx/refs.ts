/** Where a value sits in the workbook: a sheet and a 1-based row and column. */
export interface Location {
  sheet: string;
  row: number;
  col: number;
}

/** 1 → A, 26 → Z, 27 → AA. */
export function columnLetter(col: number): string {
  let n = col;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export const address = (row: number, col: number): string => `${columnLetter(col)}${row}`;

/** A sheet name as a formula writes it: always quoted, since our names are Chinese and contain 、. */
export const quoteSheet = (name: string): string => `'${name.replaceAll("'", "''")}'`;

/** A run of cells in one row or one column of one sheet. */
interface Run {
  sheet: string;
  from: Location;
  to: Location;
}

const runText = (run: Run, fromSheet: string): string => {
  const prefix = run.sheet === fromSheet ? '' : `${quoteSheet(run.sheet)}!`;
  const start = address(run.from.row, run.from.col);
  const end = address(run.to.row, run.to.col);
  return start === end ? `${prefix}${start}` : `${prefix}${start}:${end}`;
};

type Order = (a: Location, b: Location) => number;

/** Joins neighbours along a row (or, with `vertical`, along a column) into runs. */
function runs(cells: Location[], order: Order, vertical: boolean): Run[] {
  const out: Run[] = [];
  for (const cell of [...cells].sort(order)) {
    const last = out[out.length - 1];
    const next =
      last &&
      last.sheet === cell.sheet &&
      (vertical
        ? last.to.col === cell.col && last.to.row + 1 === cell.row
        : last.to.row === cell.row && last.to.col + 1 === cell.col);
    if (last && next) last.to = cell;
    else out.push({ sheet: cell.sheet, from: cell, to: cell });
  }
  return out;
}

/**
 * A SUM formula over the given cells, as written in `fromSheet`: neighbouring cells become ranges
 * (=SUM(D5:I5)), so a reader sees at a glance which cells a total adds up. Sheets keep the order
 * in which the parts first name them.
 */
export function sumFormula(cells: Location[], fromSheet: string): string {
  const sheets = [...new Set(cells.map((c) => c.sheet))];
  const sheetOrder = (a: Location, b: Location) => sheets.indexOf(a.sheet) - sheets.indexOf(b.sheet);
  const byRow: Order = (a, b) => sheetOrder(a, b) || a.row - b.row || a.col - b.col;
  const byColumn: Order = (a, b) => sheetOrder(a, b) || a.col - b.col || a.row - b.row;
  const rows = runs(cells, byRow, false);
  const singles = rows.filter((r) => r.from === r.to).map((r) => r.from);
  const all = [...rows.filter((r) => r.from !== r.to), ...runs(singles, byColumn, true)];
  return `SUM(${all
    .sort((a, b) => byRow(a.from, b.from))
    .map((r) => runText(r, fromSheet))
    .join(',')})`;
}

/** A formula that shows the value of another cell. */
export const refFormula = (cell: Location, fromSheet: string): string =>
  runText({ sheet: cell.sheet, from: cell, to: cell }, fromSheet);
