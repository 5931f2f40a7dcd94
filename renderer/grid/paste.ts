import { parseNumberInput } from '../../shared/report/numbers';
import type { GridLayout } from './geometry';

/**
 * Text copied from Excel or WPS as rows of tab-separated cells. Both write \r\n between rows and
 * end with one, and quote a cell that holds a tab, a line break or a quote ("a""b").
 */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"' && cell === '') {
      const close = quotedEnd(text, i + 1);
      if (close >= 0) {
        cell = text.slice(i + 1, close).replaceAll('""', '"');
        i = close + 1;
        continue;
      }
    }
    if (ch === '\t') endCell();
    else if (ch === '\r' || ch === '\n') {
      endRow();
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else cell += ch;
    i++;
  }
  // The line break after the last row is not an empty row of its own.
  if (cell !== '' || row.length > 0) endRow();
  return rows;
}

/** Index of the quote closing a quoted cell that starts at `from`, if the cell really ends there. */
function quotedEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] !== '"') continue;
    if (text[i + 1] === '"') {
      i++;
      continue;
    }
    const next = text[i + 1];
    return next === undefined || next === '\t' || next === '\r' || next === '\n' ? i : -1;
  }
  return -1;
}

export interface PasteError {
  key: string;
  params: Record<string, string | number>;
}

export interface PasteResult {
  /** Values to store, in reading order; null clears a cell (a blank in the copied block). */
  values: { field: string; value: number | null }[];
  /** Cells whose pasted text is not a valid number: nothing stored, the text kept for the clerk to correct. */
  refused: { field: string; text: string; error: PasteError }[];
  /** Computed totals the block covered: the app computes them, so the copied figure is not used. */
  skippedComputed: string[];
  /** Non-blank copied cells that fell outside the number cells (beyond the table, on a label). */
  outside: number;
}

/**
 * Maps a pasted block onto the table from the focused cell, position for position on the grid,
 * as Excel does: row i and column j of the block go to grid row r0 + i and column c0 + j. A merged
 * cell copied from Excel arrives as its value followed by blanks, so blanks on the covered
 * positions of a spanned cell are expected; a copied label that matches the table's own text is
 * ignored.
 */
export function pasteIntoGrid(layout: GridLayout, startField: string, text: string): PasteResult {
  const result: PasteResult = { values: [], refused: [], skippedComputed: [], outside: 0 };
  const start = layout.fields.get(startField);
  if (!start) return result;
  const block = parseTsv(text);
  block.forEach((cells, i) =>
    cells.forEach((raw, j) => {
      const r = start.row + i;
      const c = start.col + j;
      const blank = raw.trim() === '';
      const cell = layout.at(r, c);
      if (!cell) {
        if (!blank) result.outside++;
        return;
      }
      const anchored = cell.row === r && cell.col === c;
      if (!cell.field) {
        if (!blank && raw.trim() !== cell.text) result.outside++;
        return;
      }
      if (!anchored) {
        if (!blank) result.outside++;
        return;
      }
      if (cell.kind === 'computed') {
        result.skippedComputed.push(cell.field.id);
        return;
      }
      const parsed = parseNumberInput(raw, cell.field);
      if (parsed.ok) result.values.push({ field: cell.field.id, value: parsed.value });
      else result.refused.push({ field: cell.field.id, text: raw.trim(), error: parsed.error });
    }),
  );
  return result;
}
