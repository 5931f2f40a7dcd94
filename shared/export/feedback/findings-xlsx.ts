import ExcelJS from 'exceljs';
import type { FeedbackItem, Translate } from '../../county/feedback';
import { lineCount, rowHeight, widthUnits } from '../xlsx/measure';
import { applyPrintSetup } from '../xlsx/print';
import { font, GRID_BORDER } from '../xlsx/styles';

export interface UnitFindings {
  unit: string;
  fileName: string;
  items: FeedbackItem[];
}

const SIZE = 10.5;
const WIDTHS_PT = [110, 36, 70, 150, 90, 70, 260];

/**
 * Every finding of every unit in one sheet (审核意见汇总), one row each, for the county's own
 * records and for filtering in Excel or WPS: unit, severity, rule, where, what the report says,
 * what it should say, what to do. Headings in Chinese from `t` (zh-CN), like the letters.
 */
export async function findingsXlsx(
  year: number,
  units: readonly UnitFindings[],
  t: Translate,
): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(t('county.doc.sheetName'), { views: [{ state: 'frozen', ySplit: 2 }] });
  const headers = ['unit', 'severity', 'rule', 'where', 'says', 'should', 'message'].map((k) =>
    t(`county.doc.column.${k}`),
  );
  WIDTHS_PT.forEach((w, i) => (sheet.getColumn(i + 1).width = widthUnits(w)));
  sheet.mergeCells(1, 1, 1, headers.length);
  const title = sheet.getCell(1, 1);
  title.value = t('county.doc.sheetTitle', { year });
  title.font = font(14, true);
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = rowHeight(1, 14);
  headers.forEach((h, i) => {
    const cell = sheet.getRow(2).getCell(i + 1);
    cell.value = h;
    cell.font = font(SIZE, true);
    cell.border = GRID_BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  let r = 3;
  for (const u of units)
    for (const item of u.items) {
      const values = [
        u.unit,
        t(item.severity === 'error' ? 'county.doc.kindError' : 'county.doc.kindWarning'),
        item.rule,
        item.where,
        item.says,
        item.shouldSay,
        item.message,
      ];
      const row = sheet.getRow(r++);
      values.forEach((v, i) => {
        const cell = row.getCell(i + 1);
        cell.value = v;
        cell.font = font(SIZE);
        cell.border = GRID_BORDER;
        cell.alignment = { vertical: 'top', wrapText: true };
      });
      row.height = rowHeight(Math.max(...values.map((v, i) => lineCount(v, SIZE, WIDTHS_PT[i]!))), SIZE);
    }
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: Math.max(2, r - 1), column: headers.length } };
  applyPrintSetup(sheet, { orientation: 'landscape', titleRows: 2, draftMark: false });
  return new Uint8Array(await book.xlsx.writeBuffer());
}
