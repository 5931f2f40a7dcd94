import type { GridCell, GridLayout } from './geometry';

/**
 * Keyboard moves between the cells a clerk types into:
 * - `next` / `prev` (Tab / Shift+Tab) follow reading order, row by row;
 * - `left` / `right` stay on the cell's row;
 * - `up` / `down` stay in the cell's first grid column, so a column of table 三 is walked top to
 *   bottom past merged labels and caption rows;
 * - `enter` / `enter-back` (Enter / Shift+Enter) go down or up like a spreadsheet, and where the
 *   column has no further cell (table 四 has one data row) continue in reading order, so Enter
 *   always takes the clerk on to the next number.
 * Computed totals and text cells are passed over: nothing can be typed there.
 */
export type Move = 'next' | 'prev' | 'left' | 'right' | 'up' | 'down' | 'enter' | 'enter-back';

const typeable = (cell: GridCell | undefined): cell is GridCell => cell?.kind === 'field';

/** Reading order also from a computed total the clerk clicked on: the typeable cells around its position. */
function inReadingOrder(layout: GridLayout, from: GridCell, step: 1 | -1): GridCell | undefined {
  const before = (c: GridCell) => c.row < from.row || (c.row === from.row && c.col < from.col);
  const after = (c: GridCell) => c.row > from.row || (c.row === from.row && c.col > from.col);
  return step > 0 ? layout.editable.find(after) : layout.editable.findLast(before);
}

function alongRow(layout: GridLayout, from: GridCell, step: 1 | -1): GridCell | undefined {
  for (let c = step > 0 ? from.col + from.colSpan : from.col - 1; c >= 0 && c < layout.colCount; c += step) {
    const cell = layout.at(from.row, c);
    if (typeable(cell) && cell !== from) return cell;
  }
  return undefined;
}

function alongColumn(layout: GridLayout, from: GridCell, step: 1 | -1): GridCell | undefined {
  for (let r = step > 0 ? from.row + from.rowSpan : from.row - 1; r >= 0 && r < layout.rowCount; r += step) {
    const cell = layout.at(r, from.col);
    if (typeable(cell) && cell !== from) return cell;
  }
  return undefined;
}

/** The field the move lands on, or null when there is nowhere to go in that direction. */
export function moveFrom(layout: GridLayout, fieldId: string, move: Move): string | null {
  const from = layout.fields.get(fieldId);
  if (!from) return null;
  let to: GridCell | undefined;
  switch (move) {
    case 'next':
      to = inReadingOrder(layout, from, 1);
      break;
    case 'prev':
      to = inReadingOrder(layout, from, -1);
      break;
    case 'right':
      to = alongRow(layout, from, 1);
      break;
    case 'left':
      to = alongRow(layout, from, -1);
      break;
    case 'down':
      to = alongColumn(layout, from, 1);
      break;
    case 'up':
      to = alongColumn(layout, from, -1);
      break;
    case 'enter':
      to = alongColumn(layout, from, 1) ?? inReadingOrder(layout, from, 1);
      break;
    case 'enter-back':
      to = alongColumn(layout, from, -1) ?? inReadingOrder(layout, from, -1);
      break;
  }
  return to?.field?.id ?? null;
}

/** What the clerk pressed, with where the caret is in the cell's text. */
export interface KeyPress {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  /** Caret at the start of the text, or the whole text selected (as on entering a cell). */
  caretAtStart: boolean;
  /** Caret at the end of the text, or the whole text selected. */
  caretAtEnd: boolean;
}

/**
 * The move a key asks for. Left and right move the caret inside a figure being typed and leave
 * the cell only from its edge, so correcting one digit of 1234 does not jump away; up and down
 * always move, as a cell holds one line.
 */
export function keyToMove(k: KeyPress): Move | null {
  if (k.ctrlKey || k.altKey || k.metaKey) return null;
  switch (k.key) {
    case 'Tab':
      return k.shiftKey ? 'prev' : 'next';
    case 'Enter':
      return k.shiftKey ? 'enter-back' : 'enter';
    case 'ArrowUp':
      return k.shiftKey ? null : 'up';
    case 'ArrowDown':
      return k.shiftKey ? null : 'down';
    case 'ArrowLeft':
      return k.caretAtStart && !k.shiftKey ? 'left' : null;
    case 'ArrowRight':
      return k.caretAtEnd && !k.shiftKey ? 'right' : null;
    default:
      return null;
  }
}
