import type { Cell, Workbook } from 'exceljs';
import { isComputed } from '../../report/model';
import { stripIllegalXml } from '../../report/text';
import { itemLabelAndUnit, type Values } from '../../report/totals';
import { lineCount, oneLineWidthPt, rowHeight, widthUnits } from './measure';
import { FLAT_SHEET, fieldContent, VALUE_COLUMN, type FlatRow, type WorkbookPlan } from './plan';
import { applyPrintSetup, printableWidthPt } from './print';
import { font, GRID_BORDER, numberFormat, TOTAL_FILL } from './styles';

const FONT_SIZE = 10.5;
const CODE_FONT_SIZE = 8;
const HEADER = ['指标', '数值', '单位', '代码'];
const VALUE_WIDTH_PT = 72;
const UNIT_WIDTH_PT = 36;
const FILL_SHARE = 0.97;
/** The last printed column: 单位. */
const PRINTED_COLUMNS = 'C';

interface FlatLine {
  label: string;
  unit: string;
  code: string;
}

/**
 * A list item's code names the list and the item's place in it, e.g. active.categories[2]; its
 * unit is its own where the clerk wrote one (微信（篇）), else the list's.
 */
function lineOf(r: FlatRow): FlatLine {
  if (r.kind === 'field') return { label: r.field.label, unit: r.field.unit ?? '', code: r.field.id };
  const item = itemLabelAndUnit(r.list, r.item);
  return { label: `${r.list.label}：${item.label}`, unit: item.unit, code: `${r.list.id}[${r.index + 1}]` };
}

/**
 * 指标数值: every number of the report on one row, labelled and coded, in template order, then the
 * category lists. Provinces that collect the statistics separately map it by the 代码 column; the
 * printed page carries only what a reader needs (指标, 数值, 单位): the codes stay outside the
 * print area, on screen only.
 */
export function writeFlatSheet(
  workbook: Workbook,
  plan: WorkbookPlan,
  values: Values,
  draftMark: boolean,
): void {
  const sheet = workbook.addWorksheet(FLAT_SHEET, {
    views: [{ state: 'frozen', ySplit: 1, showGridLines: false }],
  });
  const lines = plan.flatRows.map((r) => ({ row: r, ...lineOf(r) }));

  const codeWidth = Math.max(
    ...[HEADER[3]!, ...lines.map((l) => l.code)].map((c) => oneLineWidthPt(c, CODE_FONT_SIZE)),
  );
  const labelWidth = printableWidthPt('portrait') * FILL_SHARE - VALUE_WIDTH_PT - UNIT_WIDTH_PT;
  [labelWidth, VALUE_WIDTH_PT, UNIT_WIDTH_PT, codeWidth].forEach(
    (w, i) => (sheet.getColumn(i + 1).width = widthUnits(w)),
  );

  const header = sheet.getRow(1);
  HEADER.forEach((text, i) => {
    const cell = header.getCell(i + 1);
    cell.value = text;
    frame(cell, FONT_SIZE, true);
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
  });
  header.height = rowHeight(1, FONT_SIZE);

  for (const line of lines) {
    const row = sheet.getRow(line.row.row);
    const [label, value, unit, code] = [1, 2, 3, 4].map((c) => row.getCell(c)) as [Cell, Cell, Cell, Cell];
    label.value = stripIllegalXml(line.label);
    unit.value = stripIllegalXml(line.unit);
    code.value = line.code;
    if (line.row.kind === 'field') {
      const field = line.row.field;
      value.value = fieldContent(
        plan,
        field,
        { sheet: FLAT_SHEET, row: line.row.row, col: VALUE_COLUMN },
        values,
      );
      value.numFmt = numberFormat(field);
      if (isComputed(field)) value.fill = TOTAL_FILL;
    } else value.value = line.row.item.value;
    [label, value, unit].forEach((c) => frame(c, FONT_SIZE));
    frame(code, CODE_FONT_SIZE);
    label.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
    value.alignment = { horizontal: 'right', vertical: 'middle' };
    unit.alignment = { horizontal: 'center', vertical: 'middle' };
    code.alignment = { horizontal: 'left', vertical: 'middle' };
    row.height = rowHeight(lineCount(line.label, FONT_SIZE, labelWidth), FONT_SIZE);
  }

  applyPrintSetup(sheet, { orientation: 'portrait', titleRows: 1, draftMark });
  // exceljs puts a $ before each end it is given; the rows need theirs too, or LibreOffice reads
  // the area as relative and prints the whole sheet.
  sheet.pageSetup.printArea = `A$1:${PRINTED_COLUMNS}$${Math.max(1, ...lines.map((l) => l.row.row))}`;
}

function frame(cell: Cell, size: number, bold = false): void {
  cell.border = GRID_BORDER;
  cell.font = font(size, bold);
}
