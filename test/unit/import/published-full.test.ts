import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importDocument } from '../../../shared/import';
import type { Draft } from '../../../shared/report/draft';
import { runChecks } from '../../../shared/report/checks';
import { findTemplate } from '../../../shared/report/templates';

/**
 * Whole published reports whose tables 三 and 四 hold real, non-zero figures, each in the forms a
 * clerk holds it in: the text as copied, the page itself, a .docx LibreOffice made from the
 * report's tables, and the text a PDF viewer copies. The expected numbers are the published ones,
 * written down by hand from the report, cell by cell; a cell the report printed blank is `null`.
 *
 * - 上海市人民政府办公厅 2019 (www.shanghai.gov.cn, 发布日期 2020-01-31): the 2019 trial format, so
 *   表二 has other columns (本年新制作数量 / 本年新公开数量 / 对外公开总数量) and no 收费金额, and
 *   表三 has （六）其他处理 as one row. Most of its cells are printed blank (&nbsp;), totals included.
 *   The .txt is what Chromium puts on the clipboard when the page is selected and copied.
 * - 沭阳县人民政府 2025, as a PDF-to-Markdown converter gave it (沭阳 read as 沐阳, 表三 cut into
 *   one small table per group under made-up headers 数据1…数据6, 表四 as three tables). The .html
 *   sets the same report's paragraphs and tables as the published format has them; the .pdf.txt is
 *   what `pdftotext -layout` reads from the PDF Chromium prints of that page: labels broken over
 *   lines, a group's label on the same line as a row's, paragraphs broken at the page width.
 */
const DIR = 'test/fixtures/import/published';

async function imported(name: string) {
  const result = await importDocument(new Uint8Array(readFileSync(`${DIR}/${name}`)), name);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result;
}

const APPLICANTS = ['natural', 'business', 'research', 'public', 'legal', 'other'] as const;
const T4_GROUPS = ['review', 'direct', 'after'] as const;
const T4_RESULTS = ['upheld', 'corrected', 'other', 'pending'] as const;

type Printed = number | null;

/** What a draft holds for tables as printed: entered cells, printed totals, cells printed blank. */
interface Expected {
  values: Record<string, number>;
  declared: Record<string, number | null>;
  blanks: string[];
}

function expected(): Expected {
  return { values: {}, declared: {}, blanks: [] };
}

function entered(e: Expected, field: string, printed: Printed) {
  if (printed === null) e.blanks.push(field);
  else e.values[field] = printed;
}

/** 表三 rows as printed: six applicant columns, then 总计 (a printed total, compared by the checks). */
function table3(e: Expected, rows: Record<string, Printed[]>) {
  for (const [row, cells] of Object.entries(rows)) {
    // The （七）总计 row is every cell a total.
    APPLICANTS.forEach((col, i) =>
      row === 'total'
        ? (e.declared[`t3.total.${col}`] = cells[i]!)
        : entered(e, `t3.${row}.${col}`, cells[i]!),
    );
    e.declared[`t3.${row}.total`] = cells[6]!;
  }
}

/** 表四's one row of fifteen numbers, as printed. */
function table4(e: Expected, printed: Printed[]) {
  T4_GROUPS.forEach((group, g) => {
    T4_RESULTS.forEach((result, r) => entered(e, `t4.${group}.${result}`, printed[g * 5 + r]!));
    e.declared[`t4.${group}.total`] = printed[g * 5 + 4]!;
  });
}

const row = (...cells: Printed[]) => cells;
const zeros = row(0, 0, 0, 0, 0, 0, 0);
const blank = row(null, null, null, null, null, null, null);

function findings(draft: Draft) {
  return runChecks(findTemplate(draft.template)!, draft);
}
const TABLE_RULES = new Set(['R1', 'R2', 'R3', 'R4', 'R5']);

// ── 上海市人民政府办公厅 2019 ───────────────────────────────────────────────
const shanghai = expected();
Object.assign(shanghai.values, {
  't2.rules.issued': 13,
  't2.rules.current': 524,
  't2.normative.issued': 60,
  't2.normative.current': 368,
  't2.licensing': 0,
  't2.penalty': 0,
  't2.enforcement': 0,
});
table3(shanghai, {
  new: row(821, 35, null, null, 2, 1, 859),
  carried: row(18, null, null, null, null, null, 18),
  open: row(258, 12, null, null, 1, 1, null),
  partial: row(3, null, null, null, null, null, null),
  'deny.secret': row(14, null, null, null, null, null, null),
  'deny.law': blank,
  'deny.safety': blank,
  'deny.third': blank,
  'deny.internal': row(5, null, null, null, null, null, null),
  'deny.process': row(3, 1, null, null, null, null, null),
  'deny.case': blank,
  'deny.query': row(10, 2, null, null, null, null, null),
  'none.nothold': row(252, 12, null, null, 1, null, null),
  'none.create': row(44, 3, null, null, null, null, null),
  'none.unclear': row(25, null, null, null, null, null, null),
  'reject.complaint': row(148, 1, null, null, null, null, null),
  'reject.repeat': row(5, 4, null, null, null, null, null),
  'reject.publication': blank,
  'reject.mass': blank,
  'reject.confirm': blank,
  total: row(767, 35, null, null, 2, 1, 805),
  carryOut: row(72, null, null, null, null, null, 72),
});
table4(shanghai, [5, null, null, 2, 7, 8, null, null, 1, 9, null, null, null, null, null]);

const tablesOnly = <T>(record: Record<string, T>) =>
  Object.fromEntries(Object.entries(record).filter(([k]) => k.startsWith('t3.') || k.startsWith('t4.')));

describe('上海市人民政府办公厅 2019, a whole report in the 2019 format with most cells printed blank', () => {
  for (const name of ['shanghai-office-2019-full.html', 'shanghai-office-2019-full.docx']) {
    it(`${name}: every published number in its field, every blank cell recorded blank, not 0`, async () => {
      const { draft, report } = await imported(name);
      expect(draft.template).toBe('national-2021');
      expect(draft.year).toBe(2019);
      expect(draft.unit).toMatchObject({ name: '上海市人民政府办公厅', kind: 'other' });
      expect(draft.values).toEqual(shanghai.values);
      expect(draft.declared).toEqual(shanghai.declared);
      expect([...draft.blanks].sort()).toEqual([...shanghai.blanks].sort());
      const blankTotals = Object.values(shanghai.declared).filter((v) => v === null).length;
      expect(report.blankCount.t3! + report.blankCount.t4!).toBe(shanghai.blanks.length + blankTotals);
      // 表二's columns the 2021 format dropped are not read into the field at their place.
      const notPlaced = report.notPlaced.map((n) => n.text);
      expect(notPlaced).toEqual(
        expect.arrayContaining(['规章: 13', '规范性文件: 60', '政府集中采购: 251000元']),
      );
      expect(report.missing.map((m) => m.field)).toEqual(
        expect.arrayContaining(['t2.rules.repealed', 't2.normative.repealed', 't2.fees']),
      );
      expect(draft.prose['s1.active']).toMatch(/^2019年，通过“中国上海”门户网站、《上海市人民政府公报》/);
      expect(draft.prose['s1.request']).toMatch(/^严格执行新出台的《条例》/);
      expect(draft.prose['s5.problems']).toMatch(/^一是新《条例》实施后/);
      expect(draft.prose['s5.improvements']).toMatch(/^一是深入做好《条例》的贯彻落实/);
      expect(draft.prose['s6.other']).toBe('无。');
    });
  }

  it('the checks find the 总计 cells the page left blank, and no broken 勾稽关系 (R1)', async () => {
    const { draft } = await imported('shanghai-office-2019-full.html');
    const found = findings(draft);
    expect(found.filter((f) => f.rule === 'R1')).toEqual([]);
    const r3 = found.find((f) => f.id === 'R3:t3.open.total');
    expect(r3?.params.computed).toBe('272');
    expect(found.some((f) => f.id === 'R4:t4.after.total')).toBe(true);
  });

  it('the text copied from the page: cells printed &nbsp; stay blank, so 表三 and 表四 read as on the page', async () => {
    const { draft } = await imported('shanghai-office-2019-full.txt');
    expect(draft.year).toBe(2019);
    expect(tablesOnly(draft.values)).toEqual(tablesOnly(shanghai.values));
    expect(draft.declared).toEqual(shanghai.declared);
    expect([...draft.blanks].sort()).toEqual([...shanghai.blanks].sort());
  });
});

// ── 沭阳县人民政府 2025 ──────────────────────────────────────────────────────
const shuyang = expected();
Object.assign(shuyang.values, {
  't2.rules.issued': 0,
  't2.rules.repealed': 0,
  't2.rules.current': 0,
  't2.normative.issued': 6,
  't2.normative.repealed': 1,
  't2.normative.current': 32,
  't2.licensing': 517645,
  't2.penalty': 693957,
  't2.enforcement': 2154,
  't2.fees': 4068.208,
});
table3(shuyang, {
  new: row(705, 3, 0, 0, 5, 0, 713),
  carried: row(36, 0, 0, 0, 0, 0, 36),
  open: row(290, 1, 0, 0, 3, 0, 294),
  partial: row(99, 0, 0, 0, 2, 0, 101),
  'deny.secret': zeros,
  'deny.law': zeros,
  'deny.safety': row(2, 0, 0, 0, 0, 0, 2),
  'deny.third': row(2, 0, 0, 0, 0, 0, 2),
  'deny.internal': row(13, 0, 0, 0, 0, 0, 13),
  'deny.process': row(2, 0, 0, 0, 0, 0, 2),
  'deny.case': row(4, 0, 0, 0, 0, 0, 4),
  'deny.query': row(9, 0, 0, 0, 0, 0, 9),
  'none.nothold': row(111, 0, 0, 0, 0, 0, 111),
  'none.create': row(2, 0, 0, 0, 0, 0, 2),
  'none.unclear': zeros,
  'reject.complaint': row(12, 0, 0, 0, 0, 0, 12),
  'reject.repeat': row(6, 1, 0, 0, 0, 0, 7),
  'reject.publication': zeros,
  'reject.mass': zeros,
  'reject.confirm': zeros,
  'other.overdue': row(9, 0, 0, 0, 0, 0, 9),
  'other.fee': row(7, 0, 0, 0, 0, 0, 7),
  'other.other': row(142, 1, 0, 0, 0, 0, 143),
  total: row(710, 3, 0, 0, 5, 0, 718),
  carryOut: row(31, 0, 0, 0, 0, 0, 31),
});
table4(shuyang, [27, 10, 9, 15, 61, 3, 0, 0, 0, 3, 8, 0, 1, 1, 10]);

const notTable4 = <T>(record: Record<string, T>) =>
  Object.fromEntries(Object.entries(record).filter(([k]) => !k.startsWith('t4.')));

describe('沭阳县人民政府 2025, a whole county report with every applicant column and 表四 in use', () => {
  for (const name of [
    'shuyang-county-2025-full.html',
    'shuyang-county-2025-full.docx',
    'shuyang-county-2025-full.pdf.txt',
  ])
    it(`${name}: every published number, nothing left unplaced`, async () => {
      const { draft, report } = await imported(name);
      expect(draft.template).toBe('national-2021');
      expect(draft.year).toBe(2025);
      expect(draft.unit).toMatchObject({ name: '沐阳县人民政府', kind: 'other' });
      expect(draft.values).toEqual(shuyang.values);
      expect(draft.declared).toMatchObject(shuyang.declared);
      expect(draft.blanks).toEqual([]);
      expect(report.notPlaced.filter((n) => n.reason !== 'noSlot' && n.reason !== 'unknownHeading')).toEqual(
        [],
      );
      expect(report.missing).toEqual([]);
      expect(draft.prose['s1.request']).toMatch(/^2025 年，我县严格遵循《条例》规定，规范依申请公开办理流程/);
      expect(draft.prose['s6.other']).toMatch(/^我县认真落实《政府信息公开信息处理费管理办法》要求/);
    });

  it('the text a PDF viewer copies: paragraphs broken at the page width read as the page’s paragraphs', async () => {
    const [page, copied] = await Promise.all([
      imported('shuyang-county-2025-full.html'),
      imported('shuyang-county-2025-full.pdf.txt'),
    ]);
    const words = (prose: Record<string, string>) =>
      Object.fromEntries(Object.entries(prose).map(([slot, text]) => [slot, text.replaceAll('\n', '')]));
    expect(words(copied.draft.prose)).toEqual(words(page.draft.prose));
    expect(findings(copied.draft).filter((f) => f.rule === 'CUT')).toEqual([]);
  });

  it('the Markdown a converter made: "#" headings, "|" tables with rules under their headers, dashes under an empty header', async () => {
    const { draft, report } = await imported('shuyang-county-2025-full.txt');
    expect(draft.year).toBe(2025);
    expect(notTable4(draft.values)).toEqual(notTable4(shuyang.values));
    expect(notTable4(draft.declared)).toMatchObject(notTable4(shuyang.declared));
    expect(draft.blanks).toEqual([]);
    // 表四 cut into three tables of five under their own titles is not read: its fifteen numbers are
    // listed as not placed, none of them lost.
    expect(report.notPlaced.filter((n) => n.reason === 'strayNumber')).toHaveLength(15);
    expect(draft.prose['s1.intro']).toMatch(/^2025年，我县坚持以习近平新时代中国特色社会主义思想为指导/);
  });

  it('a consistent report: no table error', async () => {
    for (const name of ['shuyang-county-2025-full.html', 'shuyang-county-2025-full.pdf.txt']) {
      const { draft } = await imported(name);
      expect(findings(draft).filter((f) => TABLE_RULES.has(f.rule))).toEqual([]);
    }
  });
});
