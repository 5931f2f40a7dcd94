import type { Workbook, Worksheet } from 'exceljs';
import { isComputed } from '../../report/model';
import type { FieldDef, TableDef } from '../../report/template';
import { stripIllegalXml } from '../../report/text';
import type { Values } from '../../report/totals';
import { columnWidthsPt } from './columns';
import { leadingHeaderRows, type PlacedCell } from './grid';
import { lineCount, rowHeight, widthUnits } from './measure';
import { fieldContent, GRID_TOP, INFO_ROW, TITLE_ROW, type TablePlan, type WorkbookPlan } from './plan';
import { applyPrintSetup, printableWidthPt, type Orientation } from './print';
import { font, GRID_BORDER, numberFormat, TOTAL_FILL } from './styles';

export interface TableSheetInput {
  plan: WorkbookPlan;
  table: TablePlan;
  fields: ReadonlyMap<string, FieldDef>;
  values: Values;
  title: string;
  info: string;
  draftMark: boolean;
}

/** The title prints a little larger than the table, as a caption does. */
const TITLE_GROWTH_PT = 4;
/** Excel indents by about one character per level. */
const indentPt = (levels: number | undefined, fontSize: number) => (levels ?? 0) * fontSize;

/** One template table as a printable sheet: title, 填报单位 line, and the grid with the Word table's merges. */
export function writeTableSheet(workbook: Workbook, input: TableSheetInput): void {
  const { table, cells } = input.table;
  const orientation = orientationOf(table, cells);
  const sheet = workbook.addWorksheet(table.sheetName, { views: [{ showGridLines: false }] });

  const widthsPt = columnWidthsPt(table, cells, printableWidthPt(orientation));
  widthsPt.forEach((w, i) => (sheet.getColumn(i + 1).width = widthUnits(w)));
  const lastCol = table.columns.length;
  const gridWidthPt = widthsPt.reduce((a, b) => a + b, 0);

  const titleSize = table.fontSize + TITLE_GROWTH_PT;
  writeBanner(sheet, TITLE_ROW, lastCol, input.title, { font: font(titleSize, true), horizontal: 'center' });
  sheet.getRow(TITLE_ROW).height = rowHeight(lineCount(input.title, titleSize, gridWidthPt), titleSize);
  writeBanner(sheet, INFO_ROW, lastCol, input.info, { font: font(table.fontSize), horizontal: 'left' });
  sheet.getRow(INFO_ROW).height = rowHeight(
    lineCount(input.info, table.fontSize, gridWidthPt),
    table.fontSize,
  );

  for (const placed of cells) writeCell(sheet, placed, input);
  setRowHeights(sheet, cells, widthsPt, table.fontSize, table.rows.length);

  applyPrintSetup(sheet, {
    orientation,
    titleRows: GRID_TOP - 1 + leadingHeaderRows(table),
    draftMark: input.draftMark,
  });
}

/**
 * The template's orientation, else portrait unless the header words need more than a portrait
 * page's width: fitted to it, table 四's fifteen columns print at half their type size.
 */
function orientationOf(table: TableDef, cells: PlacedCell[]): Orientation {
  if (table.orientation) return table.orientation;
  const portrait = printableWidthPt('portrait');
  const needed = columnWidthsPt(table, cells, portrait).reduce((a, b) => a + b, 0);
  return needed > portrait ? 'landscape' : 'portrait';
}

function writeBanner(
  sheet: Worksheet,
  row: number,
  lastCol: number,
  text: string,
  style: { font: ReturnType<typeof font>; horizontal: 'left' | 'center' },
): void {
  if (lastCol > 1) sheet.mergeCells(row, 1, row, lastCol);
  const cell = sheet.getCell(row, 1);
  cell.value = text;
  cell.font = style.font;
  cell.alignment = { horizontal: style.horizontal, vertical: 'middle', wrapText: true };
}

function writeCell(sheet: Worksheet, placed: PlacedCell, input: TableSheetInput): void {
  const { row, col, rowSpan, colSpan, cell: def } = placed;
  const fontSize = input.table.table.fontSize;
  if (rowSpan > 1 || colSpan > 1) sheet.mergeCells(row, col, row + rowSpan - 1, col + colSpan - 1);
  // Every cell of a merged area carries the border, or Excel and WPS leave gaps in the grid lines.
  for (let r = row; r < row + rowSpan; r++)
    for (let c = col; c < col + colSpan; c++) {
      const each = sheet.getCell(r, c);
      each.border = GRID_BORDER;
      each.font = font(fontSize);
    }

  const cell = sheet.getCell(row, col);
  if ('text' in def) {
    cell.value = stripIllegalXml(def.text);
    cell.alignment = {
      horizontal: def.align ?? 'center',
      vertical: 'middle',
      wrapText: true,
      ...(def.indent ? { indent: def.indent } : {}),
    };
    return;
  }
  const field = input.fields.get(def.field)!;
  cell.value = fieldContent(
    input.plan,
    field,
    { sheet: input.table.table.sheetName, row, col },
    input.values,
  );
  cell.numFmt = numberFormat(field);
  cell.alignment = { horizontal: 'center', vertical: 'middle' };
  if (isComputed(field))
    for (let c = col; c < col + colSpan; c++)
      for (let r = row; r < row + rowSpan; r++) sheet.getCell(r, c).fill = TOTAL_FILL;
}

/**
 * Heights that show every wrapped label whole. Single-row cells set their row's height first; a
 * cell spanning rows then spreads whatever it still lacks over the rows it spans.
 */
function setRowHeights(
  sheet: Worksheet,
  cells: PlacedCell[],
  widthsPt: number[],
  fontSize: number,
  rowCount: number,
): void {
  const heights = Array.from({ length: rowCount }, () => rowHeight(1, fontSize));
  const labels = cells.flatMap((p) =>
    'text' in p.cell ? [{ ...p, text: p.cell.text, indent: p.cell.indent }] : [],
  );
  const needed = (p: (typeof labels)[number]) => {
    const width = widthsPt.slice(p.col - 1, p.col - 1 + p.colSpan).reduce((a, b) => a + b, 0);
    return rowHeight(lineCount(p.text, fontSize, width - indentPt(p.indent, fontSize)), fontSize);
  };
  const first = (p: PlacedCell) => p.row - GRID_TOP;
  for (const p of labels.filter((c) => c.rowSpan === 1))
    heights[first(p)] = Math.max(heights[first(p)]!, needed(p));
  for (const p of labels.filter((c) => c.rowSpan > 1)) {
    const spanned = heights.slice(first(p), first(p) + p.rowSpan);
    const lack = needed(p) - spanned.reduce((a, b) => a + b, 0);
    if (lack > 0) spanned.forEach((h, i) => (heights[first(p) + i] = h + lack / p.rowSpan));
  }
  heights.forEach((h, i) => (sheet.getRow(GRID_TOP + i).height = Math.round(h * 4) / 4));
}
