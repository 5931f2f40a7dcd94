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
 * - 沭阳县发展和改革局 2023 (a county department; www.shuyang.gov.cn, 公开日期 2024-01-17): the page as
 *   a crawler saved it, byte for byte, with the portal's navigation, the saver's own 标题/来源 lines
 *   and the 索引号 table above the title, numbers split over <span>s and <font>s. 表三 fills only
 *   the 自然人 and 总计 columns and prints the other five blank, 总计 row included. Its sub-headings
 *   are slogans ("（四）加强平台建设，扩展公开渠道", "（二）整改措施。"). The .docx is LibreOffice's from
 *   the saved page.
 * - 上海市科委 2024 (a municipal commission) and 上海市人民政府办公厅 2025, as a PDF-to-Markdown converter
 *   gave them (KIROGOVCOMPARE's fixtures): labels lifted out of 表三 and set as lines between
 *   "|" tables of numbers only, 五、存在的主要问题 lost, page numbers ("— 4 —") among the lines. The
 *   科委 report numbers its own six chapters 一…六 before the tables' 一、二、三.
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

/** The draft holds the tables as printed: every entered cell, every printed total, every blank. */
function expectPrinted(draft: Draft, e: Expected) {
  expect(draft.values).toEqual(e.values);
  expect(draft.declared).toEqual(e.declared);
  expect([...draft.blanks].sort()).toEqual([...e.blanks].sort());
}

const tablesOnly = <T>(record: Record<string, T>) =>
  Object.fromEntries(Object.entries(record).filter(([k]) => k.startsWith('t3.') || k.startsWith('t4.')));

describe('上海市人民政府办公厅 2019, a whole report in the 2019 format with most cells printed blank', () => {
  for (const name of ['shanghai-office-2019-full.html', 'shanghai-office-2019-full.docx']) {
    it(`${name}: every published number in its field, every blank cell recorded blank, not 0`, async () => {
      const { draft, report } = await imported(name);
      expect(draft.template).toBe('national-2021');
      expect(draft.year).toBe(2019);
      expect(draft.unit).toMatchObject({ name: '上海市人民政府办公厅', kind: 'other' });
      expectPrinted(draft, shanghai);
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

// ── 沭阳县发展和改革局 2023 ──────────────────────────────────────────────────
const drc = expected();
Object.assign(drc.values, {
  't2.rules.issued': 0,
  't2.rules.repealed': 0,
  't2.rules.current': 0,
  't2.normative.issued': 8,
  't2.normative.repealed': 0,
  't2.normative.current': 18,
  't2.licensing': 0,
  't2.penalty': 0,
  't2.enforcement': 0,
  't2.fees': 0,
});
const natural = (n: number) => row(n, null, null, null, null, null, n);
table3(drc, {
  new: natural(26),
  carried: natural(0),
  open: natural(26),
  partial: natural(0),
  'deny.secret': natural(0),
  'deny.law': natural(0),
  'deny.safety': natural(0),
  'deny.third': natural(0),
  'deny.internal': natural(0),
  'deny.process': natural(0),
  'deny.case': natural(0),
  'deny.query': natural(0),
  'none.nothold': natural(0),
  'none.create': natural(0),
  'none.unclear': natural(0),
  'reject.complaint': natural(0),
  'reject.repeat': natural(0),
  'reject.publication': natural(0),
  'reject.mass': natural(0),
  'reject.confirm': natural(0),
  'other.overdue': natural(0),
  'other.fee': natural(0),
  'other.other': natural(0),
  total: natural(26),
  carryOut: natural(0),
});
table4(drc, [0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);

describe('沭阳县发展和改革局 2023, a county department’s page as saved, portal and all', () => {
  for (const name of ['shuyang-drc-2023-full.html', 'shuyang-drc-2023-full.docx'])
    it(`${name}: every published number, the five blank applicant columns blank, the page’s frame left out`, async () => {
      const { draft, report } = await imported(name);
      expect(draft.template).toBe('national-2021');
      expect(draft.year).toBe(2023);
      expect(draft.unit).toMatchObject({ name: '沭阳县发展和改革局', kind: 'county-department' });
      expectPrinted(draft, drc);
      expect(report.blankCount.t3).toBe(drc.blanks.length + 5);
      expect(report.notPlaced).toEqual([]);
      expect(report.missing).toEqual([]);
      expect(draft.prose.preface).toMatch(
        /^根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求，现向社会公布沭阳县发展和改革局/,
      );
      expect(Object.values(draft.prose).join('\n')).not.toMatch(/采集时间|繁體版|智能问答|走进沭阳/);
      // Sub-headings that say the slot's words in a slogan, or its meaning in other words.
      expect(draft.prose['s1.management']).toMatch(/^我局所有发布信息均按照“先审查、后公开/);
      expect(draft.prose['s1.platform']).toMatch(/^为确保部门网站网络信息安全平稳运行/);
      expect(draft.prose['s1.oversight']).toMatch(/^不断完善公共诉求服务相关工作/);
      expect(draft.prose['s5.problems']).toMatch(/^各科室人员信息公开意识有所松懈/);
      expect(draft.prose['s5.improvements']).toMatch(/^为进一步规范并加大政府信息公开工作/);
      expect(draft.prose['s6.other']).toBe('2023年度，县发展和改革局政府信息公开未发生收费情况。');
    });

  it('the checks: no broken 勾稽关系, and the 总计 cells printed blank are named', async () => {
    const { draft } = await imported('shuyang-drc-2023-full.html');
    const found = findings(draft);
    expect(found.filter((f) => f.rule === 'R1' || f.rule === 'R3' || f.rule === 'R4')).toEqual([]);
    expect(found.filter((f) => f.rule === 'R2').map((f) => [f.id, f.params.computed])).toEqual(
      ['business', 'research', 'public', 'legal', 'other'].map((c) => [`R2:t3.total.${c}`, '0']),
    );
  });
});

// ── 上海市科委 2024 ──────────────────────────────────────────────────────────
const stcsm = expected();
Object.assign(stcsm.values, {
  't2.rules.issued': 0,
  't2.rules.repealed': 0,
  't2.rules.current': 0,
  't2.normative.issued': 13,
  't2.normative.repealed': 0,
  't2.normative.current': 55,
  't2.licensing': 97,
  't2.penalty': 0,
  't2.enforcement': 0,
  't2.fees': 0,
});
table3(stcsm, {
  new: row(32, 2, 0, 0, 0, 0, 34),
  carried: row(2, 0, 0, 0, 0, 0, 2),
  open: row(9, 0, 0, 0, 0, 0, 9),
  partial: zeros,
  'deny.secret': zeros,
  'deny.law': zeros,
  'deny.safety': zeros,
  'deny.third': zeros,
  'deny.internal': row(1, 0, 0, 0, 0, 0, 1),
  'deny.process': row(1, 0, 0, 0, 0, 0, 1),
  'deny.case': zeros,
  'deny.query': zeros,
  'none.nothold': row(4, 0, 0, 0, 0, 0, 4),
  'none.create': row(6, 0, 0, 0, 0, 0, 6),
  'none.unclear': zeros,
  'reject.complaint': zeros,
  'reject.repeat': zeros,
  'reject.publication': zeros,
  'reject.mass': zeros,
  'reject.confirm': zeros,
  'other.overdue': row(8, 2, 0, 0, 0, 0, 10),
  'other.fee': zeros,
  'other.other': row(4, 0, 0, 0, 0, 0, 4),
  total: row(33, 2, 0, 0, 0, 0, 35),
  // The converter kept no 总计 for this row.
  carryOut: row(1, 0, 0, 0, 0, 0, null),
});
table4(stcsm, [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);

describe('上海市科委 2024, 表三’s labels lifted out of its tables by a PDF converter', () => {
  it('every published number in its field: a row of numbers only is read where the rows named around it leave it one place', async () => {
    const { draft, report } = await imported('shanghai-stcsm-2024-full.txt');
    expect(draft.template).toBe('national-2021');
    expect(draft.year).toBe(2024);
    expect(draft.unit).toMatchObject({ name: '上海市科委' });
    expect(draft.values).toEqual(stcsm.values);
    expect(draft.declared).toEqual(stcsm.declared);
    expect(draft.blanks).toEqual([]);
    expect(report.missing).toEqual([]);
    // A "1" alone under a lifted label is no row's: listed, not read.
    expect(report.notPlaced.filter((n) => n.reason === 'strayNumber').map((n) => n.text)).toEqual([
      expect.stringMatching(/: 1$/),
    ]);
    const low = report.cells.filter((c) => c.confidence === 'low' && c.field.startsWith('t3.'));
    expect(new Set(low.map((c) => c.field.split('.').slice(1, -1).join('.')))).toEqual(
      new Set([
        'partial',
        'deny.law',
        'deny.internal',
        'none.nothold',
        'none.create',
        'none.unclear',
        'reject.mass',
        'reject.confirm',
        'other.overdue',
        'other.fee',
      ]),
    );
  });

  it('its own chapters 二…六 stay under 一、总体情况 and are listed; 五、’s lost heading does not hide its text', async () => {
    const { draft, report } = await imported('shanghai-stcsm-2024-full.txt');
    expect(report.notPlaced.filter((n) => n.reason === 'unknownHeading').map((n) => n.text)).toEqual([
      '二、工作机制保障',
      '四、政府信息公开申请情况',
      '五、政府信息管理',
      '六、政府信息公开平台建设',
    ]);
    expect(draft.prose['s1.intro']).toMatch(/^上海市科委 2024 年深入贯彻《政府信息公开条例》/);
    expect(draft.prose['s5.problems']).toMatch(/^市科委 2024 年根据本市机构改革工作安排/);
    expect(draft.prose['s5.improvements']).toMatch(/^根据上述问题，市科委采取以下措施/);
    expect(draft.prose['s4.summary']).toBeUndefined();
  });

  it('a consistent report: the checks name only the 总计 the text lost', async () => {
    const { draft } = await imported('shanghai-stcsm-2024-full.txt');
    expect(
      findings(draft)
        .filter((f) => TABLE_RULES.has(f.rule))
        .map((f) => [f.id, f.params.computed]),
    ).toEqual([['R3:t3.carryOut.total', '1']]);
  });
});

// ── 上海市人民政府办公厅 2025 ────────────────────────────────────────────────
const office = expected();
table3(office, {
  new: row(1259, 36, 0, 0, 0, 0, 1295),
  carried: row(170, 15, 0, 0, 4, 0, 189),
  open: row(201, 5, 0, 0, 0, 0, 206),
  partial: row(2, 0, 0, 0, 0, 0, 2),
  'deny.secret': row(4, 0, 0, 0, 0, 0, 4),
  'deny.law': zeros,
  'deny.safety': row(1, 0, 0, 0, 0, 0, 1),
  'deny.third': zeros,
  'deny.internal': row(8, 0, 0, 0, 1, 0, 9),
  'deny.process': row(1, 0, 0, 0, 0, 0, 1),
  'deny.case': zeros,
  'deny.query': row(5, 0, 0, 0, 0, 0, 5),
  'none.nothold': row(484, 28, 0, 0, 1, 0, 513),
  'none.create': row(47, 1, 0, 0, 0, 0, 48),
  'none.unclear': row(3, 0, 0, 0, 0, 0, 3),
  'reject.complaint': row(61, 1, 0, 0, 0, 0, 62),
  'reject.repeat': row(16, 0, 0, 0, 0, 0, 16),
  'reject.publication': row(1, 0, 0, 0, 0, 0, 1),
  'reject.mass': row(1, 0, 0, 0, 0, 0, 1),
  'reject.confirm': zeros,
  'other.overdue': row(40, 1, 0, 0, 2, 0, 43),
  'other.fee': zeros,
  'other.other': row(264, 12, 0, 0, 0, 0, 276),
  total: row(1139, 48, 0, 0, 4, 0, 1191),
  carryOut: row(290, 3, 0, 0, 0, 0, 293),
});
table4(office, [40, 0, 10, 5, 55, 2, 0, 4, 6, 12, 6, 0, 9, 7, 22]);

describe('上海市人民政府办公厅 2025, 表三 in pieces and 表二 missing a column', () => {
  it('表三 and 表四 read whole; the pieces of a label kept ("行政机关不再处理其政府信息公") tell their rows', async () => {
    const { draft } = await imported('shanghai-office-2025-full.txt');
    expect(draft.template).toBe('national-2021');
    expect(draft.year).toBe(2025);
    expect(draft.unit).toMatchObject({ name: '上海市人民政府办公厅', kind: 'other' });
    expect(tablesOnly(draft.values)).toEqual(tablesOnly(office.values));
    expect(draft.declared).toEqual(office.declared);
    expect(draft.blanks).toEqual([]);
    expect(draft.prose['s1.request']).toMatch(/^市政府共受理政府信息公开申请 1295 件/);
    expect(draft.prose['s5.improvements']).toMatch(/^针对 2024 年工作中存在的主要问题/);
  });

  it('表二’s rows print two numbers under three columns: none is guessed into a field, all are listed', async () => {
    // As published: 规章 22 / 22（其中修订 16 件）/ 235, 行政规范性文件 34 / 55（含自然失效 29 件）/ 189;
    // the converter set the multi-line 废止 cells apart from their rows.
    const { draft, report } = await imported('shanghai-office-2025-full.txt');
    for (const f of ['rules', 'normative'])
      for (const c of ['issued', 'repealed', 'current']) expect(draft.values[`t2.${f}.${c}`]).toBeUndefined();
    expect(report.notPlaced.map((n) => n.text)).toEqual(
      expect.arrayContaining(['规章: 22', '规章: 235', '行政规范性文件: 34', '行政规范性文件: 189']),
    );
    expect(report.missing.map((m) => m.field)).toEqual(
      expect.arrayContaining([
        't2.rules.issued',
        't2.rules.current',
        't2.normative.issued',
        't2.normative.current',
      ]),
    );
  });

  it('a consistent report: no table error', async () => {
    const { draft } = await imported('shanghai-office-2025-full.txt');
    expect(findings(draft).filter((f) => TABLE_RULES.has(f.rule))).toEqual([]);
  });
});
