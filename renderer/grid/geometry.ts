import { fieldMap, isComputed } from '../../shared/report/model';
import type { CellDef, FieldDef, TableDef, TemplateDef } from '../../shared/report/template';

/**
 * What a cell is to the clerk: a caption band (第二十条第（一）项), a column header, a row label,
 * a number to type, or a total the app computes.
 */
export type CellKind = 'caption' | 'header' | 'label' | 'field' | 'computed';

/** One cell of a template table, placed on the table's column grid with its spans (as Word merges it). */
export interface GridCell {
  /** Index into `table.rows`: the row the cell starts in. */
  row: number;
  /** Grid column the cell starts in, once earlier row and column spans are laid out. */
  col: number;
  rowSpan: number;
  colSpan: number;
  kind: CellKind;
  def: CellDef;
  /** Text of a caption, header or label cell; '' for number cells. */
  text: string;
  /** The field of a number cell. */
  field?: FieldDef;
  /** Whether the cell belongs to a header row (repeated on each printed page). */
  headerRow: boolean;
}

export interface GridLayout {
  table: TableDef;
  rowCount: number;
  colCount: number;
  /** Cells in the order they are written: per row, the cells that start in it, left to right. */
  rows: GridCell[][];
  /** The cell covering a grid position (its own or a span reaching into it), if any. */
  at(row: number, col: number): GridCell | undefined;
  /** Number cells (entered and computed) by field id. */
  fields: ReadonlyMap<string, GridCell>;
  /** Cells a clerk types into, in reading order (row by row, left to right). */
  editable: readonly GridCell[];
}

const textOf = (def: CellDef): string => ('text' in def ? def.text : '');

/**
 * Lays a template table out on its column grid the way HTML and Word do: each cell takes the next
 * column not already covered by a row span from above. Throws on a template whose cells overflow
 * its declared columns, which is a template bug the exporters would also trip over.
 */
export function gridLayout(template: TemplateDef, table: TableDef): GridLayout {
  const fields = fieldMap(template);
  const colCount = table.columns.length;
  const rowCount = table.rows.length;
  const cover: (GridCell | undefined)[][] = Array.from({ length: rowCount }, () => new Array(colCount));
  const rows: GridCell[][] = [];
  const byField = new Map<string, GridCell>();

  table.rows.forEach((rowDef, r) => {
    const placed: GridCell[] = [];
    const labelOnly = rowDef.cells.every((c) => !('field' in c));
    let c = 0;
    for (const def of rowDef.cells) {
      while (c < colCount && cover[r]![c]) c++;
      const rowSpan = def.rowSpan ?? 1;
      const colSpan = def.colSpan ?? 1;
      if (c + colSpan > colCount || r + rowSpan > rowCount)
        throw new Error(`template ${template.id}: table ${table.id} row ${r} overflows its grid`);
      const field = 'field' in def ? fields.get(def.field) : undefined;
      if ('field' in def && !field)
        throw new Error(`template ${template.id}: table ${table.id} names unknown field ${def.field}`);
      const kind: CellKind = field
        ? isComputed(field)
          ? 'computed'
          : 'field'
        : rowDef.caption
          ? 'caption'
          : rowDef.header || labelOnly
            ? 'header'
            : 'label';
      const cell: GridCell = {
        row: r,
        col: c,
        rowSpan,
        colSpan,
        kind,
        def,
        text: textOf(def),
        ...(field ? { field } : {}),
        headerRow: Boolean(rowDef.header),
      };
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) cover[r + dr]![c + dc] = cell;
      if (field && !byField.has(field.id)) byField.set(field.id, cell);
      placed.push(cell);
      c += colSpan;
    }
    rows.push(placed);
  });

  const editable = rows.flat().filter((cell) => cell.kind === 'field');
  return {
    table,
    rowCount,
    colCount,
    rows,
    at: (row, col) => cover[row]?.[col],
    fields: byField,
    editable,
  };
}

const isText = (cell: GridCell | undefined): cell is GridCell =>
  cell !== undefined && (cell.kind === 'header' || cell.kind === 'label');

/**
 * The row label of a number cell: every label to its left on its row, outermost first, e.g.
 * 三、本年度办理结果 （三）不予公开 1.属于国家秘密.
 */
export function rowLabel(layout: GridLayout, cell: GridCell): string {
  const parts: string[] = [];
  let last: GridCell | undefined;
  for (let c = 0; c < cell.col; c++) {
    const left = layout.at(cell.row, c);
    if (left !== last && isText(left) && left.text) parts.push(left.text);
    last = left;
  }
  return parts.join(' ');
}

/**
 * The column label of a number cell: the block of header text directly above it, outermost
 * first, e.g. 申请人情况 法人或其他组织 商业企业. Number cells between it and the headers are passed
 * over; a caption row ends the search, so 第二十条第（一）项 does not become part of a label.
 */
export function columnLabel(layout: GridLayout, cell: GridCell): string {
  const parts: string[] = [];
  let last: GridCell | undefined;
  for (let r = cell.row - 1; r >= 0; r--) {
    const above = layout.at(r, cell.col);
    if (above === last) continue;
    last = above;
    if (!above || above.kind === 'caption') break;
    if (isText(above)) {
      if (above.text) parts.unshift(above.text);
    } else if (parts.length > 0) break;
  }
  return parts.join(' ');
}

/** The accessible name of a number cell: row label and column label, as a clerk would say it. */
export function cellName(layout: GridLayout, cell: GridCell): string {
  return (
    [rowLabel(layout, cell), columnLabel(layout, cell)].filter(Boolean).join('，') ||
    (cell.field?.label ?? '')
  );
}

/** Screen widths of a grid's columns, as CSS lengths, and which leading columns stay in view. */
export interface ScreenColumns {
  /** Leading columns holding only labels and headers: they stay put while the numbers scroll sideways. */
  labelCount: number;
  /** Width of the label columns together: the part of the view the scrolling numbers never pass under. */
  labels: string;
  widths: string[];
  tableWidth: string;
  /** Offset from the left edge of each label column, for position: sticky. */
  stickyLeft: string[];
}

/** The labels take the share of the width the template gives them, up to this many rem. */
const LABELS_MAX_REM = 20;
/** A number column is never narrower than this: three digits in the grid's figures, or a header of two characters a line. */
const NUMBER_MIN_REM = 2.5;

/**
 * Column widths for the screen, relative to the width the grid has (100cqi of its container): the
 * labels keep the template's share of it, capped so a wide screen does not give them a page; the
 * number columns share the rest, each at least NUMBER_MIN_REM. Where that is wider than the
 * container the table scrolls sideways and the label columns stay in view (sticky), so a clerk
 * fixing a figure far right still reads its row.
 */
export function screenColumns(layout: GridLayout): ScreenColumns {
  const weights = layout.table.columns;
  let labelCount = 0;
  while (
    labelCount < layout.colCount - 1 &&
    layout.rows.every((_, r) => {
      const cell = layout.at(r, labelCount);
      return !cell || !cell.field;
    })
  )
    labelCount++;
  const sum = (ws: number[]) => ws.reduce((a, b) => a + b, 0);
  const total = sum(weights);
  const labelWeights = weights.slice(0, labelCount);
  const numberWeights = weights.slice(labelCount);
  const labels = labelCount
    ? `min(${LABELS_MAX_REM}rem, ${((100 * sum(labelWeights)) / total).toFixed(3)}cqi)`
    : '0px';
  const labelWidth = (w: number) => `calc(${labels} * ${(w / sum(labelWeights)).toFixed(5)})`;
  const numberWidth = (w: number) =>
    `max(${NUMBER_MIN_REM}rem, calc((100cqi - ${labels}) * ${(w / sum(numberWeights)).toFixed(5)}))`;
  const widths = [...labelWeights.map(labelWidth), ...numberWeights.map(numberWidth)];
  let before = 0;
  const stickyLeft = labelWeights.map((w) => {
    const left = `calc(${labels} * ${(before / sum(labelWeights)).toFixed(5)})`;
    before += w;
    return left;
  });
  return { labelCount, labels, widths, tableWidth: `calc(${widths.join(' + ')})`, stickyLeft };
}
