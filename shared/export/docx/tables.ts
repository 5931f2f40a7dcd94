import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
} from 'docx';
import type { CellDef, FieldDef, TableDef } from '../../report/template';
import { formatValue, type Values } from '../../report/totals';
import { FONT, runProperties, textRun, type RunStyle } from './fonts';
import { balancedLines } from '../layout/lines';
import { SIZE, TEXT_WIDTH, type Orientation } from '../layout/metrics';
import { STYLE } from './styles';

export interface TableContext {
  fields: ReadonlyMap<string, FieldDef>;
  values: Values;
}

/** Relative column widths scaled to whole twips that add up to the printable width exactly. */
export function columnWidths(columns: readonly number[], total: number): number[] {
  const sum = columns.reduce((a, b) => a + b, 0);
  const exact = columns.map((c) => (c / sum) * total);
  const widths = exact.map(Math.floor);
  let left = total - widths.reduce((a, b) => a + b, 0);
  // Largest remainder: the leftover twips go to the columns that lost the most to rounding.
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r);
  for (const { i } of order) {
    if (left <= 0) break;
    widths[i]! += 1;
    left -= 1;
  }
  return widths;
}

/** A cell of the template placed on the grid, or the continuation of a cell merged down from above. */
type Slot =
  | { kind: 'cell'; cell: CellDef; col: number; colSpan: number; rowSpan: number }
  | { kind: 'continue'; col: number; colSpan: number };

/** Places every cell on the column grid, the way the template's spans say, with a continuation under each row-spanning cell. */
export function gridSlots(table: TableDef): Slot[][] {
  const rows: Slot[][] = table.rows.map(() => []);
  const taken: boolean[][] = table.rows.map(() => []);
  table.rows.forEach((row, r) => {
    let col = 0;
    for (const cell of row.cells) {
      while (taken[r]![col]) col++;
      const colSpan = cell.colSpan ?? 1;
      const rowSpan = cell.rowSpan ?? 1;
      rows[r]!.push({ kind: 'cell', cell, col, colSpan, rowSpan });
      for (let dr = 0; dr < rowSpan && r + dr < rows.length; dr++) {
        for (let dc = 0; dc < colSpan; dc++) taken[r + dr]![col + dc] = true;
        if (dr > 0) rows[r + dr]!.push({ kind: 'continue', col, colSpan });
      }
      col += colSpan;
    }
  });
  return rows.map((slots) => slots.sort((a, b) => a.col - b.col));
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

/** Left and right cell padding in twips (1 mm). */
const CELL_PADDING = 57;

/**
 * Table text is set solid: single spacing (1.3 em, Word's single line for these faces), fixed
 * rather than automatic. LibreOffice miscounts automatic lines in a table that breaks across
 * pages of a grid section, and then drops the rows after the break.
 */
const tableLine = (style: RunStyle) => ({
  line: Math.round(style.size * 13),
  lineRule: LineRuleType.EXACT,
  before: 0,
  after: 0,
});

/** Table text: the table's own type size, single spacing, off the 28 pt grid. */
function cellParagraph(
  lines: string[],
  style: RunStyle,
  align: 'left' | 'center',
  indentSteps = 0,
): Paragraph {
  return new Paragraph({
    style: STYLE.tableText,
    alignment: align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
    spacing: tableLine(style),
    ...(indentSteps > 0 ? { indent: { left: indentSteps * style.size * 10 } } : {}),
    run: runProperties(style),
    children: lines.map((line, i) => textRun(line, style, i > 0 ? { break: 1 } : {})),
  });
}

/** The table itself: explicit twip widths on w:gridCol and every w:tcW (WPS reads the grid), merges as the template says. */
export function tableOf(table: TableDef, orientation: Orientation, ctx: TableContext): Table {
  const width = TEXT_WIDTH[orientation];
  const grid = columnWidths(table.columns, width);
  const spanWidth = (col: number, span: number) => grid.slice(col, col + span).reduce((a, b) => a + b, 0);
  const size = Math.round(table.fontSize * 2);
  const slots = gridSlots(table);
  const rows = table.rows.map((row, r) => {
    // Header and caption rows in 黑体, the rest in 仿宋 (GB/T 9704 leaves table faces to the drafter).
    const style: RunStyle = { font: row.header || row.caption ? FONT.heading1 : FONT.body, size };
    const cells = slots[r]!.map((slot) => {
      const common = {
        width: { size: spanWidth(slot.col, slot.colSpan), type: WidthType.DXA },
        verticalAlign: VerticalAlignTable.CENTER,
        ...(slot.colSpan > 1 ? { columnSpan: slot.colSpan } : {}),
      };
      if (slot.kind === 'continue')
        return new TableCell({
          ...common,
          verticalMerge: VerticalMergeType.CONTINUE,
          children: [cellParagraph([], style, 'center')],
        });
      const { cell } = slot;
      const fits =
        (common.width.size - 2 * CELL_PADDING) / (size * 10) - ('field' in cell ? 0 : (cell.indent ?? 0));
      const paragraph =
        'field' in cell
          ? figureParagraph(fieldText(cell.field, ctx), style, common.width.size - 2 * CELL_PADDING)
          : cell.align === 'left'
            ? cellParagraph([cell.text], style, 'left', cell.indent)
            : cellParagraph(balancedLines(cell.text, fits), style, 'center', cell.indent);
      return new TableCell({
        ...common,
        ...(slot.rowSpan > 1 ? { verticalMerge: VerticalMergeType.RESTART } : {}),
        children: [paragraph],
      });
    });
    return new TableRow({ children: cells, cantSplit: true, ...(row.header ? { tableHeader: true } : {}) });
  });
  return new Table({
    rows,
    width: { size: width, type: WidthType.DXA },
    columnWidths: grid,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    margins: { top: 28, bottom: 28, left: CELL_PADDING, right: CELL_PADDING },
    borders: {
      top: BORDER,
      bottom: BORDER,
      left: BORDER,
      right: BORDER,
      insideHorizontal: BORDER,
      insideVertical: BORDER,
    },
  });
}

/**
 * The stand-in faces set a digit a little wider than half an em (0.55 em in Noto Serif CJK), and a
 * figure too wide for its cell would wrap one digit onto a second line (9097⏎5).
 */
const DIGIT_EM = 0.55;
/** The smallest type a figure is squeezed to: 六号 (7.5 pt), still legible on paper. */
const MIN_FIGURE_SIZE = 15;

/** A figure set whole on one line: at the table's size where it fits, else in smaller type that does. */
function figureParagraph(text: string, style: RunStyle, roomTwips: number): Paragraph {
  const widthAtOneHalfPoint = [...text].length * DIGIT_EM * 10;
  const fitting = Math.floor(roomTwips / widthAtOneHalfPoint);
  const size = Math.max(MIN_FIGURE_SIZE, Math.min(style.size, fitting));
  return cellParagraph([text], size === style.size ? style : { ...style, size }, 'center');
}

function fieldText(id: string, ctx: TableContext): string {
  const field = ctx.fields.get(id);
  if (!field) throw new Error(`table cell names unknown field ${id}`);
  return formatValue(field, ctx.values.get(id));
}

/** The unit line printed over a table's right edge, such as 单位：条. */
export function unitLine(unit: string, fontSize: number): Paragraph {
  const style: RunStyle = { font: FONT.body, size: Math.round(fontSize * 2) };
  return new Paragraph({
    style: STYLE.tableText,
    alignment: AlignmentType.RIGHT,
    spacing: { ...tableLine(style), after: 60 },
    keepNext: true,
    run: runProperties(style),
    children: [textRun(unit, style)],
  });
}

/** The caption of an inline table that has one: 3号黑体, centred, kept with the table. */
export function tableTitle(text: string, line: number): Paragraph {
  const style: RunStyle = { font: FONT.heading1, size: SIZE.body };
  return new Paragraph({
    style: STYLE.title,
    alignment: AlignmentType.CENTER,
    spacing: { line, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    keepNext: true,
    run: runProperties(style),
    children: [textRun(text, style)],
  });
}

/**
 * The short paragraph after every table: Word and WPS join two tables that touch into one, and a
 * heading set hard against a table's bottom rule reads as part of it.
 */
export function afterTable(fontSize: number): Paragraph {
  const style: RunStyle = { font: FONT.body, size: Math.round(fontSize * 2) };
  return new Paragraph({
    style: STYLE.tableText,
    spacing: tableLine(style),
    run: runProperties(style),
    children: [],
  });
}
