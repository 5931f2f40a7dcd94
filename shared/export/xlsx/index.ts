import ExcelJS from 'exceljs';
import type { Draft } from '../../report/draft';
import { documentTitle, fieldMap } from '../../report/model';
import type { TemplateDef } from '../../report/template';
import { stripIllegalXml } from '../../report/text';
import { computeValues } from '../../report/totals';
import { DRAFT_NOTE, infoLine, tableTitle } from './captions';
import { writeFlatSheet } from './flat-sheet';
import { planWorkbook } from './plan';
import { writeTableSheet } from './table-sheet';

export interface XlsxOptions {
  /** Marks the export as a draft: 草稿 at the top of every page and in every table title. */
  draftMark?: boolean;
}

const CREATOR = '政务公开年报助手';

/**
 * The statistics as an Excel workbook: one printable sheet per template table, laid out like the
 * Word tables, with totals as live formulas, plus the flat 指标数值 sheet. Pure: returns the bytes.
 */
export async function exportXlsx(
  template: TemplateDef,
  draft: Draft,
  options: XlsxOptions = {},
): Promise<Uint8Array> {
  const draftMark = options.draftMark ?? false;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = CREATOR;
  workbook.lastModifiedBy = CREATOR;
  workbook.title = stripIllegalXml(documentTitle(template, draft));
  // Excel and WPS recompute every formula on opening, so a hand-corrected cell never shows a stale total.
  workbook.calcProperties.fullCalcOnLoad = true;

  const plan = planWorkbook(template, draft);
  const values = computeValues(template, draft);
  const fields = fieldMap(template);
  for (const table of plan.tables) {
    const title = tableTitle(template, draft, table.table);
    writeTableSheet(workbook, {
      plan,
      table,
      fields,
      values,
      title: draftMark ? `${title}${DRAFT_NOTE}` : title,
      info: infoLine(draft, table.table),
      draftMark,
    });
  }
  writeFlatSheet(workbook, plan, values, draftMark);

  // Node gives a Buffer, the browser build an ArrayBuffer; callers get a plain Uint8Array either way.
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
