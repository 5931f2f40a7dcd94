import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { i18n, TFunction } from 'i18next';
import { createI18n } from '../../shared/i18n';
import { readDraftBytes, type DraftError } from '../../shared/report/draft-io';
import type { Draft } from '../../shared/report/draft';
import { importDocument } from '../../shared/import';
import type { Finding } from '../../shared/report/checks';
import { findingPlace } from '../../shared/report/checks/place';
import {
  chooseTarget,
  consolidate,
  decodeList,
  expectedUnits,
  keyFields,
  type Consolidation,
  type Submission,
} from '../../shared/report/consolidate';
import { findTemplate, TEMPLATES } from '../../shared/report/templates';
import { computeValues } from '../../shared/report/totals';
import { exportXlsx } from '../../shared/export/xlsx';
import { DRAFT_NOTE } from '../../shared/export/xlsx/captions';
import { lineCount, oneLineWidthPt, rowHeight, widthUnits } from '../../shared/export/xlsx/measure';
import { applyPrintSetup } from '../../shared/export/xlsx/print';
import { address } from '../../shared/export/xlsx/refs';
import { font, GRID_BORDER, numberFormat, TOTAL_FILL } from '../../shared/export/xlsx/styles';
import { writeFileAtomic, WriteFailure } from '../../electron/services/atomic-file';
import { lateReports, writeLetters, type ReadReport } from '../../electron/services/county-letters';
import type { Translate } from '../../shared/county/feedback';
import { defaultDeadline, localDay } from '../../shared/county/workspace';
import { isRealIsoDate } from '../../shared/report/dates';
import type { CliOutput } from '../main';

export interface ConsolidateArgs {
  expect?: string;
  year?: string;
  template?: string;
  unit?: string;
  xlsx?: string;
  json?: boolean;
  /** 截止日期 (yyyy-mm-dd): files modified after its day are reported late. */
  deadline?: string;
  /** A folder for the 审核意见: one .docx per unit whose report has something to fix. */
  feedback?: string;
}

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

/**
 * `nianbao consolidate`: the county clerk's run over the units' draft files. Returns the exit
 * code: 0 every unit read and free of errors, 1 a unit with errors, missing or not on the expected
 * list, or a file unreadable, 2 bad usage or nothing to consolidate.
 */
export async function commandConsolidate(
  paths: string[],
  args: ConsolidateArgs,
  i18n: i18n,
  output: CliOutput,
): Promise<number> {
  const t = i18n.t;
  const usage = (key: string, params: Record<string, string | number>) => {
    output.err(t(key, params));
    return 2;
  };
  if (paths.length === 0) return usage('cli.error.missing', { option: t('cli.consolidate.inputs') });
  const template = args.template === undefined ? undefined : findTemplate(args.template);
  if (args.template !== undefined && !template)
    return usage('cli.error.template', {
      template: args.template,
      known: TEMPLATES.map((x) => x.id).join(', '),
    });
  const year = args.year === undefined ? undefined : Number(args.year);
  if (year !== undefined && (!Number.isInteger(year) || year < 2008 || year > 2100))
    return usage('cli.error.year', { year: args.year ?? '' });
  if (args.deadline !== undefined && !isRealIsoDate(args.deadline))
    return usage('county.cli.deadline', { date: args.deadline });
  let expected: string[] | undefined;
  if (args.expect !== undefined) {
    try {
      expected = expectedUnits(decodeList(await readFile(args.expect)));
    } catch (e) {
      return usage('cli.error.read', { file: args.expect, detail: errorCode(e) });
    }
  }

  const submissions: Submission[] = [];
  const unreadable: Unreadable[] = [];
  for (const file of await draftFiles(paths, unreadable)) {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch (e) {
      unreadable.push({ file, reason: fsReason(e) });
      continue;
    }
    // A unit that sent its Word file or web page instead of a draft is imported, then checked like any other.
    const read = REPORT_FILE.test(file) ? await importedDraft(bytes, file) : readDraftBytes(bytes);
    if (read.ok) submissions.push({ file, draft: read.draft });
    else unreadable.push({ file, reason: read.error });
  }

  const target = chooseTarget(
    submissions.map((s) => s.draft),
    { template, year },
  );
  const found = target ? consolidate(target, submissions, { summaryUnit: args.unit, expected }) : null;
  // Files were read but none is of the year and template: there is nothing to add up.
  const result = found && found.units.length > 0 ? found : null;
  const rows = roster(found, expected, unreadable);
  // A unit not on the list is not in the sum: until the clerk sorts out why, the figures are not final.
  const failed =
    (found?.unexpected.length ?? 0) > 0 ||
    rows.some((r) => r.status === 'missing' || r.status === 'unreadable' || (r.errors ?? 0) > 0);
  const code = !result ? 2 : failed ? 1 : 0;

  if (result && args.xlsx) {
    const bytes = await workbook(result, rows, failed);
    try {
      await writeFileAtomic(args.xlsx, bytes);
    } catch (e) {
      return usage('cli.error.write', {
        file: args.xlsx,
        detail: e instanceof WriteFailure ? e.code : String(e),
      });
    }
  }

  const read: ReadReport[] = found
    ? [
        ...found.units.map((u) => ({ unit: u.name || u.file, file: u.file, draft: u.draft })),
        ...submissions
          .filter((s) =>
            found.skipped.some((k) => k.file === s.file && (k.reason === 'year' || k.reason === 'template')),
          )
          .map((s) => ({ unit: s.draft.unit.name || s.file, file: s.file, draft: s.draft })),
      ]
    : [];
  const deadline = args.deadline ?? (found ? defaultDeadline(found.year) : '');
  const late =
    args.deadline !== undefined && found
      ? await lateReports(
          found.units.map((u) => ({ unit: u.name || u.file, file: u.file, draft: u.draft })),
          deadline,
        )
      : [];
  let letters: string[] = [];
  if (args.feedback !== undefined && found) {
    // The letters are county documents: Chinese whatever the language of the run.
    const zh = createI18n('zh-CN').t as unknown as Translate;
    const today = localDay(new Date().toISOString());
    try {
      letters = await writeLetters(
        args.feedback,
        read,
        {
          year: found.year,
          issuer: args.unit ?? '',
          issuedOn: today,
          dueBy: today <= deadline ? deadline : '',
        },
        zh,
      );
    } catch (e) {
      return usage('cli.error.write', {
        file: args.feedback,
        detail: e instanceof WriteFailure ? e.code : String(e),
      });
    }
  }

  if (args.json)
    output.out(
      JSON.stringify(
        {
          ...jsonReport(found, rows, code, t),
          ...(args.deadline !== undefined ? { deadline, late } : {}),
          ...(args.feedback !== undefined ? { feedback: letters } : {}),
        },
        null,
        2,
      ),
    );
  else {
    if (found) output.out(t('cli.consolidate.target', { year: found.year, template: found.template.id }));
    for (const row of rows) for (const line of rowLines(row, t)) output.out(line);
    if (!result) output.err(t('cli.consolidate.none'));
    else {
      if (args.xlsx) output.out(t('cli.export.written', { file: args.xlsx }));
      output.out(
        t('cli.consolidate.summary', {
          units: result.units.length,
          withErrors: result.units.filter((u) => u.errors > 0).length,
          missing: result.missing.length,
          unreadable: unreadable.length,
        }),
      );
      if (result.unexpected.length > 0)
        output.out(t('cli.consolidate.unexpected', { count: result.unexpected.length }));
      if (failed && args.xlsx) output.out(t('cli.consolidate.marked'));
      for (const l of late)
        output.out(t('county.cli.late', { unit: l.unit, received: l.receivedOn, deadline }));
      if (args.deadline !== undefined)
        output.out(t('county.cli.lateCount', { count: late.length, deadline }));
      if (args.feedback !== undefined)
        output.out(
          letters.length > 0
            ? t('county.cli.feedbackWritten', { count: letters.length, dir: args.feedback })
            : t('county.cli.feedbackNone'),
        );
    }
  }
  return code;
}

/** Reports as units write them, read by the importer (shared/import). */
const REPORT_FILE = /\.(?:docx|html?)$/i;

async function importedDraft(
  bytes: Uint8Array,
  file: string,
): Promise<{ ok: true; draft: Draft } | { ok: false; error: DraftError }> {
  const result = await importDocument(bytes, basename(file));
  return result.ok ? { ok: true, draft: result.draft } : { ok: false, error: result.error };
}

/** The *.json, .docx and .html files named, or directly inside the folders named; a path that cannot be listed is reported. */
async function draftFiles(paths: string[], unreadable: Unreadable[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    try {
      if (!(await stat(path)).isDirectory()) files.push(path);
      else
        for (const name of (await readdir(path)).sort())
          if (
            (/\.json$/i.test(name) || REPORT_FILE.test(name)) &&
            !(await stat(join(path, name))).isDirectory()
          )
            files.push(join(path, name));
    } catch (e) {
      unreadable.push({ file: path, reason: fsReason(e) });
    }
  }
  // A file named twice (once in its folder, once by name) is one submission.
  const seen = new Set<string>();
  return files.filter((f) => !seen.has(resolve(f)) && seen.add(resolve(f)));
}

const errorCode = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? String(e);
const fsReason = (e: unknown): DraftError => ({
  key: 'cli.consolidate.reason.fs',
  params: { code: errorCode(e) },
});

/** Units in the expected list's order with the missing ones in place, then the files left out. */
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

function rowLines(row: RosterRow, t: TFunction): string[] {
  const reason = row.reason ? t(row.reason.key, row.reason.params) : '';
  const unit = row.unit || row.file;
  switch (row.status) {
    case 'submitted':
      return [
        t('cli.consolidate.unit', { unit, file: row.file, errors: row.errors, warnings: row.warnings }),
        ...(row.errorList ?? []).map(
          ({ finding: f, place }) =>
            `  ${t('cli.check.error')} ${f.rule}${place ? ` ${place}` : ''}：${t(f.key, f.params)}`,
        ),
      ];
    case 'missing':
      return [t('cli.consolidate.missing', { unit })];
    case 'unreadable':
      return [t('cli.consolidate.unreadable', { file: row.file, reason })];
    default:
      return [t('cli.consolidate.skipped', { file: row.file, unit, reason })];
  }
}

function jsonReport(result: Consolidation | null, rows: RosterRow[], code: number, t: TFunction) {
  return {
    exitCode: code,
    year: result?.year ?? null,
    template: result?.template.id ?? null,
    units: result
      ? result.units.map((u) => ({
          unit: u.name,
          file: u.file,
          errors: u.errors,
          warnings: u.warnings,
          findings: u.findings.map((f) => ({
            id: f.id,
            rule: f.rule,
            severity: f.severity,
            acknowledged: f.acknowledged ?? false,
            place: findingPlace(result.template, u.draft, f),
            message: t(f.key, f.params),
          })),
        }))
      : [],
    missing: result?.missing ?? [],
    unexpected: result?.unexpected ?? [],
    leftOut: rows
      .filter((r) => r.status === 'duplicate' || r.status === 'skipped' || r.status === 'unreadable')
      .map((r) => ({
        file: r.file,
        unit: r.unit,
        status: r.status,
        reason: r.reason ? t(r.reason.key, r.reason.params) : '',
      })),
    totals: result ? Object.fromEntries(computeValues(result.template, result.summary)) : {},
  };
}

/** The summary sheets come from the one xlsx exporter; the roster and per-unit sheets are added to its workbook. */
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
