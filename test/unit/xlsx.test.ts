import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportXlsx } from '../../shared/export/xlsx';
import { printableWidthPt } from '../../shared/export/xlsx/print';
import { sumFormula } from '../../shared/export/xlsx/refs';
import type { Draft } from '../../shared/report/draft';
import { newDraft } from '../../shared/report/draft-io';
import { documentTitle, isComputed, resolveSections } from '../../shared/report/model';
import type { TemplateDef } from '../../shared/report/template';
import { TEMPLATES } from '../../shared/report/templates';
import { national2021 } from '../../shared/report/templates/national-2021';
import { computeValues } from '../../shared/report/totals';
import { distinctiveNationalDraft } from '../fixtures/distinctive-national';

/** The table grid starts under the title row and the 填报单位 line. */
const GRID_TOP = 3;
const FLAT = '指标数值';
/** A stored column width counts digits of Calibri 11, 5.25 pt each. */
const PT_PER_WIDTH_UNIT = 5.25;

/** Every entered field filled with a small distinct number, money with all its decimals, every list item counted. */
function filledDraft(template: TemplateDef): Draft {
  const draft = newDraft({ template, year: 2025, unit: { name: '寮步镇人民政府' } });
  template.fields.forEach((f, i) => {
    if (isComputed(f)) return;
    draft.values[f.id] = f.kind === 'money' ? Number((12.3456).toFixed(f.decimals ?? 2)) : (i % 9) + 1;
  });
  for (const list of template.lists)
    draft.lists[list.id] = list.suggestions.map((label, i) => ({ label, value: i + 2 }));
  return draft;
}

const load = async (bytes: Uint8Array) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
};

type Sheet = ExcelJS.Worksheet;
const isFormula = (v: ExcelJS.CellValue): v is ExcelJS.CellFormulaValue =>
  typeof v === 'object' && v !== null && 'formula' in v;

/**
 * Evaluates the formulas the exporter writes (a SUM over references and ranges, or one reference)
 * from the numbers in the file, never from cached results, so a wrong reference shows up here.
 */
function evaluate(workbook: ExcelJS.Workbook, sheet: Sheet, formula: string): number {
  expect(formula, 'only SUM(…) and plain references are written').toMatch(/^(SUM\(.+\)|('.+'!)?[A-Z]+\d+)$/);
  let total = 0;
  for (const m of formula.matchAll(/(?:'((?:[^']|'')+)'!)?([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?/g)) {
    const target = m[1] ? workbook.getWorksheet(m[1].replaceAll("''", "'"))! : sheet;
    expect(target, m[0]).toBeDefined();
    const [c1, r1] = [target.getColumn(m[2]!).number, Number(m[3])];
    const [c2, r2] = m[4] ? [target.getColumn(m[4]).number, Number(m[5])] : [c1, r1];
    for (let r = r1; r <= r2; r++)
      for (let c = c1; c <= c2; c++) total += cellNumber(workbook, target, target.getCell(r, c).value);
  }
  return Math.round(total * 10_000) / 10_000;
}

function cellNumber(workbook: ExcelJS.Workbook, sheet: Sheet, v: ExcelJS.CellValue): number {
  if (typeof v === 'number') return v;
  if (isFormula(v)) return evaluate(workbook, sheet, v.formula);
  throw new Error(`not a number: ${JSON.stringify(v)}`);
}

const mergesOf = (sheet: Sheet): string[] => (sheet.model as unknown as { merges: string[] }).merges;

/** A range such as C3:L5 as its top-left cell and size. */
function span(sheet: Sheet, range: string) {
  const [a, b = a] = range.split(':') as [string, string?];
  const [tl, br] = [sheet.getCell(a), sheet.getCell(b!)];
  return {
    top: Number(tl.row),
    left: Number(tl.col),
    rows: Number(br.row) - Number(tl.row) + 1,
    cols: Number(br.col) - Number(tl.col) + 1,
  };
}

describe.each(TEMPLATES.map((t) => [t.id, t] as const))('Excel export of %s', (_id, template) => {
  let workbook: ExcelJS.Workbook;
  let draft: Draft;
  beforeAll(async () => {
    draft = filledDraft(template);
    workbook = await load(await exportXlsx(template, draft));
  });

  it('has one sheet per template table, in order, then the flat 指标数值 sheet', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      ...template.tables.map((t) => t.sheetName),
      FLAT,
    ]);
  });

  it('titles each sheet with the table caption or its section heading, and names the unit and year', () => {
    const headings = resolveSections(template, draft);
    for (const table of template.tables) {
      const sheet = workbook.getWorksheet(table.sheetName)!;
      const heading = headings.find((s) =>
        s.blocks.some((b) => b.kind === 'table' && b.table === table.id),
      )?.heading;
      expect(sheet.getCell(1, 1).value).toBe(table.title ?? heading);
      const info = String(sheet.getCell(2, 1).value);
      expect(info).toContain('填报单位：寮步镇人民政府');
      expect(info).toContain('报告年度：2025年');
      if (table.unit) expect(info).toContain(table.unit);
    }
  });

  it('merges exactly the cells the template spans, with their text', () => {
    for (const table of template.tables) {
      const sheet = workbook.getWorksheet(table.sheetName)!;
      const expected = table.rows
        .flatMap((r) => r.cells)
        .filter((c) => (c.rowSpan ?? 1) > 1 || (c.colSpan ?? 1) > 1)
        .map((c) => `${'text' in c ? c.text : 'field'} ${c.rowSpan ?? 1}×${c.colSpan ?? 1}`);
      const actual = mergesOf(sheet)
        .map((m) => span(sheet, m))
        .filter((s) => s.top >= GRID_TOP)
        .map((s) => {
          const v = sheet.getCell(s.top, s.left).value;
          return `${typeof v === 'string' ? v : 'field'} ${s.rows}×${s.cols}`;
        });
      expect(actual.sort(), table.id).toEqual(expected.sort());
    }
  });

  it('writes every total as a formula over the right cells, caching the value the app computed', () => {
    const values = computeValues(template, draft);
    let formulas = 0;
    for (const sheet of workbook.worksheets)
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (!isFormula(cell.value)) return;
          formulas++;
          expect(evaluate(workbook, sheet, cell.value.formula), `${sheet.name}!${cell.address}`).toBe(
            cell.value.result,
          );
        }),
      );
    expect(formulas).toBeGreaterThan(0);
    const flat = workbook.getWorksheet(FLAT)!;
    flat.eachRow((row, n) => {
      const field = template.fields.find((f) => f.id === row.getCell(4).value);
      if (n === 1 || !field) return;
      expect(cellNumber(workbook, flat, row.getCell(2).value), field.id).toBe(values.get(field.id));
      expect(isFormula(row.getCell(2).value), field.id).toBe(isComputed(field));
    });
  });

  it('draws a thin border on every cell of every table grid', () => {
    for (const table of template.tables) {
      const sheet = workbook.getWorksheet(table.sheetName)!;
      for (let r = GRID_TOP; r < GRID_TOP + table.rows.length; r++)
        for (let c = 1; c <= table.columns.length; c++) {
          const b = sheet.getCell(r, c).border;
          expect(
            [b?.top?.style, b?.left?.style, b?.bottom?.style, b?.right?.style],
            `${table.id} r${r}c${c}`,
          ).toEqual(['thin', 'thin', 'thin', 'thin']);
        }
    }
  });

  it('prints every sheet on A4, one page wide, titles and header rows repeated, page numbers below', () => {
    for (const sheet of workbook.worksheets) {
      const table = template.tables.find((t) => t.sheetName === sheet.name);
      const headerRows = table ? table.rows.findIndex((r) => !r.header) : 1;
      const setup = sheet.pageSetup;
      expect(setup.paperSize).toBe(9);
      // Table 四's fifteen columns need more than a portrait page; the others print portrait.
      expect(setup.orientation).toBe(sheet.name === '四、行政复议行政诉讼情况' ? 'landscape' : 'portrait');
      expect([setup.fitToPage, setup.fitToWidth, setup.fitToHeight]).toEqual([true, 1, 0]);
      expect(setup.horizontalCentered).toBe(true);
      expect(setup.printTitlesRow).toBe(table ? `1:${GRID_TOP - 1 + headerRows}` : '1:1');
      expect(sheet.headerFooter.oddFooter).toBe('&C第 &P 页 共 &N 页');
      expect(sheet.headerFooter.oddHeader ?? '').not.toContain('草稿');
    }
  });

  it('lists every field and every list item on 指标数值, with unit and code', () => {
    const flat = workbook.getWorksheet(FLAT)!;
    expect([1, 2, 3, 4].map((c) => flat.getRow(1).getCell(c).value)).toEqual([
      '指标',
      '数值',
      '单位',
      '代码',
    ]);
    expect(flat.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const rows: unknown[][] = [];
    flat.eachRow((row, n) => n > 1 && rows.push([1, 3, 4].map((c) => row.getCell(c).value)));
    const expected = [
      ...template.fields.map((f) => [f.label, f.unit ?? '', f.id]),
      ...template.lists.flatMap((l) =>
        draft.lists[l.id]!.map((item, i) => [`${l.label}：${item.label}`, l.unit, `${l.id}[${i + 1}]`]),
      ),
    ];
    expect(rows).toEqual(expected);
  });
});

describe('Excel export of the national format', () => {
  let workbook: ExcelJS.Workbook;
  let bytes: Uint8Array;
  const draft = distinctiveNationalDraft();
  const t3 = () => workbook.getWorksheet('三、收到和处理申请情况')!;
  const rowOf = (sheet: Sheet, label: string) => {
    let found = 0;
    sheet.eachRow((row, n) => row.eachCell((c) => void (c.value === label && !found && (found = n))));
    return sheet.getRow(found);
  };

  beforeAll(async () => {
    bytes = await exportXlsx(national2021, draft);
    workbook = await load(bytes);
  });

  it('returns a plain Uint8Array, not a Node Buffer', () => {
    expect(Object.getPrototypeOf(bytes)).toBe(Uint8Array.prototype);
  });

  it('merges 申请人情况 over the 7 number columns and 三、本年度办理结果 down its 22 rows', () => {
    const spans = mergesOf(t3()).map((m) => span(t3(), m));
    const at = (text: string) => spans.find((s) => t3().getCell(s.top, s.left).value === text);
    expect(at('申请人情况')).toMatchObject({ rows: 1, cols: 7, left: 4 });
    expect(at('法人或其他组织')).toMatchObject({ rows: 1, cols: 5 });
    expect(at('三、本年度办理结果')).toMatchObject({ rows: 22, cols: 1 });
    expect(at('（三）不予公开')).toMatchObject({ rows: 8, cols: 1 });
    expect(at('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）')).toMatchObject({
      rows: 3,
      cols: 3,
    });
  });

  it('sums a 总计 row by a range of its applicant columns and （七）总计 down its result rows', () => {
    const total = rowOf(t3(), '一、本年新收政府信息公开申请数量').getCell(10).value;
    expect(total).toMatchObject({ formula: expect.stringMatching(/^SUM\(D\d+:I\d+\)$/), result: 47 });
    const grand = rowOf(t3(), '（七）总计').getCell(10).value;
    expect(grand).toMatchObject({ result: 113 });
    const natural = rowOf(t3(), '（七）总计').getCell(4).value;
    expect(natural).toMatchObject({ formula: expect.stringMatching(/^SUM\(D\d+:D\d+\)$/), result: 60 });
    const review = workbook.getWorksheet('四、行政复议行政诉讼情况')!.getCell('E6').value;
    expect(review).toMatchObject({ formula: 'SUM(A6:D6)', result: 7 });
  });

  it('refers the flat sheet’s totals to the table cells, across sheets', () => {
    const flat = workbook.getWorksheet(FLAT)!;
    const total = rowOf(flat, 't3.new.total').getCell(2).value;
    expect(total).toMatchObject({
      formula: expect.stringMatching(/^'三、收到和处理申请情况'!J\d+$/),
      result: 47,
    });
  });

  it('formats counts as integers and 万元 with up to four decimals, and shades totals', () => {
    const t2 = workbook.getWorksheet('二、主动公开政府信息情况')!;
    const fees = rowOf(t2, '行政事业性收费').getCell(2);
    // As the Word file prints it: the decimals it has, no trailing zeros (0 reads 0, not 0.00).
    expect([fees.value, fees.numFmt ?? 'General']).toEqual([12.3456, 'General']);
    const natural = rowOf(t3(), '一、本年新收政府信息公开申请数量').getCell(4);
    expect([natural.value, natural.numFmt]).toEqual([20, '0']);
    expect((natural.fill as ExcelJS.FillPattern | undefined)?.pattern ?? 'none').toBe('none');
    const total = rowOf(t3(), '一、本年新收政府信息公开申请数量').getCell(10);
    expect(total.fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
  });

  it('prints table 四 on landscape A4 at its own type size, its header words whole', () => {
    const sheet = workbook.getWorksheet('四、行政复议行政诉讼情况')!;
    expect(sheet.pageSetup.orientation).toBe('landscape');
    const widthsPt = sheet.columns.map((c) => (c.width ?? 0) * PT_PER_WIDTH_UNIT);
    expect(widthsPt).toHaveLength(15);
    // Portrait, fit-to-width would shrink 五号 to about 8 pt; across the landscape page it is not shrunk.
    expect(widthsPt.reduce((a, b) => a + b, 0)).toBeGreaterThan(printableWidthPt('portrait'));
    expect(widthsPt.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(printableWidthPt('landscape'));
    sheet.getRow(GRID_TOP + 2).eachCell((cell, col) => {
      const text = String(cell.value);
      if (/^(结果维持|结果纠正|其他结果|尚未审结)$/.test(text))
        expect(widthsPt[col - 1], `${text} in column ${col}`).toBeGreaterThanOrEqual(4 * 10.5);
    });
  });

  it('repeats table 三’s three header rows under its title', () => {
    expect(t3().pageSetup.printTitlesRow).toBe('1:5');
    expect(t3().getCell(1, 1).value).toBe('三、收到和处理政府信息公开申请情况');
  });

  it('gives every label row enough height for its wrapped text', () => {
    const label = rowOf(t3(), '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请');
    const single = rowOf(t3(), '一、本年新收政府信息公开申请数量');
    expect(label.height).toBeGreaterThan(2.5 * single.height);
  });

  it('names the workbook after the report and the app, and asks for recalculation on opening', async () => {
    expect(workbook.creator).toBe('政务公开年报助手');
    expect(workbook.title).toBe(documentTitle(national2021, draft));
    // Excel and WPS then recompute every total on opening.
    const zip = await JSZip.loadAsync(bytes);
    expect(await zip.file('xl/workbook.xml')!.async('string')).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  it('prints 指标, 数值 and 单位 of 指标数值 and keeps the 代码 column outside the print area', () => {
    const flat = workbook.getWorksheet(FLAT)!;
    expect(flat.getCell(1, 4).value).toBe('代码');
    expect(flat.pageSetup.printArea).toBe(`A1:C${flat.rowCount}`);
  });

  it('marks a draft export with 草稿 at the top of every page and in every title', async () => {
    const marked = await load(await exportXlsx(national2021, draft, { draftMark: true }));
    for (const sheet of marked.worksheets) expect(sheet.headerFooter.oddHeader).toContain('草稿');
    for (const table of national2021.tables)
      expect(String(marked.getWorksheet(table.sheetName)!.getCell(1, 1).value)).toContain('（草稿）');
  });

  it('drops characters XML forbids from the unit name and keeps rare characters outside the BMP', async () => {
    const pasted = { ...draft, unit: { ...draft.unit, name: '𠮷\u0001镇人民\u000B政府' } };
    const clean = await load(await exportXlsx(national2021, pasted));
    expect(clean.getWorksheet('二、主动公开政府信息情况')!.getCell(2, 1).value).toMatch(
      /^填报单位：𠮷镇人民政府\u3000\u3000报告年度/,
    );
    expect(clean.title).toBe('𠮷镇人民政府2025年政府信息公开工作年度报告');
  });
});

describe('Excel export of a template that declares a landscape table', () => {
  it('prints that sheet on landscape A4, its columns across the wider page at the table’s own type size', async () => {
    const landscape: TemplateDef = {
      ...national2021,
      tables: national2021.tables.map((t) => (t.id === 't4' ? { ...t, orientation: 'landscape' } : t)),
    };
    const workbook = await load(await exportXlsx(landscape, distinctiveNationalDraft()));
    const sheet = workbook.getWorksheet('四、行政复议行政诉讼情况')!;
    expect(sheet.pageSetup.orientation).toBe('landscape');
    expect([sheet.pageSetup.fitToWidth, sheet.pageSetup.printTitlesRow]).toEqual([1, '1:5']);
    const width = sheet.columns.reduce((sum, c) => sum + (c.width ?? 0) * PT_PER_WIDTH_UNIT, 0);
    expect(width).toBeGreaterThan(printableWidthPt('portrait'));
    expect(width).toBeLessThanOrEqual(printableWidthPt('landscape'));
    expect(workbook.getWorksheet('三、收到和处理申请情况')!.pageSetup.orientation).toBe('portrait');
  });
});

describe('sum formulas', () => {
  it('joins neighbours into ranges along rows and columns, and quotes other sheets', () => {
    const at = (sheet: string, row: number, col: number) => ({ sheet, row, col });
    const cells = [
      at('表', 5, 4),
      at('表', 5, 5),
      at('表', 5, 6),
      at('表', 7, 2),
      at('表', 8, 2),
      at('附表', 3, 1),
    ];
    expect(sumFormula(cells, '表')).toBe("SUM(D5:F5,B7:B8,'附表'!A3)");
    expect(sumFormula(cells, '附表')).toBe("SUM('表'!D5:F5,'表'!B7:B8,A3)");
  });
});

describe('Excel export of totals nobody entered and of units the clerk gave', () => {
  const base = () => distinctiveNationalDraft();
  const flatRow = (workbook: ExcelJS.Workbook, id: string) => {
    const flat = workbook.getWorksheet(FLAT)!;
    let found = 0;
    flat.eachRow((row, n) => void (row.getCell(4).value === id && (found = n)));
    return flat.getRow(found);
  };

  it('leaves 主动公开政府信息总数 blank, not 0, when the category list was never filled in', async () => {
    const draft = { ...base(), lists: { 'active.categories': [{ label: '工作动态', value: 0 }] } };
    const workbook = await load(await exportXlsx(national2021, draft));
    expect(flatRow(workbook, 'active.total').getCell(2).value).toBeNull();
    expect(computeValues(national2021, draft).has('active.total')).toBe(false);
  });

  it('still prints a total of entered zeros as 0, as a live sum', async () => {
    const draft = base();
    for (const r of ['upheld', 'corrected', 'other', 'pending']) draft.values[`t4.after.${r}`] = 0;
    const workbook = await load(await exportXlsx(national2021, draft));
    const total = flatRow(workbook, 't4.after.total').getCell(2).value as ExcelJS.CellFormulaValue;
    const sheet = workbook.getWorksheet('四、行政复议行政诉讼情况')!;
    const home = /^'(.+)'!([A-Z]+\d+)$/.exec(total.formula)!;
    expect(home[1]).toBe(sheet.name);
    const cell = sheet.getCell(home[2]!).value as ExcelJS.CellFormulaValue;
    expect(cell.formula).toMatch(/^SUM\(/);
    expect(evaluate(workbook, sheet, cell.formula)).toBe(0);
  });

  it('keeps a list item’s own unit where the clerk wrote it in brackets: 微信（篇） 1154 is 1154篇', async () => {
    const township = TEMPLATES.find((t) => t.lists.some((l) => l.id === 'active.channels'))!;
    const draft = newDraft({ template: township, year: 2014, unit: { name: '永昌县人民政府' } });
    draft.lists['active.channels'] = [
      { label: '微信（篇）', value: 1154 },
      { label: '政府网站', value: 320 },
    ];
    const workbook = await load(await exportXlsx(township, draft));
    const items = [1, 2].map((i) => flatRow(workbook, `active.channels[${i}]`));
    expect(items.map((r) => [r.getCell(1).value, r.getCell(2).value, r.getCell(3).value])).toEqual([
      ['主动公开渠道：微信', 1154, '篇'],
      ['主动公开渠道：政府网站', 320, '条'],
    ]);
  });
});
