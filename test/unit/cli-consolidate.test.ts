import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { main, type CliOutput } from '../../cli/main';
import { planWorkbook } from '../../shared/export/xlsx/plan';
import { address } from '../../shared/export/xlsx/refs';
import { isComputed } from '../../shared/report/model';
import { national2021 } from '../../shared/report/templates/national-2021';
import { computeValues } from '../../shared/report/totals';

function capture(): CliOutput & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

type DraftJson = {
  year: number;
  unit: { name: string };
  values: Record<string, number>;
  meta: { updatedAt: string };
};
const example = (): DraftJson =>
  JSON.parse(readFileSync('examples/national-2021-township-2025.json', 'utf8'));

function unitDraft(name: string, updatedAt: string, change: (d: DraftJson) => void = () => {}): DraftJson {
  const draft = example();
  draft.unit.name = name;
  draft.meta.updatedAt = updatedAt;
  change(draft);
  return draft;
}

/** The three units whose files are consolidated, as written. */
const units = {
  甲: unitDraft('甲镇人民政府', '2026-01-10T09:00:00.000Z', (d) => {
    d.values['t3.new.business'] = 4;
    d.values['t3.open.business'] = 3;
    d.values['t2.fees'] = 0.1;
  }),
  // R1 broken: 5 more new applications from 自然人 than were handled or carried over.
  乙: unitDraft('乙镇人民政府', '2026-01-12T09:00:00.000Z', (d) => (d.values['t3.new.natural'] = 10)),
  丙: unitDraft('丙街道办事处', '2026-01-15T09:00:00.000Z', (d) => {
    d.values['t3.new.other'] = 2;
    d.values['t3.reject.repeat.other'] = 2;
    d.values['t4.after.corrected'] = 1;
    d.values['t2.fees'] = 0.2;
  }),
};

let folder: string;
let lists: string;
/** The list as WPS or Notepad on a Chinese Windows saves it: GBK. */
let expectList: string;
/** The same list saved as "Unicode" (UTF-16 with a byte order mark). */
let expectList16: string;
const listText = '甲镇人民政府\r\n乙镇人民政府\r\n丙街道办事处\r\n丁镇人民政府\r\n';
// listText in GBK, from python3 -c "print(listText.encode('gbk').hex())".
const listGbk =
  'bcd7d5f2c8cbc3f1d5feb8ae0d0ad2d2d5f2c8cbc3f1d5feb8ae0d0a' +
  'b1fbbdd6b5c0b0eccac2b4a60d0ab6a1d5f2c8cbc3f1d5feb8ae0d0a';
const file = (name: string) => join(folder, name);

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'nianbao-consolidate-'));
  const write = (name: string, draft: unknown) => writeFileSync(file(name), JSON.stringify(draft, null, 2));
  write('jia.json', units.甲);
  write('yi.json', units.乙);
  write('bing.json', units.丙);
  // An older copy of 甲's report, saved before its numbers were corrected.
  write(
    'jia-old.json',
    unitDraft('甲镇人民政府', '2026-01-02T09:00:00.000Z', (d) => (d.values['t2.licensing'] = 9000)),
  );
  write(
    'wu-2024.json',
    unitDraft('戊镇人民政府', '2025-01-20T09:00:00.000Z', (d) => (d.year = 2024)),
  );
  // 乙 sent its report again under the short name, with the R1 error corrected.
  write('yi-resend.json', unitDraft('乙镇政府', '2026-01-13T09:00:00.000Z'));
  writeFileSync(file('broken.json'), '{"formatVersion": 2, "id": "abc123", "unit": ');
  lists = mkdtempSync(join(tmpdir(), 'nianbao-expect-'));
  expectList = join(lists, 'units.txt');
  writeFileSync(expectList, Buffer.from(listGbk, 'hex'));
  expectList16 = join(lists, 'units-utf16.txt');
  writeFileSync(expectList16, Buffer.from(`\uFEFF${listText}`, 'utf16le'));
});

const sumOver = (id: string) =>
  Object.values(units).reduce(
    (acc, d) => acc + computeValues(national2021, { values: d.values, lists: {} }).get(id)!,
    0,
  );

/** The cached value of a cell as the file stores it, read from the sheet's XML (exceljs reads a cached 0 as none). */
async function cachedValues(
  path: string,
): Promise<(sheet: string, row: number, col: number) => string | undefined> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const text = (name: string) => zip.file(name)!.async('string');
  const [workbookXml, relsXml] = await Promise.all([
    text('xl/workbook.xml'),
    text('xl/_rels/workbook.xml.rels'),
  ]);
  const targets = new Map(
    [...relsXml.matchAll(/<Relationship [^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g)].map((m) => [m[1], m[2]]),
  );
  const sheets = new Map<string, string>();
  for (const [, name, id] of workbookXml.matchAll(/<sheet [^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"/g))
    sheets.set(name!, await text(`xl/${targets.get(id!)!.replace(/^\/?xl\//, '')}`));
  return (sheet, row, col) =>
    new RegExp(`<c r="${address(row, col)}"[^>]*>(?:(?!</c>).)*?<v>([^<]*)</v>`).exec(
      sheets.get(sheet)!,
    )?.[1];
}

describe('nianbao consolidate', () => {
  let io: ReturnType<typeof capture>;
  let code: number;
  let book: ExcelJS.Workbook;
  let cached: Awaited<ReturnType<typeof cachedValues>>;
  const xlsx = () => file('summary.xlsx');

  beforeAll(async () => {
    io = capture();
    code = await main(
      ['consolidate', folder, '--expect', expectList, '--unit', '清溪县人民政府办公室', '--xlsx', xlsx()],
      io,
    );
    book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(xlsx()) as unknown as ExcelJS.Buffer);
    cached = await cachedValues(xlsx());
  });

  it('names the unreadable file, the missing unit and the unit that breaks R1, and exits 1', () => {
    const text = io.stdout.join('\n');
    expect(code).toBe(1);
    expect(text).toMatch(/无法读取 .*broken\.json：文件内容不是有效的草稿格式/);
    expect(text).toContain('未报送：丁镇人民政府');
    expect(text).toMatch(/乙镇人民政府（.*yi\.json）：2 个错误/);
    expect(text).toMatch(
      /^ {2}错误 R1 三、收到和处理政府信息公开申请情况 · 四、结转下年度继续办理 \/ 自然人：/m,
    );
    expect(text).toMatch(/甲镇人民政府（.*jia\.json）：0 个错误/);
    expect(text).toMatch(/未汇总 .*jia-old\.json（甲镇人民政府）：同一单位同一年度的文件 .*jia\.json 更新/);
    expect(text).toMatch(/未汇总 .*wu-2024\.json（戊镇人民政府）：报告年度是 2024/);
    expect(io.stdout.slice(-3)).toEqual([
      '共 3 个单位参加汇总，其中 1 个有错误；1 个单位未报送，1 个文件无法读取。',
      '另有 1 个单位不在报送名单内，未计入汇总。请核对名单和单位名称。',
      '注意：有单位未报送、不在报送名单内、文件无法读取或数据有错误，汇总表已标注“草稿”。',
    ]);
  });

  it('reads a list saved as GBK, and leaves a unit not on it out of the summary, saying so', () => {
    const text = io.stdout.join('\n');
    expect(text).not.toContain('未报送：甲镇人民政府');
    expect(text).toMatch(/未汇总 .*yi-resend\.json（乙镇政府）：不在报送名单内/);
    expect(text).not.toMatch(/乙镇政府（.*）：\d+ 个错误/);
  });

  it('writes summary tables whose totals are formulas caching the sums over the units', () => {
    const homes = planWorkbook(national2021, { lists: {} }).homes;
    const checked = national2021.fields.filter((f) => isComputed(f) && f.id.startsWith('t3.'));
    expect(checked.length).toBeGreaterThan(0);
    for (const field of checked) {
      const home = homes.get(field.id)!;
      const value = book.getWorksheet(home.sheet)!.getCell(home.row, home.col)
        .value as ExcelJS.CellFormulaValue;
      expect(value.formula, field.id).toMatch(/^SUM\(/);
      expect(cached(home.sheet, home.row, home.col), field.id).toBe(String(sumOver(field.id)));
    }
    expect(checked.map((f) => sumOver(f.id))).toContain(0);
    const total = homes.get('t3.total.total')!;
    // 8 handled in the example; 甲 and 丙 handled two more each.
    expect(
      (book.getWorksheet(total.sheet)!.getCell(total.row, total.col).value as ExcelJS.CellFormulaValue)
        .result,
    ).toBe(10 + 8 + 10);
    const fees = homes.get('t2.fees')!;
    expect(book.getWorksheet(fees.sheet)!.getCell(fees.row, fees.col).value).toBe(12.65); // 0.1 + 12.35 + 0.2, without binary noise
    expect(book.getWorksheet(total.sheet)!.getCell(2, 1).value).toContain('填报单位：清溪县人民政府办公室');
  });

  it('adds a 报送情况 sheet listing every unit and every file left out', () => {
    const sheet = book.getWorksheet('报送情况')!;
    const rows = sheet
      .getSheetValues()
      .slice(3)
      .map((r) => (r as ExcelJS.CellValue[]).slice(1, 6));
    const name = (f: string) => file(f);
    expect(rows).toEqual([
      ['甲镇人民政府', '已报送', 0, 1, name('jia.json')],
      ['乙镇人民政府', '已报送', 2, 1, name('yi.json')],
      ['丙街道办事处', '已报送', 0, 1, name('bing.json')],
      ['丁镇人民政府', '未报送', undefined, undefined, undefined],
      ['甲镇人民政府', '重复', undefined, undefined, name('jia-old.json')],
      ['戊镇人民政府', '未汇总', undefined, undefined, name('wu-2024.json')],
      ['乙镇政府', '未汇总', undefined, undefined, name('yi-resend.json')],
      [undefined, '无法读取', undefined, undefined, name('broken.json')],
    ]);
    expect((sheet.getRow(2).values as ExcelJS.CellValue[]).slice(1)).toEqual([
      '单位',
      '状态',
      '错误数',
      '提醒数',
      '文件',
      '说明',
    ]);
    expect([sheet.pageSetup.orientation, sheet.pageSetup.fitToWidth, sheet.pageSetup.printTitlesRow]).toEqual(
      ['landscape', 1, '1:2'],
    );
  });

  it('adds a 各单位数据 sheet with one row per unit and a 合计 row adding each column up', () => {
    const sheet = book.getWorksheet('各单位数据')!;
    const header = sheet.getRow(2).values as ExcelJS.CellValue[];
    const column = (label: string) => header.findIndex((h) => typeof h === 'string' && h.startsWith(label));
    const newTotal = column('一、本年新收政府信息公开申请数量 / 总计');
    expect(newTotal).toBeGreaterThan(1);
    const names = [3, 4, 5, 6].map((r) => sheet.getCell(r, 1).value);
    expect(names).toEqual(['甲镇人民政府', '乙镇人民政府', '丙街道办事处', '合计']);
    expect([3, 4, 5].map((r) => sheet.getCell(r, newTotal).value)).toEqual([10, 13, 10]);
    const sum = sheet.getCell(6, newTotal).value as ExcelJS.CellFormulaValue;
    expect([sum.formula, sum.result]).toEqual([expect.stringMatching(/^SUM\([A-Z]+3:[A-Z]+5\)$/), 33]);
  });

  it('prints 各单位数据 at full size over several pages wide, each starting with the unit names and the header', () => {
    const sheet = book.getWorksheet('各单位数据')!;
    const { orientation, fitToPage, scale, printTitlesRow, printTitlesColumn } = sheet.pageSetup;
    expect({ orientation, fitToPage, scale, printTitlesRow, printTitlesColumn }).toEqual({
      orientation: 'landscape',
      fitToPage: false,
      scale: 100,
      printTitlesRow: '1:2',
      printTitlesColumn: 'A:A',
    });
    // Merged over every column, the title would be centred on a middle page; in the repeated A1, cut off.
    expect([sheet.getCell(1, 1).value, sheet.getCell(1, 2).isMerged]).toEqual([null, false]);
    expect(sheet.getCell(1, 2).value).toMatch(/^2025年度各单位政府信息公开统计数据/);
  });

  it('prints the same findings as JSON with --json', async () => {
    const json = capture();
    expect(await main(['consolidate', folder, '--expect', expectList16, '--json'], json)).toBe(1);
    const report = JSON.parse(json.stdout.join('\n'));
    expect([report.year, report.template, report.missing, report.unexpected]).toEqual([
      2025,
      'national-2021',
      ['丁镇人民政府'],
      ['乙镇政府'],
    ]);
    expect(report.units.map((u: { unit: string; errors: number }) => [u.unit, u.errors])).toEqual([
      ['甲镇人民政府', 0],
      ['乙镇人民政府', 2],
      ['丙街道办事处', 0],
    ]);
    expect(report.leftOut.map((l: { status: string; reason: string }) => [l.status, l.reason])).toEqual([
      ['duplicate', expect.stringContaining('jia.json')],
      ['skipped', expect.stringContaining('2024')],
      ['skipped', '不在报送名单内'],
      ['unreadable', expect.any(String)],
    ]);
    expect(report.totals['t3.total.total']).toBe(sumOver('t3.total.total'));
  });
});

describe('nianbao consolidate exit codes', () => {
  it('exits 0 when every unit read is free of errors', async () => {
    const io = capture();
    expect(await main(['consolidate', file('jia.json'), file('bing.json')], io)).toBe(0);
    expect(io.stdout.at(-1)).toBe('共 2 个单位参加汇总，其中 0 个有错误；0 个单位未报送，0 个文件无法读取。');
  });

  it('exits 1 and marks the workbook 草稿 when a unit is not on the list, even if every listed unit is fine', async () => {
    const list = join(lists, 'jia-bing.txt');
    writeFileSync(list, '甲镇人民政府\n丙街道办事处\n');
    const listed = [file('jia.json'), file('bing.json')];
    expect(await main(['consolidate', ...listed, '--expect', list], capture())).toBe(0);

    const io = capture();
    const xlsx = file('with-unexpected.xlsx');
    expect(
      await main(['consolidate', ...listed, file('yi-resend.json'), '--expect', list, '--xlsx', xlsx], io),
    ).toBe(1);
    expect(io.stdout).toContain('另有 1 个单位不在报送名单内，未计入汇总。请核对名单和单位名称。');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(xlsx) as unknown as ExcelJS.Buffer);
    expect(book.getWorksheet('各单位数据')!.headerFooter.oddHeader).toContain('草稿');
  });

  it('exits 2 when no draft can be read, or the options are wrong', async () => {
    const io = capture();
    expect(await main(['consolidate', file('broken.json'), join(folder, 'nowhere')], io)).toBe(2);
    expect(io.stdout.join('\n')).toMatch(/无法读取 .*nowhere：文件打不开（ENOENT）/);
    expect(io.stderr.join('\n')).toContain('没有可汇总的草稿');
    expect(await main(['consolidate', folder, '--year', '25'], io)).toBe(2);
    expect(await main(['consolidate', folder, '--year', '2030'], io)).toBe(2);
    expect(await main(['consolidate'], io)).toBe(2);
  });
});
