/**
 * The county's summary workbook: the template's own sheets with the summed figures, a 报送情况
 * sheet (who submitted, who did not, which files were left out and why) and a sheet of every
 * unit's figures. Shared by `nianbao consolidate` and the county screen.
 */
import ExcelJS from 'exceljs';
import type { TFunction } from 'i18next';
import { createI18n } from '../../i18n';
import type { DraftError } from '../../report/draft-io';
import type { Finding } from '../../report/checks';
import { findingPlace } from '../../report/checks/place';
import { keyFields, type Consolidation } from '../../report/consolidate';
import { computeValues } from '../../report/totals';
import { exportXlsx } from './index';
import { DRAFT_NOTE } from './captions';
import { lineCount, oneLineWidthPt, rowHeight, widthUnits } from './measure';
import { applyPrintSetup } from './print';
import { address } from './refs';
import { font, GRID_BORDER, numberFormat, TOTAL_FILL } from './styles';

export interface Unreadable {
  file: string;
  reason: DraftError;
}

type Status = 'submitted' | 'missing' | 'duplicate' | 'skipped' | 'unreadable';

/** One line of the 报送情况: a unit that submitted or not, or a file that was left out. */
export interface RosterRow {
  unit: string;
  status: Status;
  file: string;
  errors?: number;
  warnings?: number;
  /** A submitted unit's errors, each with where it is in the report. */
  errorList?: { finding: Finding; place: string }[];
  reason?: DraftError;
}

export function roster(
  result: Consolidation | null,
  expected: string[] | undefined,
  unreadable: Unreadable[],
): RosterRow[] {
  const rows: RosterRow[] = [];
  if (result) {
    const submitted = (u: Consolidation['units'][number]): RosterRow => ({
      unit: u.name,
      status: 'submitted',
      file: u.file,
      errors: u.errors,
      warnings: u.warnings,
      errorList: u.findings
        .filter((f) => f.severity === 'error')
        .map((finding) => ({ finding, place: findingPlace(result.template, u.draft, finding) })),
    });
    if (expected)
      for (const name of expected) {
        const unit = result.units.find((u) => u.name === name);
        rows.push(unit ? submitted(unit) : { unit: name, status: 'missing', file: '' });
      }
    else rows.push(...result.units.map(submitted));
    for (const s of result.skipped)
      rows.push({
        unit: s.name,
        status: s.reason === 'duplicate' ? 'duplicate' : 'skipped',
        file: s.file,
        reason: {
          key: `cli.consolidate.reason.${s.reason}`,
          params: {
            year: s.year,
            template: s.template,
            kept: s.kept ?? '',
            expectedYear: result.year,
            expectedTemplate: result.template.id,
          },
        },
      });
  }
  for (const u of unreadable) rows.push({ unit: '', status: 'unreadable', file: u.file, reason: u.reason });
  return rows;
}

export async function workbook(
  result: Consolidation,
  rows: RosterRow[],
  draftMark: boolean,
): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(
    (await exportXlsx(result.template, result.summary, { draftMark })) as unknown as ExcelJS.Buffer,
  );
  // The workbook is a report document: Chinese whatever the language of the run, like the exporter's sheets.
  const zh = createI18n('zh-CN').t;
  addRosterSheet(book, result.year, rows, zh, draftMark);
  addUnitsSheet(book, result, draftMark);
  book.calcProperties.fullCalcOnLoad = true;
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const FONT_SIZE = 10.5;
const HEADER_FONT_SIZE = 9;
const TITLE_FONT_SIZE = 14;
const TITLE_ROW = 1;
const HEADER_ROW = 2;

/**
 * How a sheet prints on A4 landscape. `onePage`: shrunk to one page wide, the title centred over
 * the columns. `pagesWide`: at full size over as many pages as the columns need, column A repeated
 * on each so every number stays beside its unit's name (41 columns on one page would print at
 * about 39 %). Its title starts in B1 and runs on over the empty cells beside it on the first page:
 * merged over all columns it would be centred on a middle page, and in the repeated A1 it would be
 * cut off at the column's edge on every page but the first.
 */
type Fit = 'onePage' | 'pagesWide';

/** A sheet with a title and a header row, both printed at the top of every page. */
function addSheet(
  book: ExcelJS.Workbook,
  name: string,
  title: string,
  headers: string[],
  widthsPt: number[],
  fit: Fit,
  draftMark: boolean,
) {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 1 }] });
  widthsPt.forEach((w, i) => (sheet.getColumn(i + 1).width = widthUnits(w)));
  if (fit === 'onePage') sheet.mergeCells(TITLE_ROW, 1, TITLE_ROW, headers.length);
  const titleCell = sheet.getCell(TITLE_ROW, fit === 'onePage' ? 1 : 2);
  titleCell.value = draftMark ? `${title}${DRAFT_NOTE}` : title;
  titleCell.font = font(TITLE_FONT_SIZE, true);
  titleCell.alignment = { horizontal: fit === 'onePage' ? 'center' : 'left', vertical: 'middle' };
  sheet.getRow(TITLE_ROW).height = rowHeight(1, TITLE_FONT_SIZE);
  const header = sheet.getRow(HEADER_ROW);
  headers.forEach((text, i) => {
    const cell = header.getCell(i + 1);
    cell.value = text;
    cell.font = font(HEADER_FONT_SIZE, true);
    cell.border = GRID_BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  header.height = rowHeight(
    Math.max(...headers.map((h, i) => lineCount(h, HEADER_FONT_SIZE, widthsPt[i]!))),
    HEADER_FONT_SIZE,
  );
  applyPrintSetup(sheet, { orientation: 'landscape', titleRows: HEADER_ROW, draftMark });
  if (fit === 'pagesWide')
    sheet.pageSetup = { ...sheet.pageSetup, fitToPage: false, scale: 100, printTitlesColumn: 'A:A' };
  return sheet;
}

function bodyCell(
  cell: ExcelJS.Cell,
  value: ExcelJS.CellValue,
  horizontal: 'left' | 'center' | 'right',
): void {
  cell.value = value;
  cell.font = font(FONT_SIZE);
  cell.border = GRID_BORDER;
  cell.alignment = { horizontal, vertical: 'middle', wrapText: true };
}

const nameWidthPt = (names: string[]) =>
  Math.min(180, Math.max(60, ...names.map((n) => oneLineWidthPt(n, FONT_SIZE))));

/** Paths and English messages wrap at whole words, not between any two characters: leave them room. */
const LATIN_WRAP = 0.8;

/** 报送情况: who submitted, who did not, and which files were left out and why. */
function addRosterSheet(
  book: ExcelJS.Workbook,
  year: number,
  rows: RosterRow[],
  zh: TFunction,
  draftMark: boolean,
): void {
  const widths = [nameWidthPt(rows.map((r) => r.unit)), 48, 40, 40, 170, 300];
  const sheet = addSheet(
    book,
    '报送情况',
    `${year}年度政府信息公开工作年度报告报送情况`,
    ['单位', '状态', '错误数', '提醒数', '文件', '说明'],
    widths,
    'onePage',
    draftMark,
  );
  rows.forEach((r, i) => {
    const row = sheet.getRow(HEADER_ROW + 1 + i);
    const note = r.reason ? zh(r.reason.key, r.reason.params) : '';
    const cells: [ExcelJS.CellValue, 'left' | 'center' | 'right'][] = [
      [r.unit || null, 'left'],
      [zh(`cli.consolidate.status.${r.status}`), 'center'],
      [r.errors ?? null, 'right'],
      [r.warnings ?? null, 'right'],
      [r.file || null, 'left'],
      [note, 'left'],
    ];
    cells.forEach(([value, align], c) => bodyCell(row.getCell(c + 1), value, align));
    row.height = rowHeight(
      Math.max(
        lineCount(r.unit, FONT_SIZE, widths[0]!),
        lineCount(r.file, FONT_SIZE, widths[4]! * LATIN_WRAP),
        lineCount(note, FONT_SIZE, widths[5]! * LATIN_WRAP),
      ),
      FONT_SIZE,
    );
  });
}

const VALUE_WIDTH_PT = 44;

/** 各单位数据: one row per unit with its key numbers, and a 合计 row whose formulas add the column up. */
function addUnitsSheet(book: ExcelJS.Workbook, result: Consolidation, draftMark: boolean): void {
  const fields = keyFields(result.template);
  const widths = [nameWidthPt(result.units.map((u) => u.name)), ...fields.map(() => VALUE_WIDTH_PT)];
  const sheet = addSheet(
    book,
    '各单位数据',
    `${result.year}年度各单位政府信息公开统计数据`,
    ['单位', ...fields.map((f) => (f.unit ? `${f.label}（${f.unit}）` : f.label))],
    widths,
    'pagesWide',
    draftMark,
  );
  const first = HEADER_ROW + 1;
  result.units.forEach((u, i) => {
    const row = sheet.getRow(first + i);
    const values = computeValues(result.template, u.draft);
    bodyCell(row.getCell(1), u.name || u.file, 'left');
    fields.forEach((f, c) => {
      const cell = row.getCell(c + 2);
      bodyCell(cell, values.get(f.id) ?? 0, 'right');
      cell.numFmt = numberFormat(f);
    });
    row.height = rowHeight(lineCount(u.name, FONT_SIZE, widths[0]!), FONT_SIZE);
  });
  const last = first + result.units.length - 1;
  const totals = computeValues(result.template, result.summary);
  const row = sheet.getRow(last + 1);
  bodyCell(row.getCell(1), '合计', 'center');
  fields.forEach((f, c) => {
    const cell = row.getCell(c + 2);
    bodyCell(
      cell,
      { formula: `SUM(${address(first, c + 2)}:${address(last, c + 2)})`, result: totals.get(f.id) ?? 0 },
      'right',
    );
    cell.numFmt = numberFormat(f);
    cell.fill = TOTAL_FILL;
  });
  row.height = rowHeight(1, FONT_SIZE);
}
