/**
 * A document as the importer reads it, whatever it came from: paragraphs and table rows in
 * reading order. Word files and web pages have real tables (cells with spans); text pasted from a
 * page or a PDF viewer has only lines, so its tables arrive as rows of label and number tokens.
 */

/** Where something was read, for the import report: a paragraph or a table cell (1-based). */
export type Origin =
  { kind: 'paragraph'; index: number } | { kind: 'cell'; table: number; row: number; col: number };

export interface SourceParagraph {
  kind: 'paragraph';
  text: string;
  origin: Origin;
  /** A short line among a pasted table's lines (a header, a label): read as prose only if it is a heading. */
  furniture?: boolean;
}

/** One number cell of a table row, with the header labels printed above it (empty for pasted text). */
export interface SourceValue {
  text: string;
  headers: string[];
  origin: Origin;
}

/** A table row: its label cells left to right (group labels of merged cells included), then its number cells. */
export interface SourceRow {
  kind: 'row';
  table: number;
  labels: string[];
  values: SourceValue[];
  /** Labels whose lines the row consumed, so a line pasted as text is not read again as prose. */
  origin: Origin;
}

export type SourceBlock = SourceParagraph | SourceRow;

/** A cell of a real table before its spans are laid out on the grid. */
export interface RawCell {
  text: string;
  colSpan: number;
  rowSpan: number;
}

interface PlacedCell extends RawCell {
  row: number;
  col: number;
}

/** Marks a cell printed blank, "/", "—" or "无": not a number, and not a label either. */
const BLANK = /^(?:|[/／\\、]|[-－—–─‐]+|无|空|暂无)$/;
const NUMBER = /^[0-9０-９][0-9０-９,，.．\s]*(?:件|条|宗|个|次|人次|宗次|万元|元|%|％)?$/;

const squeeze = (text: string) => text.replace(/[\s\u3000\u00A0]+/g, '');

/** A cell that holds a number or a blank mark, as opposed to a label. */
export function isValueText(text: string): boolean {
  const t = squeeze(text);
  return BLANK.test(t) || NUMBER.test(t);
}

export function isBlankText(text: string): boolean {
  return BLANK.test(squeeze(text));
}

/**
 * Lays a real table's cells on its grid (the HTML table model: a cell takes the next free column,
 * rows spanned from above are skipped) and reads it as rows. A number cell's headers are the
 * label cells printed above it in its columns, up to the number cells of the row block above,
 * which is how 表二's inner header rows (本年处理决定数量) stay with their own block.
 */
export function tableRows(table: number, rows: RawCell[][]): SourceRow[] {
  const grid: (PlacedCell | undefined)[][] = [];
  const placed: PlacedCell[][] = [];
  rows.forEach((cells, r) => {
    const out: PlacedCell[] = [];
    let col = 0;
    for (const cell of cells) {
      while (grid[r]?.[col]) col++;
      const p: PlacedCell = { ...cell, row: r, col };
      for (let dr = 0; dr < Math.max(1, cell.rowSpan); dr++)
        for (let dc = 0; dc < Math.max(1, cell.colSpan); dc++) (grid[r + dr] ??= [])[col + dc] = p;
      out.push(p);
      col += Math.max(1, cell.colSpan);
    }
    placed.push(out);
  });
  const valueCell = (c: PlacedCell | undefined) => c !== undefined && isValueText(c.text);

  const headersOf = (cell: PlacedCell): string[] => {
    const found: PlacedCell[] = [];
    for (let col = cell.col; col < cell.col + Math.max(1, cell.colSpan); col++) {
      let r = cell.row - 1;
      while (r >= 0 && valueCell(grid[r]?.[col])) r--;
      for (; r >= 0; r--) {
        const above = grid[r]?.[col];
        if (!above) continue;
        if (valueCell(above)) break;
        if (!found.includes(above)) found.push(above);
      }
    }
    return found.map((c) => c.text);
  };

  return placed.map((cells, r) => {
    const labels: string[] = [];
    const seen = new Set<PlacedCell>();
    for (const c of grid[r] ?? []) {
      if (!c || seen.has(c)) continue;
      seen.add(c);
      if (!valueCell(c)) labels.push(c.text);
    }
    const values = cells
      .filter((c) => valueCell(c))
      .map((c): SourceValue => ({
        text: c.text,
        headers: headersOf(c),
        origin: { kind: 'cell', table, row: r + 1, col: c.col + 1 },
      }));
    return { kind: 'row', table, labels, values, origin: { kind: 'cell', table, row: r + 1, col: 1 } };
  });
}
